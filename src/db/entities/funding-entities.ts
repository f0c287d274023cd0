import { arrayContains, asc, eq, inArray, type SQL } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { contributionType } from '../../contracts/record-types/contribution.record.js';
import { financingPlanType } from '../../contracts/record-types/financing-plan.record.js';
import { fundPackageType } from '../../contracts/record-types/fund-package.record.js';
import { fundType } from '../../contracts/record-types/fund.record.js';
import type { Contribution, FinancingPlan, Fund, FundPackage } from '../../contracts/records.schema.js';
import type { Database } from '../open-store.js';
import {
  contributions,
  fundPackages,
  funds,
  meetings,
  parties,
  pledges,
  requirements,
  sanctionsPackages,
  sources,
} from '../schema/index.js';
import { type EntityDefinition, entityOf, type ReferenceProblem } from './entity-definition.js';

// Funds, their packages and contributions, and financing plans (DESIGN.md §3): the entities of their declared
// record types, with the reference checks their writes need. The reference helpers at the top are shared with the sanctions and meeting entities.

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

export const fundEntity: EntityDefinition<Fund> = entityOf(fundType, {
  async checkReferences(db, { record, deletedId }) {
    if (deletedId !== undefined) {
      return findReferrers(db, 'fund', deletedId, [
        referrer('fund-packages', 'fund', fundPackages, fundPackages.fundId),
        referrer('contributions', 'fund', contributions, contributions.fundId),
      ]);
    }
    return record ? findUnknownReferences(db, [['source', listReferences('sources', record.sources)]]) : [];
  },
});

export const fundPackageEntity: EntityDefinition<FundPackage> = entityOf(fundPackageType, {
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
});

export const contributionEntity: EntityDefinition<Contribution> = entityOf(contributionType, {
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
});

export const financingPlanEntity: EntityDefinition<FinancingPlan> = entityOf(financingPlanType, {
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
});

/** Funding records in load order: funds, their packages, contributions, then financing plans. */
export const FUNDING_ENTITIES = [fundEntity, fundPackageEntity, contributionEntity, financingPlanEntity] as const;
