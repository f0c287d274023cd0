import { actionItemType } from '../../contracts/record-types/action-item.record.js';
import { capabilityType } from '../../contracts/record-types/capability.record.js';
import { contributionType } from '../../contracts/record-types/contribution.record.js';
import { factType } from '../../contracts/record-types/fact.record.js';
import { financingPlanType } from '../../contracts/record-types/financing-plan.record.js';
import { fundPackageType } from '../../contracts/record-types/fund-package.record.js';
import { fundType } from '../../contracts/record-types/fund.record.js';
import { incidentType } from '../../contracts/record-types/incident.record.js';
import { meetingDecisionType } from '../../contracts/record-types/meeting-decision.record.js';
import { meetingType } from '../../contracts/record-types/meeting.record.js';
import { partyType } from '../../contracts/record-types/party.record.js';
import { pledgeType } from '../../contracts/record-types/pledge.record.js';
import { requirementPackageType } from '../../contracts/record-types/requirement-package.record.js';
import { requirementType } from '../../contracts/record-types/requirement.record.js';
import { sanctionsMeasureType } from '../../contracts/record-types/sanctions-measure.record.js';
import { sanctionsPackageType } from '../../contracts/record-types/sanctions-package.record.js';
import { sourceType } from '../../contracts/record-types/source.record.js';

// The record tables, each derived from its record type's declaration (src/contracts/record-types): named here so
// the code and drizzle-kit (which reads this schema to generate migrations) see them.

export const sources = sourceType.table;
export const parties = partyType.table;
export const capabilities = capabilityType.table;
export const facts = factType.table;
export const requirementPackages = requirementPackageType.table;
export const requirements = requirementType.table;
export const pledges = pledgeType.table;
export const funds = fundType.table;
export const fundPackages = fundPackageType.table;
export const contributions = contributionType.table;
export const financingPlans = financingPlanType.table;
export const sanctionsPackages = sanctionsPackageType.table;
export const sanctionsMeasures = sanctionsMeasureType.table;
export const meetings = meetingType.table;
export const meetingDecisions = meetingDecisionType.table;
export const actionItems = actionItemType.table;
export const incidents = incidentType.table;
