import type { Contribution, FundPackage } from '../../../contracts/records.schema.js';
import type { ConversionLike } from '../../components/money.js';
import type { Language } from '../../i18n/messages.js';

// The PURL board: funds, their packages with price and what is earmarked for them, and the donors.
// Money arrives in integer minor units with its currency (DESIGN.md §3).

/** Minor units → "€23.2bn" / "23,2 Mrd. €": rounded to three significant figures, as public figures are. */
export function formatMoney(language: Language, minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency, notation: 'compact', maximumSignificantDigits: 3 });
  return format.format(minorUnits / 10 ** fractionDigits(currency));
}

/** The exact amount, to the unit of the currency ("€23,153,652,809"): the tooltip behind a rounded figure. */
export function formatMoneyExact(language: Language, minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 });
  return format.format(minorUnits / 10 ** fractionDigits(currency));
}

function fractionDigits(currency: string): number {
  return new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
}

// GET /api/funds/:id/allocation (docs/funding.md): earmarks first, then priority; the server's figures are shown as they are.
export interface FundAllocation {
  fund: { id: string; title: string; currency: string; sources: string[] };
  /** The currency of every figure (the server converted them), and the ECB day of the rates used for the as-of date. */
  currency?: string;
  rateDate?: string | null;
  asOf: string;
  contributions?: { id: string; donors: string[]; date: string; amount: number | null; conversion: ConversionLike | null }[];
  allocation: {
    packages: { id: string; title: string; priority: number; price: number; funded: number; earmarked: number; fromPool: number; shortfall: number; fundedShare: number; recordedStatus: string; status: string }[];
    flows: { contribution: string; package: string | null; amount: number }[];
    donors: { party: string; total: number; paid: number; pledged: number; earmarked: number; contributions: number; joint: number; sharesAssumed: number }[];
    totals: { contributed: number; allocated: number; unallocated: number; price: number; shortfall: number; target: number | null; fundedShareOfTarget: number | null };
    warnings: string[];
  };
  /** reported.currency null: the reports disagree on the currency, so no difference is computed. */
  reportedTotals: {
    date: string;
    what: string;
    reported: { amount: number; currency: string | null; approximate: boolean };
    /** The reported figure in the view's currency at its day's rate; null when its currency is unknown. */
    reportedConverted?: { amount: number; currency: string; conversion: ConversionLike | null } | null;
    computed: { amount: number; currency: string; contributions: number; donors: number };
    difference: number | null;
    sources: string[];
  }[];
}

export interface BoardPackage {
  id: string;
  title: string;
  price: number;
  priority: number;
  status: string;
  funded: number;
  earmarked: number;
  fromPool: number;
  shortfall: number;
  /** Share of the price funded, 0–100. */
  fundedPct: number;
  donors: string[];
  sources: string[];
}

export interface BoardFund {
  id: string;
  title: string;
  currency: string;
  /** The ECB day of the rates used for the as-of date, when anything was converted at it. */
  rateDate: string | null;
  asOf: string;
  packages: BoardPackage[];
  totals: FundAllocation['allocation']['totals'];
  donors: { party: string; total: number; jointShareAssumed: boolean }[];
  warnings: string[];
  reported: FundAllocation['reportedTotals'];
  sources: string[];
}

/** A fund's board from the server's allocation: packages by priority with who paid into each, donors by amount. */
export function buildFundBoard(allocation: FundAllocation, contributions: readonly Contribution[], packages: readonly FundPackage[]): BoardFund {
  const donorsOf = new Map(contributions.map((contribution) => [contribution.id, contribution.donors.map((donor) => donor.party)]));
  const sourcesOf = new Map(packages.map((pkg) => [pkg.id, pkg.sources]));
  const contributionSources = new Map(contributions.map((contribution) => [contribution.id, contribution.sources]));
  const boardPackages = [...allocation.allocation.packages]
    .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
    .map((pkg) => {
      const flows = allocation.allocation.flows.filter((flow) => flow.package === pkg.id && flow.amount > 0);
      return {
        id: pkg.id,
        title: pkg.title,
        price: pkg.price,
        priority: pkg.priority,
        status: pkg.status,
        funded: pkg.funded,
        earmarked: pkg.earmarked,
        fromPool: pkg.fromPool,
        shortfall: pkg.shortfall,
        fundedPct: Math.min(100, Math.round(pkg.fundedShare * 100)),
        donors: [...new Set(flows.flatMap((flow) => donorsOf.get(flow.contribution) ?? []))].sort(),
        sources: [...new Set([...(sourcesOf.get(pkg.id) ?? []), ...flows.flatMap((flow) => contributionSources.get(flow.contribution) ?? [])])],
      };
    });
  return {
    id: allocation.fund.id,
    title: allocation.fund.title,
    currency: allocation.currency ?? allocation.fund.currency,
    rateDate: allocation.rateDate ?? null,
    asOf: allocation.asOf,
    packages: boardPackages,
    totals: allocation.allocation.totals,
    donors: [...allocation.allocation.donors].sort((a, b) => b.total - a.total || a.party.localeCompare(b.party)).map((donor) => ({ party: donor.party, total: donor.total, jointShareAssumed: donor.sharesAssumed > 0 })),
    warnings: allocation.allocation.warnings,
    reported: allocation.reportedTotals,
    sources: allocation.fund.sources,
  };
}
