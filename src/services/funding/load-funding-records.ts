import type { Pledge, Party } from '../../core/types.js';
import type { Contribution, FinancingPlan, Fund, FundPackage } from '../../contracts/records.schema.js';
import { contributionEntity, financingPlanEntity, fundEntity, fundPackageEntity } from '../../db/entities/funding-entities.js';
import type { Database } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { readStoredDataset } from '../store-dataset.js';

// The one place the funding analyses read their records. Contributions carry a confidentiality level: when
// access control arrives, the caller's visibility is applied here (`visible`), so no analysis sees a
// contribution its caller may not see.

export interface FundingRecords {
  funds: Fund[];
  packages: FundPackage[];
  contributions: Contribution[];
  plans: FinancingPlan[];
  parties: Party[];
  pledges: Pledge[];
}

export interface FundingScope {
  /** Only contributions this predicate accepts (the caller's visibility); all when absent. */
  visible?: (contribution: Contribution) => boolean;
}

/** Read funds, packages, contributions (filtered by the scope), financing plans, parties and pledges. */
export async function loadFundingRecords(db: Database, scope: FundingScope = {}): Promise<FundingRecords> {
  // One query at a time (a transaction's connection refuses overlapping queries).
  const records = <R>(list: { record: R }[]): R[] => list.map((item) => item.record);
  const funds = records(await listAllRecords(db, fundEntity));
  const packages = records(await listAllRecords(db, fundPackageEntity));
  const allContributions = records(await listAllRecords(db, contributionEntity));
  const plans = records(await listAllRecords(db, financingPlanEntity));
  const dataset = await readStoredDataset(db);
  const contributions = scope.visible ? allContributions.filter(scope.visible) : allContributions;
  return { funds, packages, contributions, plans, parties: dataset.parties, pledges: dataset.pledges };
}
