import { z } from 'zod';
import { CONFIDENTIALITY_LEVELS, PLEDGE_STATUSES } from '../core/types.js';
import { freeTextSchema, isoDateSchema, MAX_TEXT_LENGTH, refuseUnstorableText } from './primitives.schema.js';

// zod schemas for the domain records of DESIGN.md §3, shared by the dataset, the scenario file and (later) the API.

export { isoDateSchema };
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
const wholeNumber = z.number().int('must be a whole number').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER);

export const localizedNameSchema = z.strictObject({ en: freeTextSchema().min(1), de: freeTextSchema().min(1) });

export const sourceSchema = z.strictObject({
  id: idSchema,
  url: z.url().max(MAX_TEXT_LENGTH, `must be at most ${MAX_TEXT_LENGTH.toLocaleString('en')} characters`).superRefine(refuseUnstorableText).optional(),
  publication: freeTextSchema().min(1).optional(),
  publisher: freeTextSchema().min(1),
  date: isoDateSchema,
  language: freeTextSchema(10).min(2).optional(),
  quote: freeTextSchema().min(1).optional(),
  /** The party whose delegate created it (set by the service); absent: the coordinators'. */
  owner: partyIdSchema.optional(),
});

export const partySchema = z.strictObject({
  id: partyIdSchema,
  kind: z.enum(['state', 'institution', 'beneficiary']),
  name: localizedNameSchema,
  groups: z.array(z.enum(['EU', 'NATO', 'G7', 'NB8', 'coalition'])).default([]),
});

export const capabilitySchema = z.strictObject({
  id: capabilityIdSchema,
  unit: z.enum(['persons', 'units', 'platforms', 'systems', 'rounds', 'money', 'sites']),
  name: localizedNameSchema,
});

export const factValueSchema = z.union([z.literal(true), z.literal(false), z.literal('unknown')], {
  error: 'must be true, false or "unknown"',
});

export const factSchema = z.strictObject({
  id: z
    .string()
    .max(100, 'must be at most 100 characters')
    .regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'must be a lower-case name, optionally dotted (e.g. mandate.DE)'),
  value: factValueSchema,
  probability: z.number().min(0).max(1).optional(),
  description: freeTextSchema().optional(),
  sources: z.array(idSchema).default([]),
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
export const confidentialitySchema = z.enum(CONFIDENTIALITY_LEVELS);

export const pledgeSchema = z.strictObject({
  id: idSchema,
  party: partyIdSchema,
  capability: capabilityIdSchema,
  quantity: quantitySchema.nullable().default(null),
  areas: z.array(areaIdSchema).min(1, 'must name at least one area').default(['any']),
  window: timeWindowSchema.optional(),
  status: pledgeStatusSchema.default('committed'),
  supersedes: idSchema.optional(),
  announcedOn: isoDateSchema.optional(),
  withdrawnOn: isoDateSchema.optional(),
  confidentiality: confidentialitySchema.default('coalition'),
  sharedWith: z.array(partyIdSchema).optional(),
  condition: freeTextSchema(4000).default('true'),
  sources: z.array(idSchema).default([]),
  note: freeTextSchema().optional(),
  /** Why the position may no longer hold (e.g. one report of April 2025 not restated since); absent: current. */
  stale: freeTextSchema(2000).min(1).optional(),
  derived: derivationsSchema.optional(),
});

export const requirementSchema = z.strictObject({
  id: idSchema,
  capability: capabilityIdSchema,
  quantity: wholeNumber.nullable(),
  estimate: z.boolean().default(false),
  priority: z.number().int().min(1, 'must be 1 (highest) or more').max(99).default(1),
  area: areaIdSchema.default('any'),
  package: idSchema.optional(),
  window: timeWindowSchema.optional(),
  title: freeTextSchema().optional(),
  sources: z.array(idSchema).default([]),
  /** Which figure is used and why, other estimates beside it, caveats. */
  note: freeTextSchema().optional(),
  derived: derivationsSchema.optional(),
});

export const packageSchema = z.strictObject({
  id: idSchema,
  title: freeTextSchema().min(1),
  description: freeTextSchema().optional(),
  sources: z.array(idSchema).default([]),
});
