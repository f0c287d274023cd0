import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { collectAtoms } from '../../core/conditions/parse-condition.js';
import type { FigureRecord, RecordFigure } from '../../core/provenance/check-provenance.js';
import type { Dataset, Source } from '../../core/types.js';
import { sourceSchema } from '../../contracts/domain.schema.js';
import { InputError } from '../../contracts/input-error.js';
import { parseCollections } from '../../contracts/parse-collections.js';
import {
  actionItemSchema,
  contributionSchema,
  type Contribution,
  type FinancingPlan,
  financingPlanSchema,
  type Fund,
  type FundPackage,
  fundPackageSchema,
  fundSchema,
  type Meeting,
  type MeetingDecision,
  meetingDecisionSchema,
  meetingSchema,
  minorUnitDigits,
  type SanctionsMeasure,
  sanctionsMeasureSchema,
  type SanctionsPackage,
  sanctionsPackageSchema,
} from '../../contracts/records.schema.js';
import type { ReportedTotal } from '../funding/reference-data.js';
import { loadReportedTotals } from '../funding/reference-data.js';
import { loadDatasetDirectory } from '../load-dataset.js';

// The figures of every record of a dataset directory (data/demo layout), for the provenance check: each
// number a record states, in major units (EUR 500 m, not cents), with the sources it cites and its
// derivations. Condition thresholds come from the core's parser, so `count(land.personnel) >= 2` is a figure.

/** Every record of a dataset directory, by collection, validated by its schema. */
export interface DatasetRecords {
  dataset: Dataset;
  /** The sources of every file (sources.json and the `sources` of meetings, sanctions and funding). */
  sources: Source[];
  meetings: Meeting[];
  decisions: MeetingDecision[];
  sanctionsPackages: SanctionsPackage[];
  sanctionsMeasures: SanctionsMeasure[];
  funds: Fund[];
  fundPackages: FundPackage[];
  contributions: Contribution[];
  financingPlans: FinancingPlan[];
  reportedTotals: ReportedTotal[];
}

/** Read the demo directory's files (engine dataset, meetings, sanctions, funding, reported totals). */
export async function readDatasetRecords(directory: string): Promise<DatasetRecords> {
  const prepared = await loadDatasetDirectory(directory);
  const meetings = await readCollections(join(directory, 'meetings.json'), {
    sources: sourceSchema,
    meetings: meetingSchema,
    decisions: meetingDecisionSchema,
    actionItems: actionItemSchema,
  });
  const sanctions = await readCollections(join(directory, 'sanctions.json'), { sources: sourceSchema, packages: sanctionsPackageSchema, measures: sanctionsMeasureSchema });
  const funding = await readCollections(join(directory, 'funding.json'), {
    sources: sourceSchema,
    funds: fundSchema,
    fundPackages: fundPackageSchema,
    contributions: contributionSchema,
    financingPlans: financingPlanSchema,
  });
  return {
    dataset: prepared,
    sources: [...prepared.sources, ...meetings.sources, ...sanctions.sources, ...funding.sources],
    meetings: meetings.meetings,
    decisions: meetings.decisions,
    sanctionsPackages: sanctions.packages,
    sanctionsMeasures: sanctions.measures,
    funds: funding.funds,
    fundPackages: funding.fundPackages,
    contributions: funding.contributions,
    financingPlans: funding.financingPlans,
    reportedTotals: await loadReportedTotals(),
  };
}

