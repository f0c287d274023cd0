import { z } from 'zod';
import { freeTextSchema, isoDateSchema, urlSchema } from './primitives.schema.js';

// `POST /api/ingest/:id/accept` (docs/ingestion.md): which proposals to accept, each as the record the
// analyst edited (the draft the proposals answer carried, changed or not), and the source's details.

export const ingestIdSchema = z.string().regex(/^ing-[0-9a-f]{16}$/, 'must be an ingest id (ing- and 16 hex digits)');

export const acceptRequestSchema = z.strictObject({
  items: z
    .array(
      z.strictObject({
        index: z.number().int('must be a whole number').nonnegative('must not be negative'),
        /** The record to write (the draft, edited); absent: the draft as proposed. */
        record: z.record(z.string(), z.unknown()).optional(),
      }),
    )
    .min(1, 'must accept at least one proposal')
    .max(200),
  source: z
    .strictObject({
      publisher: freeTextSchema(200).min(1).optional(),
      date: isoDateSchema.optional(),
      url: urlSchema(2000).optional(),
    })
    .optional(),
});
export type AcceptRequest = z.infer<typeof acceptRequestSchema>;

// `POST /api/ingest/:id/reject`: which proposals to reject (the others stay open).
export const rejectRequestSchema = z.strictObject({
  items: z
    .array(z.strictObject({ index: z.number().int('must be a whole number').nonnegative('must not be negative') }))
    .min(1, 'must reject at least one proposal')
    .max(200),
});
export type RejectRequest = z.infer<typeof rejectRequestSchema>;
