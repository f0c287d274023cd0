import { type Principal, scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import { countConfirmedParts } from '../../core/funding/confirmed-parts.js';
import type { IsoDate, Pledge, Party } from '../../core/types.js';
import type { Contribution, FinancingPlan, Fund, FundPackage } from '../../contracts/records.schema.js';
import { contributionEntity, financingPlanEntity, fundEntity, fundPackageEntity } from '../../db/entities/funding-entities.js';
import type { Database } from '../../db/open-store.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import { listAllRecords } from '../../db/record.repository.js';
import { readAuditHead } from '../../db/audit.repository.js';
import { reconstructRecordsAsOf } from '../changes/reconstruct-records-as-of.js';
import type { DatasetCache } from '../store-dataset.js';

// The one place the funding analyses read their records. Contributions and pledges carry a confidentiality
// level: the caller's visibility is applied here, so no analysis (a fund's total, a party's burden) sees a
// contribution or a pledge its caller may not see. A contribution counts only for its confirmed donors' parts.

/** A donor's part of a contribution that another donor recorded and this one has not confirmed: not counted. */
export interface UnconfirmedPart {
  contribution: string;
  fund: string;
  party: string;
  amount: number;
  currency: string;
  date: string;
}

export interface FundingRecords {
  funds: Fund[];
  packages: FundPackage[];
  /** The visible contributions as they count: their confirmed donors' parts only. */
  contributions: Contribution[];
  /** The parts left out of `contributions` until their donors confirm them. */
  unconfirmed: UnconfirmedPart[];
  plans: FinancingPlan[];
  parties: Party[];
  pledges: Pledge[];
}

/**
 * Read funds, packages, financing plans, parties, and the contributions and pledges the principal may see. With
 * `recordedBy`, the funding records as they were recorded by the end of that day (time travel by the audit log,
 * reconstructRecordsAsOf); parties and pledges are always the current ones.
 */
export async function loadFundingRecords(db: Database, cache: DatasetCache, principal: Principal, recordedBy?: IsoDate): Promise<FundingRecords> {
  // One query at a time (a transaction's connection refuses overlapping queries).
  const records = <R>(list: { record: R }[]): R[] => list.map((item) => item.record);
  const read = async <R extends StoredRecord>(entity: EntityDefinition<R>): Promise<R[]> =>
    recordedBy === undefined ? records(await listAllRecords(db, entity)) : reconstructRecordsAsOf(db, entity, recordedBy, principal);
  const funds = await read(fundEntity);
  const packages = await read(fundPackageEntity);
  const allContributions = await read(contributionEntity);
  const plans = await read(financingPlanEntity);
  // Parties and pledges come from the dataset the scenarios and writes already keep per audit head.
  const head = await readAuditHead(db);
  const dataset = await cache.forHead(db, `${head.seq}:${head.hash}`);
  const scope = scopeOf(principal);
  const contributions: Contribution[] = [];
  const unconfirmed: UnconfirmedPart[] = [];
  for (const contribution of allContributions.filter((item) => canSeeRecord(scope, item))) {
    const { amount } = contribution;
    if (amount === null) {
      // No published amount: only its confirmed donors are listed, and there is no money to leave out.
      const donors = contribution.donors.filter((donor) => donor.confirmed !== false);
      if (donors.length > 0) contributions.push({ ...contribution, donors });
      continue;
    }
    const parts = countConfirmedParts({ ...contribution, amount });
    if (parts.counted) contributions.push(parts.counted);
    for (const part of parts.unconfirmed) {
      unconfirmed.push({ contribution: contribution.id, fund: contribution.fund, party: part.party, amount: part.amount, currency: contribution.currency, date: contribution.date });
    }
  }
  const pledges = dataset.pledges.filter((pledge) => canSeeRecord(scope, pledge));
  return { funds, packages, contributions, unconfirmed, plans, parties: dataset.parties, pledges };
}
