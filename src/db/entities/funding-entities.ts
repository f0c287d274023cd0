import { arrayContains, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import {
  type Contribution,
  contributionSchema,
  type Donor,
  type FinancingOption,
  type FinancingPlan,
  financingPlanSchema,
  type Fund,
  type FundPackage,
  fundPackageSchema,
  fundSchema,
} from '../../contracts/records.schema.js';
import type { Database } from '../open-store.js';
import {
  contributions,
  financingPlans,
  fundPackages,
  funds,
  meetings,
  parties,
  pledges,
  requirements,
  sanctionsPackages,
  sources,
} from '../schema/index.js';
import { derivationsFromRow, type EntityDefinition, type ReferenceProblem, windowFrom, withoutEmpty } from './entity-definition.js';

// Funds, their packages and contributions, and financing plans (DESIGN.md §3), with the reference checks
// their writes need. The reference helpers at the top are shared with the sanctions and meeting entities.

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

/** A reference from a record to another: where it sits in the record (`donors[1].party`) and the id. */
export interface Reference {
  path: string;
  id: string;
}

const TARGETS = {
  party: { table: parties, id: parties.id },
  source: { table: sources, id: sources.id },
  pledge: { table: pledges, id: pledges.id },
  requirement: { table: requirements, id: requirements.id },
  fund: { table: funds, id: funds.id },
  'fund package': { table: fundPackages, id: fundPackages.id },
  meeting: { table: meetings, id: meetings.id },
  'sanctions package': { table: sanctionsPackages, id: sanctionsPackages.id },
} satisfies Record<string, { table: PgTable; id: PgColumn }>;

export type ReferenceTarget = keyof typeof TARGETS;

/** The references of a list field, one per item: `alignment[0]`, `alignment[1]`, … */
export function listReferences(path: string, ids: readonly string[] | undefined): Reference[] {
  return (ids ?? []).map((id, i) => ({ path: `${path}[${i}]`, id }));
}

/** A problem for every reference whose target record does not exist, e.g. `unknown party 'XX'`. */
export async function findUnknownReferences(db: Database, checks: readonly [ReferenceTarget, readonly Reference[]][]): Promise<ReferenceProblem[]> {
  const problems: ReferenceProblem[] = [];
  for (const [what, references] of checks) {
    if (references.length === 0) continue;
    const target = TARGETS[what];
    const ids = [...new Set(references.map((reference) => reference.id))];
    const found = await db.select({ id: target.id }).from(target.table).where(inArray(target.id, ids));
    const known = new Set(found.map((row) => row.id));
    for (const reference of references) {
      if (!known.has(reference.id)) problems.push({ path: reference.path, message: `unknown ${what} '${reference.id}'` });
    }
  }
  return problems;
}

/** A field of another collection that may hold a reference to the record being deleted. */
export interface Referrer {
  collection: string;
  field: string;
  table: PgTable;
  id: PgColumn;
  matches(id: string): SQL;
}

/** A referrer whose column holds the id (`equal`) or an array containing it. */
export function referrer(collection: string, field: string, table: PgTable & { id: PgColumn }, column: PgColumn, array = false): Referrer {
  return { collection, field, table, id: table.id, matches: (id) => (array ? arrayContains(column, [id]) : eq(column, id)) };
}

/**
 * One problem per record that still points at `deletedId`, naming it (and carrying it as `about`: the
 * services show the caller only the referrers they may see, and count the others).
 */
export async function findReferrers(db: Database, what: string, deletedId: string, referrers: readonly Referrer[]): Promise<ReferenceProblem[]> {
  const problems: ReferenceProblem[] = [];
  for (const { collection, field, table, id, matches } of referrers) {
    const rows = await db.select({ id }).from(table).where(matches(deletedId)).orderBy(asc(id));
    for (const row of rows) {
      const referrerId = String(row.id);
      // A record citing the id in two fields of one kind (a plan's options) is named once.
      if (problems.some((problem) => problem.about?.collection === collection && problem.about.id === referrerId && problem.path.endsWith(`.${field}`))) continue;
      problems.push({
        path: `${collection}/${referrerId}.${field}`,
        message: `${what} '${deletedId}' is still referenced by ${collection} '${referrerId}'`,
        about: { collection, id: referrerId },
      });
    }
  }
  return problems;
}

export const fundEntity: EntityDefinition<Fund, Row<typeof funds>> = {
  name: 'funds',
  table: funds,
  schema: fundSchema,
  toRecord: (row) =>
    withoutEmpty({
      id: row.id,
      title: row.title,
      currency: row.currency,
      targetAmount: row.targetAmount,
      targetDate: row.targetDate,
      description: row.description,
      sources: row.sources,
    }),
  toRow: (record) => ({
    id: record.id,
    title: record.title,
    currency: record.currency,
    targetAmount: record.targetAmount ?? null,
    targetDate: record.targetDate ?? null,
    description: record.description ?? null,
    sources: record.sources,
  }),
  filters: { currency: { column: funds.currency } },
  async checkReferences(db, { record, deletedId }) {
    if (deletedId !== undefined) {
      return findReferrers(db, 'fund', deletedId, [
        referrer('fund-packages', 'fund', fundPackages, fundPackages.fundId),
        referrer('contributions', 'fund', contributions, contributions.fundId),
      ]);
    }
    return record ? findUnknownReferences(db, [['source', listReferences('sources', record.sources)]]) : [];
  },
};

export const fundPackageEntity: EntityDefinition<FundPackage, Row<typeof fundPackages>> = {
  name: 'fund-packages',
  table: fundPackages,
  schema: fundPackageSchema,
  toRecord: (row) => ({
    id: row.id,
    fund: row.fundId,
    title: row.title,
    price: row.price,
    currency: row.currency,
    priority: row.priority,
    status: row.status as FundPackage['status'],
    sources: row.sources,
  }),
  toRow: (record) => ({
    id: record.id,
    fundId: record.fund,
    title: record.title,
    price: record.price,
    currency: record.currency,
    priority: record.priority,
    status: record.status,
    sources: record.sources,
  }),
  filters: { fund: { column: fundPackages.fundId }, status: { column: fundPackages.status }, currency: { column: fundPackages.currency } },
  async checkReferences(db, { record, deletedId }) {
    if (deletedId !== undefined) {
      return findReferrers(db, 'fund package', deletedId, [referrer('contributions', 'package', contributions, contributions.packageId)]);
    }
    if (!record) return [];
    const problems = await findUnknownReferences(db, [
      ['fund', [{ path: 'fund', id: record.fund }]],
      ['source', listReferences('sources', record.sources)],
    ]);
    // Moving a package to another fund must not strand the contributions earmarked for it.
    const earmarked = await db
      .select({ id: contributions.id, fundId: contributions.fundId })
      .from(contributions)
      .where(eq(contributions.packageId, record.id))
      .orderBy(asc(contributions.id));
    for (const contribution of earmarked.filter((item) => item.fundId !== record.fund)) {
      problems.push({
        path: 'fund',
        message: `contributions '${contribution.id}' earmarks this package for fund '${contribution.fundId}', not '${record.fund}'`,
        about: { collection: 'contributions', id: contribution.id },
      });
    }
    return problems;
  },
};

interface StoredDonor {
  party: string;
  share?: number | null;
  /** false while the donor has not confirmed its part; absent: confirmed. */
  confirmed?: boolean;
}

function donorsFromRow(value: unknown): Donor[] {
  return (value as StoredDonor[]).map((donor) => {
    const result: Donor = typeof donor.share === 'number' ? { party: donor.party, share: donor.share } : { party: donor.party };
    if (typeof donor.confirmed === 'boolean') result.confirmed = donor.confirmed;
    return result;
  });
}

export const contributionEntity: EntityDefinition<Contribution, Row<typeof contributions>> = {
  name: 'contributions',
  table: contributions,
  schema: contributionSchema,
  confidential: true,
  toRecord: (row) => {
    const record: Contribution = {
      id: row.id,
      fund: row.fundId,
      donors: donorsFromRow(row.donors),
      amount: row.amount,
      currency: row.currency,
      date: row.date,
      status: row.status as Contribution['status'],
      confidentiality: row.confidentiality as Contribution['confidentiality'],
      sources: row.sources,
    };
    Object.assign(record, withoutEmpty({ package: row.packageId, sharedWith: row.sharedWith, note: row.note }));
    const derived = derivationsFromRow(row.derived);
    if (derived) record.derived = derived;
    return record;
  },
  toRow: (record) => ({
    id: record.id,
    fundId: record.fund,
    packageId: record.package ?? null,
    donors: record.donors.map((donor): StoredDonor => ({ party: donor.party, share: donor.share ?? null, ...(donor.confirmed !== undefined ? { confirmed: donor.confirmed } : {}) })),
    amount: record.amount,
    currency: record.currency,
    date: record.date,
    status: record.status,
    confidentiality: record.confidentiality,
    sharedWith: record.sharedWith ?? null,
    sources: record.sources,
    note: record.note ?? null,
    derived: record.derived && record.derived.length > 0 ? record.derived : null,
  }),
  filters: {
    fund: { column: contributions.fundId },
    package: { column: contributions.packageId },
    status: { column: contributions.status },
    currency: { column: contributions.currency },
    confidentiality: { column: contributions.confidentiality },
  },
  async checkReferences(db, { record }) {
    if (!record) return [];
    const problems = await findUnknownReferences(db, [['fund', [{ path: 'fund', id: record.fund }]]]);
    if (record.package !== undefined) {
      const [earmark] = await db.select({ fundId: fundPackages.fundId }).from(fundPackages).where(eq(fundPackages.id, record.package));
      if (!earmark) problems.push({ path: 'package', message: `unknown fund package '${record.package}'` });
      else if (earmark.fundId !== record.fund) {
        problems.push({ path: 'package', message: `fund package '${record.package}' belongs to fund '${earmark.fundId}', not '${record.fund}'` });
      }
    }
    const others = await findUnknownReferences(db, [
      ['party', record.donors.map((donor, i) => ({ path: `donors[${i}].party`, id: donor.party }))],
      ['party', listReferences('sharedWith', record.sharedWith)],
      ['source', listReferences('sources', record.sources)],
    ]);
    return [...problems, ...others];
  },
};

export const financingPlanEntity: EntityDefinition<FinancingPlan, Row<typeof financingPlans>> = {
  name: 'financing-plans',
  table: financingPlans,
  schema: financingPlanSchema,
  toRecord: (row) => {
    const record: FinancingPlan = {
      id: row.id,
      title: row.title,
      needAmount: row.needAmount,
      currency: row.currency,
      options: row.options as FinancingOption[],
      sources: row.sources,
    };
    const period = windowFrom(row.periodFrom, row.periodTo);
    if (period) record.period = period;
    return Object.assign(record, withoutEmpty({ decidedOption: row.decidedOption, note: row.note }));
  },
  toRow: (record) => ({
    id: record.id,
    title: record.title,
    needAmount: record.needAmount,
    currency: record.currency,
    periodFrom: record.period?.from ?? null,
    periodTo: record.period?.to ?? null,
    options: record.options,
    decidedOption: record.decidedOption ?? null,
    sources: record.sources,
    note: record.note ?? null,
  }),
  filters: { currency: { column: financingPlans.currency }, decidedOption: { column: financingPlans.decidedOption } },
  async checkReferences(db, { record }) {
    if (!record) return [];
    const options = record.options.map((option, i) => ({ option, path: `options[${i}]` }));
    return findUnknownReferences(db, [
      ['party', options.flatMap(({ option, path }) => listReferences(`${path}.optOuts`, option.optOuts))],
      ['party', options.flatMap(({ option, path }) => listReferences(`${path}.guarantors`, option.guarantors))],
      ['party', options.flatMap(({ option, path }) => (option.keyWeights ?? []).map((entry, i) => ({ path: `${path}.keyWeights[${i}].party`, id: entry.party })))],
      ['source', listReferences('sources', record.sources)],
      ['source', options.flatMap(({ option, path }) => listReferences(`${path}.sources`, option.sources))],
    ]);
  },
};

/** Funding records in load order: funds, their packages, contributions, then financing plans. */
export const FUNDING_ENTITIES = [fundEntity, fundPackageEntity, contributionEntity, financingPlanEntity] as const;
