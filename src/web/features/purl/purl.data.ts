import type { Contribution, Fund, FundPackage } from '../../../contracts/records.schema.js';
import type { Language } from '../../i18n/messages.js';

// The PURL board: funds, their packages with price and what is earmarked for them, and the donors.
// Money arrives in integer minor units with its currency (DESIGN.md §3).

/** Minor units → "€500,000,000.00" in the language's format. */
export function formatMoney(language: Language, minorUnits: number, currency: string): string {
  const format = new Intl.NumberFormat(language === 'de' ? 'de-DE' : 'en-GB', { style: 'currency', currency, maximumFractionDigits: 0 });
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  return format.format(minorUnits / 10 ** digits);
}

export interface BoardPackage {
  id: string;
  title: string;
  price: number;
  currency: string;
  priority: number;
  status: FundPackage['status'];
  /** Earmarked contributions in the package's currency. */
  earmarked: number;
  /** Share of the price earmarked, 0–100 (capped). */
  earmarkedPct: number;
  donors: string[];
  contributions: string[];
  sources: string[];
}

export interface BoardFund {
  id: string;
  title: string;
  currency: string;
  packages: BoardPackage[];
  /** Contributions to the fund without an earmark, per currency. */
  unearmarked: { currency: string; amount: number }[];
  donors: string[];
  sources: string[];
}

/** Funds with their packages (by priority), earmarked sums and donors; contributions dated after `asOf` are left out. */
export function buildPurlBoard(funds: readonly Fund[], packages: readonly FundPackage[], contributions: readonly Contribution[], asOf?: string): BoardFund[] {
  return funds.map((fund) => {
    const ownContributions = contributions.filter((contribution) => contribution.fund === fund.id && (asOf === undefined || contribution.date <= asOf));
    const boardPackages = packages
      .filter((pkg) => pkg.fund === fund.id)
      .sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id))
      .map((pkg) => {
        const earmarks = ownContributions.filter((contribution) => contribution.package === pkg.id);
        const earmarked = earmarks.filter((c) => c.currency === pkg.currency).reduce((sum, c) => sum + c.amount, 0);
        return {
          id: pkg.id,
          title: pkg.title,
          price: pkg.price,
          currency: pkg.currency,
          priority: pkg.priority,
          status: pkg.status,
          earmarked,
          earmarkedPct: pkg.price > 0 ? Math.min(100, Math.round((earmarked / pkg.price) * 100)) : 0,
          donors: donorsOf(earmarks),
          contributions: earmarks.map((c) => c.id),
          sources: [...new Set([...pkg.sources, ...earmarks.flatMap((c) => c.sources)])],
        };
      });
    const unearmarked = new Map<string, number>();
    for (const contribution of ownContributions.filter((c) => c.package === undefined)) {
      unearmarked.set(contribution.currency, (unearmarked.get(contribution.currency) ?? 0) + contribution.amount);
    }
    return {
      id: fund.id,
      title: fund.title,
      currency: fund.currency,
      packages: boardPackages,
      unearmarked: [...unearmarked].map(([currency, amount]) => ({ currency, amount })),
      donors: donorsOf(ownContributions),
      sources: [...new Set([...fund.sources, ...ownContributions.flatMap((c) => c.sources)])],
    };
  });
}

function donorsOf(contributions: readonly Contribution[]): string[] {
  return [...new Set(contributions.flatMap((contribution) => contribution.donors.map((donor) => donor.party)))].sort();
}
