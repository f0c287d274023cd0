import type { Fact, Party, Pledge, Requirement, RequirementPackage, Source } from '../../core/types.js';
import type { Contribution, FinancingPlan, Fund, FundPackage } from '../../contracts/records.schema.js';
import { apiListAll } from './api-client.js';
import { cached } from './cache.js';

// The records the screens read, as the API returns them (the core's types plus version and timestamps).

export interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PartyRecord = Party & Versioned;
export type PledgeRecord = Pledge & Versioned;
export type RequirementRecord = Requirement & Versioned;
export type PackageRecord = RequirementPackage & Versioned;
export type FactRecord = Fact & Versioned;
export type SourceRecord = Source & Versioned;
export type FundRecord = Fund & Versioned;
export type FundPackageRecord = FundPackage & Versioned;
export type ContributionRecord = Contribution & Versioned;
export type FinancingPlanRecord = FinancingPlan & Versioned;
/** Records of collections the core has no type for (funds, meetings…): read field by field. */
export type LooseRecord = { id: string; sources?: string[] } & Versioned & Record<string, unknown>;

export interface ReferenceData {
  parties: PartyRecord[];
  facts: FactRecord[];
  requirements: RequirementRecord[];
  packages: PackageRecord[];
  pledges: PledgeRecord[];
}

/** Parties, facts, requirements, packages and pledges as of a date (undefined = now), shared between screens. */
export function loadReferenceData(asOf: string | undefined): Promise<ReferenceData> {
  return cached(`reference:${asOf ?? ''}`, async () => {
    const query = { asOf };
    const [parties, facts, requirements, packages, pledges] = await Promise.all([
      apiListAll<PartyRecord>('/api/parties', query),
      apiListAll<FactRecord>('/api/facts', query),
      apiListAll<RequirementRecord>('/api/requirements', query),
      apiListAll<PackageRecord>('/api/packages', query),
      apiListAll<PledgeRecord>('/api/pledges', query),
    ]);
    return { parties, facts, requirements, packages, pledges };
  });
}

// The API reconstructs these collections at a past date; the others are read as they are now and the
// screens filter them by their own dates (a meeting's date, a contribution's date).
const AS_OF_COLLECTIONS = new Set(['sources', 'parties', 'capabilities', 'facts', 'packages', 'requirements', 'pledges']);

/** Every record of a collection (as of a date where the API can reconstruct it), shared between screens. */
export function loadCollection<T>(name: string, asOf: string | undefined): Promise<T[]> {
  const date = AS_OF_COLLECTIONS.has(name) ? asOf : undefined;
  return cached(`${name}:${date ?? ''}`, () => apiListAll<T>(`/api/${name}`, { asOf: date }));
}
