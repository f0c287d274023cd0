import { z } from 'zod';
import { idSchema, isoDateSchema } from './domain.schema.js';

// The point in time a changes report starts or ends at: a date, or a meeting (its date): `2026-01-03` or
// `meeting:kyiv-nsa-2026-01-03`.

const MEETING_PREFIX = 'meeting:';

// Documented as the string it is sent as (the union of transforms has no JSON schema of its own).
export const changesPointSchema = z.string({ error: 'must be a date YYYY-MM-DD or meeting:ID' }).describe('A date YYYY-MM-DD or meeting:ID').pipe(z.union([
  isoDateSchema.transform((date) => ({ kind: 'date' as const, date })),
  z
    .string()
    .startsWith(MEETING_PREFIX, 'must be a date YYYY-MM-DD or meeting:ID')
    .transform((text) => text.slice(MEETING_PREFIX.length))
    .pipe(idSchema)
    .transform((meeting) => ({ kind: 'meeting' as const, meeting })),
], { error: 'must be a date YYYY-MM-DD or meeting:ID' }));

export type ChangesPoint = z.output<typeof changesPointSchema>;

export const changesQuerySchema = z.strictObject({
  since: changesPointSchema,
  until: changesPointSchema.optional(),
});

export type ChangesQuery = z.output<typeof changesQuerySchema>;
