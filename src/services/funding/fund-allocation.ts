import { knownAsOf } from '../../core/funding/known-as-of.js';
import { type AllocationContribution, type AllocationPackage, allocateFund, type FundAllocation } from '../../core/funding/allocate-fund.js';
import type { RateTable } from '../../core/money/rate-table.js';
import { AppError } from '../../contracts/input-error.js';
import type { Contribution, Fund } from '../../contracts/records.schema.js';
import { type ConversionNote, Converter } from './convert-records.js';
import type { FundingRecords } from './load-funding-records.js';
import type { ReportedTotal } from './reference-data.js';

// A fund's allocation report: contributions and package prices converted into the fund's currency (each
// conversion shown), the core's allocation, and the publicly reported running totals beside the computed ones.

export interface ReportedComparison {
  date: string;
  what: string;
  /** currency null: the reports disagree on it, so no difference is computed. */
  reported: { amount: number; currency: string | null; approximate: boolean; atLeast: boolean; countries: number | null };
  /** The contributions dated up to then, converted into the reported currency (the fund's when it is unknown) at their own dates; contributions without an amount count as donors only. */
  computed: { amount: number; currency: string; contributions: number; donors: number };
  /** computed − reported, in the reported currency; null when the reported currency is unknown. */
  difference: number | null;
  sources: string[];
}

export interface FundAllocationReport {
  fund: Fund;
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
export function reportFundAllocation(records: FundingRecords, fundId: string, options: { table: RateTable; asOf: string; reported: readonly ReportedTotal[] }): FundAllocationReport {
  const fund = records.funds.find((item) => item.id === fundId);
  if (!fund) throw new AppError('not_found', `funds '${fundId}' not found`);
  const converter = new Converter(options.table);
  const contributions = records.contributions.filter((item) => item.fund === fund.id && item.date <= options.asOf);
  const converted = contributions.map((item) => {
    if (item.amount === null) return { item, amount: null, conversion: null };
    const result = converter.convert({ amount: item.amount, currency: item.currency }, fund.currency, item.date, `contributions/${item.id}.currency`);
    return { item, amount: result?.amount ?? 0, conversion: item.currency === fund.currency ? null : (result?.note ?? null) };
  });
  const priceConversions: { package: string; conversion: ConversionNote }[] = [];
  const packages: AllocationPackage[] = records.packages
    .filter((item) => item.fund === fund.id && knownAsOf(item, options.asOf))
    .map((item) => {
      // A price in another currency is valued on the day of the first money earmarked for it, so an earmark
      // of the same amount and currency funds it exactly; otherwise at the as-of date.
      const earmarked = contributions.filter((c) => c.package === item.id).map((c) => c.date).sort()[0];
      const result = converter.convert({ amount: item.price, currency: item.currency }, fund.currency, earmarked ?? options.asOf, `fund-packages/${item.id}.currency`);
      if (result && item.currency !== fund.currency) priceConversions.push({ package: item.id, conversion: result.note });
      return { id: item.id, title: item.title, price: result?.amount ?? 0, priority: item.priority, status: item.status };
    });
  converter.throwProblems(`fund '${fund.id}'`);
  const inputs: AllocationContribution[] = converted.flatMap(({ item, amount }) => (amount === null ? [] : [{ item, amount }])).map(({ item, amount }) => ({
    id: item.id,
    amount,
    donors: item.donors,
    status: item.status,
    date: item.date,
    ...(item.package !== undefined ? { package: item.package } : {}),
  }));
  const allocation = allocateFund({ packages, contributions: inputs, ...(fund.targetAmount !== undefined ? { target: fund.targetAmount } : {}) });
  return {
    fund,
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
    reportedTotals: compareReported(contributions, options.reported.filter((total) => total.fund === fund.id && total.date <= options.asOf), { table: options.table, fundCurrency: fund.currency }),
  };
}

function compareReported(contributions: readonly Contribution[], reported: readonly ReportedTotal[], options: { table: RateTable; fundCurrency: string }): ReportedComparison[] {
  return reported.map((total) => {
    const converter = new Converter(options.table);
    const currency = total.currency ?? options.fundCurrency;
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
      computed: { amount, currency, contributions: upTo.length, donors: donors.size },
      difference: total.currency === null ? null : amount - total.amount,
      sources: total.sources,
    };
  });
}
