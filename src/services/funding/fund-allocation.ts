import { knownAsOf } from '../../core/funding/known-as-of.js';
import { type AllocationContribution, type AllocationPackage, allocateFund, type FundAllocation } from '../../core/funding/allocate-fund.js';
import { findRate, type RateTable } from '../../core/money/rate-table.js';
import { AppError } from '../../contracts/input-error.js';
import type { Contribution, Fund } from '../../contracts/records.schema.js';
import { type ConversionNote, Converter } from './convert-records.js';
import type { FundingRecords } from './load-funding-records.js';
import type { ReportedTotal } from './reference-data.js';

// A fund's allocation report: contributions and package prices converted into one currency — the fund's, or
// the one a view asks for — (each conversion shown), the core's allocation, and the publicly reported running
// totals beside the computed ones. Each contribution converts at the rate of its own date.

export interface ReportedComparison {
  date: string;
  what: string;
  /** The figure as reported, in its own currency; currency null: the reports disagree on it, so it is not converted and no difference is computed. */
  reported: { amount: number; currency: string | null; approximate: boolean; atLeast: boolean; countries: number | null };
  /** The reported figure in the report's currency at the rate of the day it was reported; null when its currency is unknown. */
  reportedConverted: { amount: number; currency: string; conversion: ConversionNote | null } | null;
  /** The contributions dated up to then, in the report's currency, each at the rate of its own date; contributions without an amount count as donors only. */
  computed: { amount: number; currency: string; contributions: number; donors: number };
  /** computed − reported, in the report's currency; null when the reported currency is unknown. */
  difference: number | null;
  sources: string[];
}

export interface FundAllocationReport {
  fund: Fund;
  /** The currency of every figure below (the fund's unless another was asked for). */
  currency: string;
  /** The ECB publication day of the rates used for the as-of date (prices, target), or null when nothing needed converting. */
  rateDate: string | null;
  /** Contributions dated after this are left out; prices in other currencies are valued at this date unless earmarked money fixes the date. */
  asOf: string;
  /** amount null: no amount was published (the donors are listed, no money is allocated). */
  contributions: { id: string; donors: string[]; date: string; status: string; package: string | null; amount: number | null; conversion: ConversionNote | null }[];
  /** Donors' parts recorded by another donor and not yet confirmed: in no figure above (amount in the contribution's currency). */
  unconfirmed: { contribution: string; party: string; amount: number; currency: string }[];
  priceConversions: { package: string; conversion: ConversionNote }[];
  allocation: FundAllocation;
  reportedTotals: ReportedComparison[];
}

