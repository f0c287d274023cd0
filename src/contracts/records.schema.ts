import { z } from 'zod';
import { confidentialitySchema, derivationsSchema, idSchema, isoDateSchema, partyIdSchema, timeWindowSchema } from './domain.schema.js';
import { freeTextSchema, MAX_TEXT_LENGTH } from './primitives.schema.js';

// zod schemas for the records outside the engine's dataset (DESIGN.md §3): funds and their packages and
// contributions, financing plans, sanctions packages and measures, meetings with decisions and action items.
// Money is integer minor units of an ISO 4217 currency (EUR 500 m = 50_000_000_000).

/** ISO 4217 codes in use (plus BGN, HRK and ANG for records dated before a changeover, and XDR for IMF SDR). */
export const ISO_4217_CURRENCIES = (
  'AED AFN ALL AMD ANG AOA ARS AUD AWG AZN BAM BBD BDT BGN BHD BIF BMD BND BOB BRL BSD BTN BWP BYN BZD CAD CDF CHF CLP ' +
  'CNY COP CRC CUP CVE CZK DJF DKK DOP DZD EGP ERN ETB EUR FJD FKP GBP GEL GHS GIP GMD GNF GTQ GYD HKD HNL HRK HTG HUF ' +
  'IDR ILS INR IQD IRR ISK JMD JOD JPY KES KGS KHR KMF KPW KRW KWD KYD KZT LAK LBP LKR LRD LSL LYD MAD MDL MGA MKD MMK ' +
  'MNT MOP MRU MUR MVR MWK MXN MYR MZN NAD NGN NIO NOK NPR NZD OMR PAB PEN PGK PHP PKR PLN PYG QAR RON RSD RUB RWF SAR ' +
  'SBD SCR SDG SEK SGD SHP SLE SOS SRD SSP STN SVC SYP SZL THB TJS TMT TND TOP TRY TTD TWD TZS UAH UGX USD UYU UZS VES ' +
  'VND VUV WST XAF XCD XCG XDR XOF XPF YER ZAR ZMW ZWG'
).split(' ');
const KNOWN_CURRENCIES = new Set(ISO_4217_CURRENCIES);
const ZERO_DIGIT_CURRENCIES = new Set(['BIF', 'CLP', 'DJF', 'GNF', 'ISK', 'JPY', 'KMF', 'KRW', 'PYG', 'RWF', 'UGX', 'VND', 'VUV', 'XAF', 'XOF', 'XPF']);
const THREE_DIGIT_CURRENCIES = new Set(['BHD', 'IQD', 'JOD', 'KWD', 'LYD', 'OMR', 'TND']);

/** Digits of the minor unit (ISO 4217): 2 for EUR (cents), 0 for JPY and ISK, 3 for KWD. */
export function minorUnitDigits(currency: string): number {
  if (ZERO_DIGIT_CURRENCIES.has(currency)) return 0;
  return THREE_DIGIT_CURRENCIES.has(currency) ? 3 : 2;
}

export const currencySchema = z.string({ error: 'must be a currency code (ISO 4217, e.g. EUR)' }).superRefine((code, ctx) => {
  if (!/^[A-Z]{3}$/.test(code)) ctx.addIssue({ code: 'custom', message: `must be 3 upper-case letters (ISO 4217, e.g. EUR), not '${code}'` });
  else if (!KNOWN_CURRENCIES.has(code)) ctx.addIssue({ code: 'custom', message: `unknown currency '${code}': not an ISO 4217 code` });
});

/** An amount in minor units: a non-negative safe integer. */
export const minorUnitsSchema = z.number({ error: 'must be a number (minor units, e.g. cents)' }).superRefine((value, ctx) => {
  if (!Number.isInteger(value)) ctx.addIssue({ code: 'custom', message: 'must be a whole number of minor units (e.g. cents)' });
  else if (value < 0) ctx.addIssue({ code: 'custom', message: 'must not be negative' });
  else if (!Number.isSafeInteger(value)) ctx.addIssue({ code: 'custom', message: `must be at most ${Number.MAX_SAFE_INTEGER} (a safe integer)` });
});

const text = freeTextSchema(MAX_TEXT_LENGTH, z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })).min(1, 'must not be empty');

/** An object that refuses unknown fields, naming them. */
function strictRecord<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
      if (issue.code === 'invalid_type') return 'must be an object';
      return undefined;
    },
  });
}

