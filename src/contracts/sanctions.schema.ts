import { z } from 'zod';
import { isoDateSchema } from './primitives.schema.js';

// The sanctions views as they cross an edge (docs/sanctions.md): the alignment matrix and the timeline of the
// records known at the end of a date (default: today). Response schemas list every field: fields missing from a
// response schema are dropped.

export const sanctionsQuerySchema = z.strictObject({ asOf: isoDateSchema.optional() });
export type SanctionsQuery = z.output<typeof sanctionsQuerySchema>;

const datedOnSchema = z.object({ date: z.string(), basis: z.enum(['applies', 'adopted', 'proposed', 'source']) });

const cellMeasureSchema = z.object({
  id: z.string(),
  package: z.string(),
  status: z.string(),
  description: z.string(),
  on: datedOnSchema.nullable(),
  level: z.string().nullable(),
  sources: z.array(z.string()),
});

const cellSchema = z.object({
  type: z.string(),
  jurisdiction: z.string(),
  status: z.enum(['in_force', 'adopted', 'proposed', 'absent', 'unknown']),
  since: datedOnSchema.nullable(),
  level: z.object({ text: z.string(), on: datedOnSchema.nullable(), measure: z.string() }).nullable(),
  exemptions: z.array(
    z.object({ party: z.string(), description: z.string(), since: z.string().optional(), until: z.string().optional(), measure: z.string(), ended: z.boolean() }),
  ),
  measures: z.array(cellMeasureSchema),
  sources: z.array(z.string()),
});

export const alignmentMatrixResponseSchema = z.object({
  asOf: z.string(),
  types: z.array(z.string()),
  jurisdictions: z.array(z.string()),
  cells: z.array(cellSchema),
  untyped: z.array(z.string()),
});

export const sanctionsTimelineResponseSchema = z.object({
  asOf: z.string(),
  events: z.array(
    z.object({
      on: datedOnSchema,
      kind: z.enum(['package', 'proposed', 'applies', 'not_adopted', 'exemption_from', 'exemption_ends']),
      jurisdiction: z.string(),
      package: z.string(),
      text: z.string(),
      measure: z.string().optional(),
      type: z.string().optional(),
      party: z.string().optional(),
      measures: z.array(z.object({ id: z.string(), type: z.string().nullable(), status: z.string() })).optional(),
      future: z.boolean(),
    }),
  ),
  undated: z.array(z.string()),
});
