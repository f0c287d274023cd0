import { z } from 'zod';
import { actionItemType } from './record-types/action-item.record.js';
import { contributionType } from './record-types/contribution.record.js';
import { financingPlanType } from './record-types/financing-plan.record.js';
import { fundPackageType } from './record-types/fund-package.record.js';
import { fundType } from './record-types/fund.record.js';
import { meetingDecisionType } from './record-types/meeting-decision.record.js';
import { meetingType } from './record-types/meeting.record.js';
import { sanctionsMeasureType } from './record-types/sanctions-measure.record.js';
import { sanctionsPackageType } from './record-types/sanctions-package.record.js';
import type { CONTRIBUTION_STATUSES, donorSchema, financingOptionSchema, FUND_PACKAGE_STATUSES } from './field-schemas.js';

// zod schemas for the records outside the engine's dataset (DESIGN.md §3): funds and their packages and
// contributions, financing plans, sanctions packages and measures, meetings with decisions and action items.
// Each is declared once in src/contracts/record-types/<type>.record.ts; these are its edge schemas.
// Money is integer minor units of an ISO 4217 currency (EUR 500 m = 50_000_000_000).

export {
  ACTION_ITEM_STATUSES,
  CONTRIBUTION_STATUSES,
  currencySchema,
  donorSchema,
  FINANCING_KEYS,
  FINANCING_OPTION_KINDS,
  financingOptionSchema,
  FUND_PACKAGE_STATUSES,
  ISO_4217_CURRENCIES,
  MEETING_FORMATS,
  minorUnitDigits,
  minorUnitsSchema,
  SANCTIONS_JURISDICTIONS,
  SANCTIONS_MEASURE_KINDS,
} from './field-schemas.js';

export const fundSchema = fundType.schema;
export const fundPackageSchema = fundPackageType.schema;
export const contributionSchema = contributionType.schema;
export const financingPlanSchema = financingPlanType.schema;
export const sanctionsPackageSchema = sanctionsPackageType.schema;
export const sanctionsMeasureSchema = sanctionsMeasureType.schema;
export const meetingSchema = meetingType.schema;
export const meetingDecisionSchema = meetingDecisionType.schema;
export const actionItemSchema = actionItemType.schema;

export type Fund = z.output<typeof fundSchema>;
export type FundPackage = z.output<typeof fundPackageSchema>;
export type FundPackageStatus = (typeof FUND_PACKAGE_STATUSES)[number];
export type Donor = z.output<typeof donorSchema>;
export type Contribution = z.output<typeof contributionSchema>;
export type ContributionStatus = (typeof CONTRIBUTION_STATUSES)[number];
export type FinancingOption = z.output<typeof financingOptionSchema>;
export type FinancingPlan = z.output<typeof financingPlanSchema>;
export type SanctionsPackage = z.output<typeof sanctionsPackageSchema>;
export type SanctionsExemption = SanctionsPackage['exemptions'][number];
export type SanctionsMeasure = z.output<typeof sanctionsMeasureSchema>;
export type Meeting = z.output<typeof meetingSchema>;
export type MeetingDecision = z.output<typeof meetingDecisionSchema>;
export type ActionItem = z.output<typeof actionItemSchema>;

/** One entry of a record's history (GET /api/<collection>/:id/history); a version the caller may not see is null. */
export const historyEntrySchema = z.object({ seq: z.number(), at: z.string(), actor: z.string(), action: z.string(), before: z.unknown(), after: z.unknown() });
export type HistoryEntry = z.output<typeof historyEntrySchema>;