/** Report each repeated item of a list at its index, naming the first occurrence. */
function refuseDuplicates<T>(what: string, keyOf: (item: T) => string, subPath: readonly PropertyKey[] = []) {
  return (items: readonly T[], ctx: z.RefinementCtx<T[]>): void => {
    const first = new Map<string, number>();
    items.forEach((item, i) => {
      const key = keyOf(item);
      if (typeof key !== 'string') return;
      const at = first.get(key);
      if (at === undefined) first.set(key, i);
      else ctx.addIssue({ code: 'custom', path: [i, ...subPath], message: `duplicate ${what} '${key}' (first at [${at}])` });
    });
  };
}

const idListSchema = (what: string) => z.array(idSchema).superRefine(refuseDuplicates<string>(what, (id) => id));
const partyListSchema = z.array(partyIdSchema).superRefine(refuseDuplicates<string>('party', (id) => id));
const sourcesSchema = idListSchema('source').default([]);

// Funds (PURL-like pools).

export const FUND_PACKAGE_STATUSES = ['open', 'funded', 'ordered', 'delivered'] as const;
export const CONTRIBUTION_STATUSES = ['pledged', 'paid'] as const;

export const fundSchema = strictRecord({
  id: idSchema,
  title: text,
  currency: currencySchema,
  targetAmount: minorUnitsSchema.optional(),
  targetDate: isoDateSchema.optional(),
  description: text.optional(),
  sources: sourcesSchema,
});

export const fundPackageSchema = strictRecord({
  id: idSchema,
  fund: idSchema,
  title: text,
  price: minorUnitsSchema,
  currency: currencySchema,
  priority: z.number().int('must be a whole number').min(1, 'must be 1 (highest) or more').max(999, 'must be at most 999').default(1),
  status: z.enum(FUND_PACKAGE_STATUSES, { error: `must be one of ${FUND_PACKAGE_STATUSES.join(', ')}` }).default('open'),
  sources: sourcesSchema,
});

const SHARE_TOLERANCE = 1e-9;

