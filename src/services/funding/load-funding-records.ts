import { type Principal, scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import type { Pledge, Party } from '../../core/types.js';
import type { Contribution, FinancingPlan, Fund, FundPackage } from '../../contracts/records.schema.js';
import { contributionEntity, financingPlanEntity, fundEntity, fundPackageEntity } from '../../db/entities/funding-entities.js';
import type { Database } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { readAuditHead } from '../../db/audit.repository.js';
import type { DatasetCache } from '../store-dataset.js';

// The one place the funding analyses read their records. Contributions and pledges carry a confidentiality
// level: the caller's visibility is applied here, so no analysis (a fund's total, a party's burden) sees a
// contribution or a pledge its caller may not see.

export interface FundingRecords {
  funds: Fund[];
  packages: FundPackage[];
  contributions: Contribution[];
  plans: FinancingPlan[];
  parties: Party[];
  pledges: Pledge[];
}

/** Read funds, packages, financing plans, parties, and the contributions and pledges the principal may see. */
export async function loadFundingRecords(db: Database, cache: DatasetCache, principal: Principal): Promise<FundingRecords> {
  // One query at a time (a transaction's connection refuses overlapping queries).
  const records = <R>(list: { record: R }[]): R[] => list.map((item) => item.record);
  const funds = records(await listAllRecords(db, fundEntity));
  const packages = records(await listAllRecords(db, fundPackageEntity));
  const allContributions = records(await listAllRecords(db, contributionEntity));
  const plans = records(await listAllRecords(db, financingPlanEntity));
  // Parties and pledges come from the dataset the scenarios and writes already keep per audit head.
  const head = await readAuditHead(db);
  const dataset = await cache.forHead(db, `${head.seq}:${head.hash}`);
  const scope = scopeOf(principal);
  const contributions = allContributions.filter((contribution) => canSeeRecord(scope, contribution));
  const pledges = dataset.pledges.filter((pledge) => canSeeRecord(scope, pledge));
  return { funds, packages, contributions, plans, parties: dataset.parties, pledges };
}
