import { z } from 'zod';
import { DERIVATION_KINDS, type FactDerivation } from '../core/facts/derivations/registry.js';
import { INCIDENT_KINDS } from '../core/incidents/incident-types.js';
import { SANCTIONS_MEASURE_TYPES } from '../core/sanctions/sanctions-types.js';
import { isoDateSchema } from './primitives.schema.js';

// A fact's derivation as it crosses an edge (docs/incidents.md, "Derived facts"): one schema per kind of
// src/core/facts/derivations/, joined by `kind`. Adding a kind adds its schema here and to the union.

const incidentKindSchema = z.enum(INCIDENT_KINDS, { error: `must be one of ${INCIDENT_KINDS.join(', ')}` });

/** `verified_incident`: true from the earliest verified incident of one of `kinds` (on or after `after`). */
export const verifiedIncidentDerivationSchema = z.strictObject({
  kind: z.literal('verified_incident', { error: `must be a known kind of derivation (${DERIVATION_KINDS.join(', ')})` }),
  kinds: z
    .array(incidentKindSchema)
    .min(1, 'must name at least one incident kind')
    .refine((kinds) => new Set(kinds).size === kinds.length, 'must not repeat a kind'),
  after: isoDateSchema.optional(),
});

/** `sanctions_exemptions_ended`: true from the day the last exemption from a jurisdiction's measures of one type ends. */
export const sanctionsExemptionsEndedDerivationSchema = z.strictObject({
  kind: z.literal('sanctions_exemptions_ended', { error: `must be a known kind of derivation (${DERIVATION_KINDS.join(', ')})` }),
  jurisdiction: z.string({ error: 'must be a jurisdiction code' }).regex(/^[A-Z]{2,12}$/, 'must be upper-case letters (EU, US, UK, …)'),
  measureType: z.enum(SANCTIONS_MEASURE_TYPES, { error: `must be one of ${SANCTIONS_MEASURE_TYPES.join(', ')}` }),
});

/**
 * Every kind of derivation, by `kind`. An unknown or missing kind falls back to trying each kind, so the problem is
 * reported at the derivation (or, with one kind, at its fields), never only at a `kind` the input did not give.
 */
export const factDerivationSchema: z.ZodType<FactDerivation> = z.discriminatedUnion('kind', [verifiedIncidentDerivationSchema, sanctionsExemptionsEndedDerivationSchema], {
  unionFallback: true,
  error: (issue) => (issue.code === 'invalid_union' ? `must be a derivation of a known kind (${DERIVATION_KINDS.join(', ')})` : undefined),
});
