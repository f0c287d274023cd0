import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, PLEDGE_STATUSES, RESPONSE_KINDS } from '../core/types.js';
import { freeTextSchema, isoDateSchema, MAX_TEXT_LENGTH, refuseUnstorableText, urlSchema } from './primitives.schema.js';

// The field schemas record types are declared with (src/contracts/record-types): ids, quantities, windows,
// money, lists without duplicates. The records themselves are declared in record-types/<type>.record.ts.
// Money is integer minor units of an ISO 4217 currency (EUR 500 m = 50_000_000_000).

export { isoDateSchema, MAX_TEXT_LENGTH, freeTextSchema, refuseUnstorableText, urlSchema };
export const idSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(80, 'must be at most 80 characters')
  .regex(/^[A-Za-z0-9][A-Za-z0-9_.:-]*$/, 'must be letters, digits, _ . : - (no spaces)');
export const partyIdSchema = z
  .string()
  .max(40, 'must be at most 40 characters')
  .regex(/^[A-Z][A-Z0-9_]*$/, 'must match [A-Z][A-Z0-9_]* (e.g. FR, EUCO, P12)');
export const capabilityIdSchema = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z][a-z0-9_]*\.[a-z][a-z0-9_]*$/, 'must be domain.kind in lower case (e.g. land.personnel)');
export const areaIdSchema = z
  .string()
  .max(80, 'must be at most 80 characters')
  .regex(/^[a-z][a-z0-9_]*(\.[a-z][a-z0-9_]*)*$/, 'must be a dotted area in lower case (e.g. ua.rear, any)');
export const wholeNumber = z.number().int('must be a whole number').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER);

export const localizedNameSchema = z.strictObject({ en: freeTextSchema().min(1), de: freeTextSchema().min(1) });

export const factValueSchema = z.union([z.literal(true), z.literal(false), z.literal('unknown')], {
  error: 'must be true, false or "unknown"',
});

/** A number, or `{min, max}` with min ≤ max; normalised to a range. */
export const quantitySchema = z
  .union([wholeNumber, z.strictObject({ min: wholeNumber, max: wholeNumber })], {
    error: 'must be a whole number or {"min": n, "max": m}',
  })
  .transform((q) => (typeof q === 'number' ? { min: q, max: q } : q))
  .refine((q) => q.min <= q.max, 'min must not exceed max');

export const timeWindowSchema = z
  .strictObject({ from: isoDateSchema.optional(), to: isoDateSchema.optional() })
  .refine((w) => !w.from || !w.to || w.from <= w.to, 'from must not be after to');

/**
 * How a figure that no cited source states was obtained: `field` names it in the record (`quantity.max`,
 * `amount`, `keyWeights[0].weight`), `from` the sources or records it comes from, `how` the calculation or
 * reading. A record's figures are each stated by a cited source's passage or derived here (data/demo/README.md).
 */
export const derivationSchema = z.strictObject({
  field: freeTextSchema(200).min(1, 'must name the field (e.g. quantity.max)'),
  from: z.array(idSchema).min(1, 'must name at least one source or record'),
  how: freeTextSchema(2000).min(1, 'must say how the figure was obtained'),
});
export const derivationsSchema = z.array(derivationSchema);

export const pledgeStatusSchema = z.enum(PLEDGE_STATUSES);
export const responseKindSchema = z.enum(RESPONSE_KINDS, { error: `must be one of ${RESPONSE_KINDS.join(', ')}` });

/** A guarantee commitment's response time: `not stated`, or a whole number of hours or days (`72 hours`, `7 days`). */
export const responseTimeSchema = z
  .string({ error: "must be 'not stated' or a duration such as '72 hours' or '7 days'" })
  .regex(/^(not stated|[1-9]\d{0,4} (hours|days))$/, "must be 'not stated' or a duration such as '72 hours' or '7 days'");

