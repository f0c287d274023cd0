import type { capabilityType } from '../../contracts/record-types/capability.record.js';
import type { actionItemType } from '../../contracts/record-types/action-item.record.js';
import type { contributionType } from '../../contracts/record-types/contribution.record.js';
import type { factType } from '../../contracts/record-types/fact.record.js';
import type { financingPlanType } from '../../contracts/record-types/financing-plan.record.js';
import type { fundPackageType } from '../../contracts/record-types/fund-package.record.js';
import type { fundType } from '../../contracts/record-types/fund.record.js';
import type { meetingDecisionType } from '../../contracts/record-types/meeting-decision.record.js';
import type { meetingType } from '../../contracts/record-types/meeting.record.js';
import type { partyType } from '../../contracts/record-types/party.record.js';
import type { pledgeType } from '../../contracts/record-types/pledge.record.js';
import type { requirementPackageType } from '../../contracts/record-types/requirement-package.record.js';
import type { requirementType } from '../../contracts/record-types/requirement.record.js';
import type { ResponseOf } from '../../contracts/record-types/response-schema.js';
import type { sanctionsMeasureType } from '../../contracts/record-types/sanctions-measure.record.js';
import type { sanctionsPackageType } from '../../contracts/record-types/sanctions-package.record.js';
import type { sourceType } from '../../contracts/record-types/source.record.js';
import { apiListAll } from './api-client.js';
import { cached } from './cache.js';

// The records the screens read, as the API returns them: each record type's declaration
// (src/contracts/record-types) plus version and timestamps. Type-only imports: nothing of them is bundled.

export interface Versioned {
  version: number;
  createdAt: string;
  updatedAt: string;
}

export type PartyRecord = ResponseOf<typeof partyType>;
export type PledgeRecord = ResponseOf<typeof pledgeType>;
export type CapabilityRecord = ResponseOf<typeof capabilityType>;
export type RequirementRecord = ResponseOf<typeof requirementType>;
export type PackageRecord = ResponseOf<typeof requirementPackageType>;
export type FactRecord = ResponseOf<typeof factType>;
export type SourceRecord = ResponseOf<typeof sourceType>;
export type FundRecord = ResponseOf<typeof fundType>;
export type FundPackageRecord = ResponseOf<typeof fundPackageType>;
export type ContributionRecord = ResponseOf<typeof contributionType>;
export type FinancingPlanRecord = ResponseOf<typeof financingPlanType>;
export type SanctionsPackageRecord = ResponseOf<typeof sanctionsPackageType>;
export type SanctionsMeasureRecord = ResponseOf<typeof sanctionsMeasureType>;
export type MeetingRecord = ResponseOf<typeof meetingType>;
export type MeetingDecisionRecord = ResponseOf<typeof meetingDecisionType>;
export type ActionItemRecord = ResponseOf<typeof actionItemType>;
/** Records of collections the core has no type for (funds, meetings…): read field by field. */
export type LooseRecord = { id: string; sources?: string[] } & Versioned & Record<string, unknown>;

/** The names and records most screens draw beside a scenario (loadReferenceWithoutPledges); no screen loads every pledge. */
export interface ReferenceData {
  parties: PartyRecord[];
  facts: FactRecord[];
  requirements: RequirementRecord[];
  packages: PackageRecord[];
}

// The API reconstructs these collections at a past date; the others are read as they are now and the
// screens filter them by their own dates (a contribution's date).
const AS_OF_COLLECTIONS = new Set(['sources', 'parties', 'capabilities', 'facts', 'packages', 'requirements', 'pledges', 'sanctions-packages', 'sanctions-measures', 'meetings']);

/** Every record of a collection (as of a date where the API can reconstruct it), shared between screens. */
export function loadCollection<T>(name: string, asOf: string | undefined): Promise<T[]> {
  const date = AS_OF_COLLECTIONS.has(name) ? asOf : undefined;
  return cached(`${name}:${date ?? ''}`, () => apiListAll<T>(`/api/${name}`, { asOf: date }));
}