/** Allocate one fund's contributions to its packages as of a date. */
export function reportFundAllocation(records: FundingRecords, fundId: string, options: { table: RateTable; asOf: string; reported: readonly ReportedTotal[]; currency?: string }): FundAllocationReport {
  const fund = records.funds.find((item) => item.id === fundId);
  if (!fund) throw new AppError('not_found', `funds '${fundId}' not found`);
  const currency = options.currency ?? fund.currency;
  const converter = new Converter(options.table);
  const contributions = records.contributions.filter((item) => item.fund === fund.id && item.date <= options.asOf);
  const converted = contributions.map((item) => {
    if (item.amount === null) return { item, amount: null, conversion: null };
    const result = converter.convert({ amount: item.amount, currency: item.currency }, currency, item.date, `contributions/${item.id}.currency`);
    return { item, amount: result?.amount ?? 0, conversion: item.currency === currency ? null : (result?.note ?? null) };
  });
  const priceConversions: { package: string; conversion: ConversionNote }[] = [];
  const packages: AllocationPackage[] = records.packages
    .filter((item) => item.fund === fund.id && knownAsOf(item, options.asOf))
    .map((item) => {
      // A price in another currency is valued on the day of the first money earmarked for it, so an earmark
      // of the same amount and currency funds it exactly; otherwise at the as-of date.
      const earmarked = contributions.filter((c) => c.package === item.id).map((c) => c.date).sort()[0];
      const result = converter.convert({ amount: item.price, currency: item.currency }, currency, earmarked ?? options.asOf, `fund-packages/${item.id}.currency`);
      if (result && item.currency !== currency) priceConversions.push({ package: item.id, conversion: result.note });
      return { id: item.id, title: item.title, price: result?.amount ?? 0, priority: item.priority, status: item.status };
    });
  // The target is in the fund's currency, valued at the as-of date.
  const target = fund.targetAmount === undefined ? undefined : converter.convert({ amount: fund.targetAmount, currency: fund.currency }, currency, options.asOf, `funds/${fund.id}.targetAmount`)?.amount;
  converter.throwProblems(`fund '${fund.id}'`);
  const inputs: AllocationContribution[] = converted.flatMap(({ item, amount }) => (amount === null ? [] : [{ item, amount }])).map(({ item, amount }) => ({
    id: item.id,
    amount,
    donors: item.donors,
    status: item.status,
    date: item.date,
    ...(item.package !== undefined ? { package: item.package } : {}),
  }));
  const allocation = allocateFund({ packages, contributions: inputs, ...(target !== undefined ? { target } : {}) });
  const anyConverted = converted.some((entry) => entry.conversion !== null) || priceConversions.length > 0 || fund.currency !== currency;
  return {
    fund,
    currency,
    rateDate: anyConverted ? rateDay(options.table, currency === 'EUR' ? fund.currency : currency, options.asOf) : null,
    asOf: options.asOf,
    contributions: converted.map(({ item, amount, conversion }) => ({
      id: item.id,
      donors: item.donors.map((donor) => donor.party),
      date: item.date,
      status: item.status,
      package: item.package ?? null,
      amount,
      conversion,
    })),
    unconfirmed: records.unconfirmed
      .filter((part) => part.fund === fund.id && part.date <= options.asOf)
      .map((part) => ({ contribution: part.contribution, party: part.party, amount: part.amount, currency: part.currency })),
    priceConversions,
    allocation,
    reportedTotals: compareReported(contributions, options.reported.filter((total) => total.fund === fund.id && total.date <= options.asOf), { table: options.table, currency }),
  };
}

// Each reported figure beside the computed one in the report's currency: the reported figure at the rate of its
// day, the contributions each at their own date's. A figure of unknown currency is not converted or compared.
function compareReported(contributions: readonly Contribution[], reported: readonly ReportedTotal[], options: { table: RateTable; currency: string }): ReportedComparison[] {
  return reported.map((total) => {
    const converter = new Converter(options.table);
    const currency = options.currency;
    const inView = total.currency === null ? undefined : converter.convert({ amount: total.amount, currency: total.currency }, currency, total.date, 'reported');
    const upTo = contributions.filter((item) => item.date <= total.date);
    let amount = 0;
    for (const item of upTo) {
      if (item.amount !== null) amount += converter.convert({ amount: item.amount, currency: item.currency }, currency, item.date, `contributions/${item.id}`)?.amount ?? 0;
    }
    converter.throwProblems('the reported totals');
    const donors = new Set(upTo.flatMap((item) => item.donors.map((donor) => donor.party)));
    return {
      date: total.date,
      what: total.what,
      reported: { amount: total.amount, currency: total.currency, approximate: total.approximate, atLeast: total.atLeast ?? false, countries: total.countries ?? null },
      reportedConverted: inView === undefined ? null : { amount: inView.amount, currency, conversion: total.currency === currency ? null : inView.note },
      computed: { amount, currency, contributions: upTo.length, donors: donors.size },
      difference: inView === undefined ? null : amount - inView.amount,
      sources: total.sources,
    };
  });
}

// The ECB publication day whose rate applies to a date for a currency (the nearest earlier one), or null.
function rateDay(table: RateTable, currency: string, date: string): string | null {
  if (currency === 'EUR') return null;
  const found = findRate(table, currency, date);
  return found.ok ? found.value.date : null;
}
