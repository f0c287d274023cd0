import { decidedAsOf } from '../../core/funding/known-as-of.js';
import { computeFinancingShares, type OptionShares, sideBySide } from '../../core/funding/compute-financing-shares.js';
import { AppError } from '../../contracts/input-error.js';
import type { FinancingPlan } from '../../contracts/records.schema.js';
import type { RateTable } from '../../core/money/rate-table.js';
import { type ConversionNote, Converter } from './convert-records.js';
import type { FundingRecords } from './load-funding-records.js';
import type { GdpTable } from './reference-data.js';

// A financing plan's options side by side: each state's share and exposure under each option, which option
// was decided, and the sources of each.

export interface FinancingReport {
  /** decidedOption: the option decided on by the as-of date (null while the plan was open then); decidedOn: when. */
  plan: { id: string; title: string; needAmount: number; currency: string; period: FinancingPlan['period'] | null; decidedOption: string | null; decidedOn: string | null; sources: string[]; note: string | null };
  /** The date the report is as of: a decision taken after it is not shown as taken. */
  asOf: string;
  /** How the plan's amounts were converted into the report's currency (at the rate of the as-of date), or null when they are in the plan's own. */
  conversion: { from: string; note: ConversionNote } | null;
  options: (OptionShares & { sources: string[]; note: string | null })[];
  /** One row per state: its amount and share under each option, in the order of `options` (null: not part of it). */
  sideBySide: { party: string; name: string; amounts: (number | null)[]; shares: (number | null)[] }[];
  keySource: string;
}

/** In another currency than the plan's: the rates and the currency. */
export interface ReportCurrency {
  table: RateTable;
  currency: string;
}

/** Shares and exposures of one plan's options as of a date. */
export function reportFinancingPlan(records: FundingRecords, planId: string, gdp: GdpTable, asOf: string, inCurrency?: ReportCurrency): FinancingReport {
  const plan = records.plans.find((item) => item.id === planId);
  if (!plan) throw new AppError('not_found', `financing-plans '${planId}' not found`);
  return financingReportOf(plan, records, gdp, asOf, inCurrency);
}

/** The report of a plan already loaded, as of a date (a decision taken after it is not shown as taken), in its currency or another at the rate of that date. */
export function financingReportOf(original: FinancingPlan, records: FundingRecords, gdp: GdpTable, asOf: string, inCurrency?: ReportCurrency): FinancingReport {
  const { plan, conversion } = inCurrency === undefined || inCurrency.currency === original.currency ? { plan: original, conversion: null } : convertPlan(original, asOf, inCurrency);
  const decided = decidedAsOf(plan, asOf);
  const options = computeFinancingShares({
    needAmount: plan.needAmount,
    options: plan.options.map((option) => ({
      id: option.id,
      kind: option.kind,
      title: option.title,
      ...(option.key !== undefined ? { key: option.key } : {}),
      ...(option.optOuts !== undefined ? { optOuts: option.optOuts } : {}),
      ...(option.guarantors !== undefined ? { guarantors: option.guarantors } : {}),
      ...(option.keyWeights !== undefined ? { keyWeights: option.keyWeights } : {}),
      ...(option.amount !== undefined ? { amount: option.amount } : {}),
    })),
    ...(decided !== undefined ? { decidedOption: decided } : {}),
    parties: records.parties,
    keyFigures: gdp.usdBn,
  });
  const names = new Map(records.parties.map((party) => [party.id, party.name.en]));
  return {
    plan: {
      id: plan.id,
      title: plan.title,
      needAmount: plan.needAmount,
      currency: plan.currency,
      period: plan.period ?? null,
      decidedOption: decided ?? null,
      decidedOn: decided === undefined ? null : (plan.decidedOn ?? null),
      sources: plan.sources,
      note: plan.note ?? null,
    },
    options: options.map((option, i) => ({ ...option, sources: plan.options[i]?.sources ?? [], note: plan.options[i]?.note ?? null })),
    sideBySide: sideBySide(options).map((row) => ({ ...row, name: names.get(row.party) ?? row.party })),
    keySource: gdp.source,
    asOf,
    conversion,
  };
}

// The plan's need and option amounts in another currency at the rate of the as-of date (the core's conversion).
function convertPlan(plan: FinancingPlan, asOf: string, to: ReportCurrency): { plan: FinancingPlan; conversion: { from: string; note: ConversionNote } } {
  const converter = new Converter(to.table);
  const convert = (amount: number, path: string): { amount: number; note: ConversionNote } | undefined => converter.convert({ amount, currency: plan.currency }, to.currency, asOf, `financing-plans/${plan.id}.${path}`);
  const need = convert(plan.needAmount, 'needAmount');
  const options = plan.options.map((option, i) => (option.amount === undefined ? option : { ...option, amount: convert(option.amount, `options.${i}.amount`)?.amount ?? 0 }));
  converter.throwProblems(`financing plan '${plan.id}'`);
  if (!need) throw new AppError('dataset.unit_mismatch', `cannot value financing plan '${plan.id}' in ${to.currency}`);
  return { plan: { ...plan, needAmount: need.amount, currency: to.currency, options }, conversion: { from: plan.currency, note: need.note } };
}