/** Each record's figures, sources and derivations. */
export function collectFigures(records: DatasetRecords, conditions: ReadonlyMap<string, Parameters<typeof collectAtoms>[0]>): FigureRecord[] {
  const major = (amount: number, currency: string): number => amount / 10 ** minorUnitDigits(currency);
  const out: FigureRecord[] = [];
  for (const pledge of records.dataset.pledges) {
    const figures: RecordFigure[] = [];
    if (pledge.quantity) figures.push({ field: 'quantity.min', value: pledge.quantity.min }, { field: 'quantity.max', value: pledge.quantity.max });
    const condition = conditions.get(pledge.id);
    if (condition) for (const atom of collectAtoms(condition)) if (atom.kind === 'count' || atom.kind === 'total') figures.push({ field: 'condition', value: atom.threshold });
    out.push({ collection: 'pledges', id: pledge.id, sources: pledge.sources, ...derivedOf(pledge), figures });
  }
  for (const requirement of records.dataset.requirements) {
    out.push({ collection: 'requirements', id: requirement.id, sources: requirement.sources, ...derivedOf(requirement), figures: requirement.quantity === null ? [] : [{ field: 'quantity', value: requirement.quantity }] });
  }
  for (const fact of records.dataset.facts) {
    // A probability is a scenario assumption, not a sourced figure: allowed when the description says so.
    const assumed = fact.description !== undefined && /\b(assumption|placeholder)\b/i.test(fact.description);
    out.push({ collection: 'facts', id: fact.id, sources: fact.sources, figures: fact.probability === undefined ? [] : [{ field: 'probability', value: fact.probability }], ...(assumed ? { assumptions: ['probability'] } : {}) });
  }
  for (const item of records.dataset.packages) out.push({ collection: 'packages', id: item.id, sources: item.sources, figures: [] });
  for (const meeting of records.meetings) out.push({ collection: 'meetings', id: meeting.id, sources: meeting.sources, figures: [] });
  for (const decision of records.decisions) out.push({ collection: 'decisions', id: decision.id, sources: decision.sources, figures: [] });
  for (const item of records.sanctionsPackages) out.push({ collection: 'sanctions-packages', id: item.id, sources: item.sources, figures: item.number === undefined ? [] : [{ field: 'number', value: item.number }] });
  for (const item of records.sanctionsMeasures) out.push({ collection: 'sanctions-measures', id: item.id, sources: item.sources, figures: item.count === undefined ? [] : [{ field: 'count', value: item.count }] });
  for (const fund of records.funds) {
    out.push({ collection: 'funds', id: fund.id, sources: fund.sources, figures: fund.targetAmount === undefined ? [] : [{ field: 'targetAmount', value: major(fund.targetAmount, fund.currency) }] });
  }
  for (const item of records.fundPackages) out.push({ collection: 'fund-packages', id: item.id, sources: item.sources, figures: [{ field: 'price', value: major(item.price, item.currency) }] });
  for (const item of records.contributions) {
    const figures: RecordFigure[] = item.amount === null ? [] : [{ field: 'amount', value: major(item.amount, item.currency) }];
    item.donors.forEach((donor, i) => {
      if (donor.share !== undefined) figures.push({ field: `donors[${i}].share`, value: donor.share });
    });
    out.push({ collection: 'contributions', id: item.id, sources: item.sources, ...derivedOf(item), figures });
  }
  for (const plan of records.financingPlans) {
    out.push({ collection: 'financing-plans', id: plan.id, sources: plan.sources, figures: [{ field: 'needAmount', value: major(plan.needAmount, plan.currency) }] });
    for (const option of plan.options) {
      const figures: RecordFigure[] = option.amount === undefined ? [] : [{ field: 'amount', value: major(option.amount, plan.currency) }];
      (option.keyWeights ?? []).forEach((entry, i) => figures.push({ field: `keyWeights[${i}].weight`, value: entry.weight }));
      out.push({ collection: `financing-plans/${plan.id}/options`, id: option.id, sources: option.sources ?? plan.sources, ...derivedOf(option), figures });
    }
  }
  records.reportedTotals.forEach((total) => {
    const figures: RecordFigure[] = [{ field: 'amount', value: total.amount / 100 }];
    if (total.countries !== undefined) figures.push({ field: 'countries', value: total.countries });
    out.push({ collection: 'purl-reported-totals', id: `${total.fund}@${total.date}`, sources: total.sources, figures });
  });
  return out;
}

function derivedOf(record: { derived?: FigureRecord['derived'] }): Pick<FigureRecord, 'derived'> {
  return record.derived ? { derived: record.derived } : {};
}

async function readCollections<S extends Record<string, z.ZodType>>(path: string, schemas: S): Promise<{ [K in keyof S]: z.output<S[K]>[] }> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = parseCollections(raw, schemas, Object.keys(schemas));
  if (parsed.problems.length > 0) throw new InputError('input.invalid', `invalid dataset file ${path}`, parsed.problems);
  return parsed.records;
}