export const donorSchema = strictRecord({
  party: partyIdSchema,
  share: z.number({ error: 'must be a number between 0 and 1' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
  /** Whether this donor's part is confirmed (kept by the service; false while it waits for the donor's delegate). */
  confirmed: z.boolean({ error: 'must be true or false' }).optional(),
});

const donorsSchema = z
  .array(donorSchema)
  .min(1, 'must name at least one donor')
  .superRefine(refuseDuplicates<{ party: string }>('donor', (donor) => donor.party, ['party']))
  .superRefine((donors, ctx) => {
    // Runs even when a donor failed its schema: only sum shares that are valid.
    if (donors.length === 0 || donors.some((donor) => donor.share !== undefined && !(typeof donor.share === 'number' && donor.share >= 0 && donor.share <= 1))) return;
    const shares = donors.flatMap((donor) => (donor.share === undefined ? [] : [donor.share]));
    const sum = shares.reduce((total, share) => total + share, 0);
    if (shares.length === donors.length && Math.abs(sum - 1) > SHARE_TOLERANCE) ctx.addIssue({ code: 'custom', message: 'shares must sum to 100 %' });
    else if (sum > 1 + SHARE_TOLERANCE) ctx.addIssue({ code: 'custom', message: 'shares must not exceed 100 % in total' });
  });

export const contributionSchema = strictRecord({
  id: idSchema,
  fund: idSchema,
  /** Earmark: the package of the fund this contribution pays for. */
  package: idSchema.optional(),
  donors: donorsSchema,
  /** null: the donors pledged, but no amount was published (they count as donors, add no money). */
  amount: minorUnitsSchema.nullable(),
  currency: currencySchema,
  date: isoDateSchema,
  status: z.enum(CONTRIBUTION_STATUSES, { error: `must be one of ${CONTRIBUTION_STATUSES.join(', ')}` }).default('pledged'),
  confidentiality: confidentialitySchema.default('coalition'),
  sharedWith: partyListSchema.optional(),
  sources: sourcesSchema,
  note: text.optional(),
  derived: derivationsSchema.optional(),
});

// Financing plans.

export const FINANCING_OPTION_KINDS = ['joint_borrowing', 'asset_backed_loan', 'bilateral'] as const;
export const FINANCING_KEYS = ['gni', 'gdp', 'custom'] as const;

export const financingOptionSchema = strictRecord({
  id: idSchema,
  kind: z.enum(FINANCING_OPTION_KINDS, { error: `must be one of ${FINANCING_OPTION_KINDS.join(', ')}` }),
  title: text,
  key: z.enum(FINANCING_KEYS, { error: `must be one of ${FINANCING_KEYS.join(', ')}` }).optional(),
  optOuts: partyListSchema.optional(),
  guarantors: partyListSchema.optional(),
  /** The weights of a custom key (e.g. a draft's guarantee amounts); only their proportions matter. */
  keyWeights: z
    .array(strictRecord({ party: partyIdSchema, weight: z.number({ error: 'must be a number' }).positive('must be more than 0').max(1e12, 'must be at most 10^12') }))
    .min(1, 'must name at least one party')
    .superRefine(refuseDuplicates<{ party: string }>('party', (entry) => entry.party, ['party']))
    .optional(),
  /** In minor units of the plan's currency. */
  amount: minorUnitsSchema.optional(),
  sources: idListSchema('source').optional(),
  note: text.optional(),
  derived: derivationsSchema.optional(),
});

export const financingPlanSchema = strictRecord({
  id: idSchema,
  title: text,
  needAmount: minorUnitsSchema,
  currency: currencySchema,
  period: timeWindowSchema.optional(),
  options: z
    .array(financingOptionSchema)
    .min(1, 'must list at least one option')
    .superRefine(refuseDuplicates<{ id: string }>('option id', (option) => option.id, ['id'])),
  decidedOption: idSchema.optional(),
  sources: sourcesSchema,
  note: text.optional(),
}).superRefine((plan, ctx) => {
  if (plan.decidedOption === undefined || plan.options.some((option) => option.id === plan.decidedOption)) return;
  const ids = [...new Set(plan.options.map((option) => `'${option.id}'`))].join(', ');
  ctx.addIssue({ code: 'custom', path: ['decidedOption'], message: `must be one of the option ids (${ids}), not '${plan.decidedOption}'` });
});

// Sanctions.

/** Common jurisdictions; any other upper-case code is accepted too. */
export const SANCTIONS_JURISDICTIONS = ['EU', 'US', 'UK', 'CA', 'JP', 'CH', 'NO', 'AU'] as const;
export const SANCTIONS_MEASURE_KINDS = ['listing', 'vessels', 'sectoral_ban', 'price_cap', 'other'] as const;

export const sanctionsPackageSchema = strictRecord({
  id: idSchema,
  jurisdiction: z
    .string({ error: 'must be a jurisdiction code' })
    .regex(/^[A-Z]{2,12}$/, `must be upper-case letters (${SANCTIONS_JURISDICTIONS.join(', ')} or another code)`),
  number: z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more').optional(),
  adoptedOn: isoDateSchema.optional(),
  title: text,
  /** Third countries aligning with the package. */
  alignment: partyListSchema.default([]),
  exemptions: z.array(strictRecord({ party: partyIdSchema, description: text })).default([]),
  sources: sourcesSchema,
});

export const sanctionsMeasureSchema = strictRecord({
  id: idSchema,
  package: idSchema,
  kind: z.enum(SANCTIONS_MEASURE_KINDS, { error: `must be one of ${SANCTIONS_MEASURE_KINDS.join(', ')}` }),
  description: text,
  count: z.number({ error: 'must be a number' }).int('must be a whole number').nonnegative('must not be negative').optional(),
  sources: sourcesSchema,
});

// Meetings.

export const MEETING_FORMATS = ['leaders', 'ministers', 'nsa', 'other'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;

export const meetingSchema = strictRecord({
  id: idSchema,
  date: isoDateSchema,
  format: z.enum(MEETING_FORMATS, { error: `must be one of ${MEETING_FORMATS.join(', ')}` }),
  place: text.optional(),
  title: text,
  inPerson: partyListSchema.default([]),
  online: partyListSchema.default([]),
  sources: sourcesSchema,
}).superRefine((meeting, ctx) => {
  const inPerson = new Set(meeting.inPerson);
  meeting.online.forEach((party, i) => {
    if (inPerson.has(party)) ctx.addIssue({ code: 'custom', path: ['online', i], message: `'${party}' is also listed in person` });
  });
});

export const meetingDecisionSchema = strictRecord({
  id: idSchema,
  meeting: idSchema,
  text,
  pledges: idListSchema('pledge').default([]),
  requirements: idListSchema('requirement').default([]),
  sources: sourcesSchema,
});

export const actionItemSchema = strictRecord({
  id: idSchema,
  meeting: idSchema,
  text,
  /** The party that owns the item. */
  owner: partyIdSchema.optional(),
  /** The person who owns it (a name or office, e.g. 'NSDC Secretary Umerov'), with or without a party. */
  ownerPerson: text.max(200, 'must be at most 200 characters').optional(),
  due: isoDateSchema.optional(),
  status: z.enum(ACTION_ITEM_STATUSES, { error: `must be one of ${ACTION_ITEM_STATUSES.join(', ')}` }).default('open'),
  pledges: idListSchema('pledge').default([]),
  requirements: idListSchema('requirement').default([]),
});

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