/**
 * The terms of a guarantee commitment (docs/guarantees.md): the trigger fact, the response kinds (`unstated` alone
 * when the source names none) and the response time. The condition must require the trigger (checked with the dataset).
 */
export const guaranteeSchema = z
  .strictObject({
    trigger: idSchema,
    responses: z.array(responseKindSchema).min(1, "must name at least one response kind (or 'unstated')").superRefine(refuseDuplicates<(typeof RESPONSE_KINDS)[number]>('response kind', (kind) => kind)),
    responseTime: responseTimeSchema,
  })
  .superRefine((terms, ctx) => {
    if (terms.responses.includes('unstated') && terms.responses.length > 1) {
      ctx.addIssue({ code: 'custom', path: ['responses'], message: "'unstated' stands alone: it says the source names no response kind" });
    }
  });
export const confidentialitySchema = z.enum(CONFIDENTIALITY_LEVELS);

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

/** Required free text: not empty, with plain messages. */
export const text = freeTextSchema(MAX_TEXT_LENGTH, z.string({ error: (issue) => (issue.input === undefined ? 'is required' : 'must be a string') })).min(1, 'must not be empty');

/** An object that refuses unknown fields, naming them. */
export function strictRecord<S extends z.core.$ZodLooseShape>(shape: S) {
  return z.strictObject(shape, {
    error: (issue) => {
      if (issue.code === 'unrecognized_keys') return `unknown field${issue.keys.length > 1 ? 's' : ''} ${issue.keys.map((key) => `'${key}'`).join(', ')}`;
      if (issue.code === 'invalid_type') return 'must be an object';
      return undefined;
    },
  });
}

/** Report each repeated item of a list at its index, naming the first occurrence. */
export function refuseDuplicates<T>(what: string, keyOf: (item: T) => string, subPath: readonly PropertyKey[] = []) {
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

export const idListSchema = (what: string) => z.array(idSchema).superRefine(refuseDuplicates<string>(what, (id) => id));
export const partyListSchema = z.array(partyIdSchema).superRefine(refuseDuplicates<string>('party', (id) => id));
export const sourcesSchema = idListSchema('source').default([]);


export const FUND_PACKAGE_STATUSES = ['open', 'funded', 'ordered', 'delivered'] as const;
export const CONTRIBUTION_STATUSES = ['pledged', 'paid'] as const;

const SHARE_TOLERANCE = 1e-9;

export const donorSchema = strictRecord({
  party: partyIdSchema,
  share: z.number({ error: 'must be a number between 0 and 1' }).min(0, 'must be between 0 and 1').max(1, 'must be between 0 and 1').optional(),
  /** Whether this donor's part is confirmed (kept by the service; false while it waits for the donor's delegate). */
  confirmed: z.boolean({ error: 'must be true or false' }).optional(),
});

export const donorsSchema = z
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

export const FINANCING_OPTION_KINDS = ['joint_borrowing', 'asset_backed_loan', 'bilateral'] as const;
export const FINANCING_KEYS = ['gni', 'gdp', 'custom'] as const;

export const financingOptionSchema = strictRecord({
  id: idSchema,
  kind: z.enum(FINANCING_OPTION_KINDS, { error: `must be one of ${FINANCING_OPTION_KINDS.join(', ')}` }),
  title: text,
  /** A short name in English and German for tables and charts (the title is the source's wording). */
  name: strictRecord({ en: text, de: text }).optional(),
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

export { SANCTIONS_JURISDICTIONS, SANCTIONS_MEASURE_STATUSES, SANCTIONS_MEASURE_TYPES } from '../core/sanctions/sanctions-types.js';
export const SANCTIONS_MEASURE_KINDS = ['listing', 'vessels', 'sectoral_ban', 'price_cap', 'other'] as const;

export const MEETING_FORMATS = ['leaders', 'ministers', 'nsa', 'other'] as const;
export const ACTION_ITEM_STATUSES = ['open', 'done', 'dropped'] as const;

