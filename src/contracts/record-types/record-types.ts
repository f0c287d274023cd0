import { actionItemType } from './action-item.record.js';
import { capabilityType } from './capability.record.js';
import { contributionType } from './contribution.record.js';
import type { RecordType } from './declare-record-type.js';
import { factType } from './fact.record.js';
import { financingPlanType } from './financing-plan.record.js';
import { fundPackageType } from './fund-package.record.js';
import { fundType } from './fund.record.js';
import { incidentType } from './incident.record.js';
import { meetingDecisionType } from './meeting-decision.record.js';
import { meetingType } from './meeting.record.js';
import { partyType } from './party.record.js';
import { pledgeType } from './pledge.record.js';
import { requirementPackageType } from './requirement-package.record.js';
import { requirementType } from './requirement.record.js';
import { sanctionsMeasureType } from './sanctions-measure.record.js';
import { sanctionsPackageType } from './sanctions-package.record.js';
import { sourceType } from './source.record.js';

// The registry: every record type the store holds, in load order (referenced before referencing). The API's
// record routes, backup and restore, the demo loader, exports and imports all take their lists from here.

/** The engine's dataset (DESIGN.md §3), in the order a dataset loads: sources … pledges. */
export const DATASET_RECORD_TYPES = [sourceType, partyType, capabilityType, factType, requirementPackageType, requirementType, pledgeType] as const;

/** Every record type in load order: the engine's dataset, then funding, sanctions, meetings and incidents. */
export const RECORD_TYPES: readonly RecordType[] = [
  ...DATASET_RECORD_TYPES,
  fundType,
  fundPackageType,
  contributionType,
  financingPlanType,
  sanctionsPackageType,
  sanctionsMeasureType,
  meetingType,
  meetingDecisionType,
  actionItemType,
  incidentType,
];

/** The record types exchanged as CSV, XLSX and JSON files, in export order. */
export const EXCHANGED_RECORD_TYPES: readonly RecordType[] = RECORD_TYPES.filter((type) => type.exchanged);

const BY_NAME = new Map(RECORD_TYPES.map((type) => [type.name, type]));

/** The record type whose collection is called `name` (`contributions`), or undefined. */
export function recordTypeByName(name: string): RecordType | undefined {
  return BY_NAME.get(name);
}
