import { z } from 'zod';
import { proposalSchema } from './ingest.schema.js';

// The proposals of an ingested article as the API returns them and as they are stored between requests
// (docs/ingestion.md): the article as read, and per proposal the record it would become, the record that
// already states it, and the analyst's decision so far.

export const createdRecordSchema = z.object({ entity: z.string(), id: z.string(), version: z.number().int() });
export type CreatedRecord = z.infer<typeof createdRecordSchema>;

export const proposalStatusSchema = z.enum(['open', 'accepted', 'rejected']);

export const proposalViewSchema = z.object({
  index: z.number().int(),
  proposal: proposalSchema,
  span: z.object({ start: z.number().int(), end: z.number().int() }),
  draft: z.object({ entity: z.string(), record: z.record(z.string(), z.unknown()), replaces: z.boolean().optional() }).nullable(),
  duplicate: z.object({ entity: z.string(), id: z.string() }).nullable(),
  /** open; accepted (then `created` names the records written); rejected (nothing was written). */
  status: proposalStatusSchema,
  created: z.array(createdRecordSchema),
});
export type ProposalView = z.infer<typeof proposalViewSchema>;

export const articleViewSchema = z.object({
  language: z.string(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
});

export const ingestViewSchema = articleViewSchema.extend({
  id: z.string(),
  /** Until when the proposals are kept (ISO 8601). */
  expiresAt: z.string(),
  proposals: z.array(proposalViewSchema),
});
export type IngestView = z.infer<typeof ingestViewSchema>;

export const acceptResultSchema = z.object({ created: z.array(createdRecordSchema), sources: z.array(z.string()) });
export type AcceptResult = z.infer<typeof acceptResultSchema>;
