import { z } from 'zod';
import { freeTextSchema, isoDateSchema, urlSchema } from './primitives.schema.js';

// News ingestion at the edges (docs/ingestion.md): the article request of `POST /api/ingest` and `coalition
// ingest`, and the proposal contract of issue 28 (what `--json` prints and the API returns).

/** The largest article accepted, in bytes of UTF-8 (a 10,000-word article is about 70 kB). */
export const MAX_ARTICLE_BYTES = 2_000_000;
/** The longest article the API takes in its JSON body (whose limit is 1 MiB). */
export const MAX_ARTICLE_CHARACTERS = 500_000;

const codeSchema = z.string().regex(/^(?:[A-Z]{2}|EU|EUCO|NATO)$/, 'must be an ISO 3166-1 alpha-2 code, EU, EUCO or NATO');
const isoDate = isoDateSchema;
const quote = z.string().min(1, 'must not be empty').max(5000);

export const ingestLanguageSchema = z.enum(['de', 'en'], { error: 'must be de or en' });

export const ingestRequestSchema = z.strictObject({
  text: freeTextSchema(MAX_ARTICLE_CHARACTERS, z.string({ error: 'must be the article as a string (plain text or HTML)' })),
  date: isoDate.optional(),
  language: ingestLanguageSchema.optional(),
  url: urlSchema(2000).optional(),
  publisher: freeTextSchema(200).min(1).optional(),
});
export type IngestRequest = z.infer<typeof ingestRequestSchema>;

export const meetingProposalSchema = z.strictObject({
  kind: z.literal('meeting'),
  date: isoDate.nullable(),
  format: z.enum(['leaders', 'ministers', 'nsa', 'other']),
  place: codeSchema.nullable(),
  online: z.array(codeSchema),
  participants: z.array(codeSchema),
  quote,
});
export const contributionProposalSchema = z.strictObject({
  kind: z.literal('contribution'),
  donors: z.array(codeSchema).min(1, 'must name at least one donor'),
  amount: z.number().positive('must be positive'),
  currency: z.string().regex(/^[A-Z]{3}$/, 'must be an ISO 4217 code'),
  programme: z.enum(['purl', 'other']),
  date: isoDate.nullable(),
  quote,
});
export const pledgeProposalSchema = z.strictObject({
  kind: z.literal('pledge'),
  party: codeSchema,
  domain: z.enum(['land', 'air', 'maritime', 'air_defence', 'training', 'monitoring', 'logistics', 'intelligence', 'industry', 'finance']),
  quantity: z.number().positive().nullable(),
  unit: z.enum(['persons', 'systems', 'platforms', 'brigade_sets', 'money']).nullable(),
  conditions: z.array(z.enum(['ceasefire', 'us_backstop', 'parliament'])),
  negative: z.boolean(),
  quote,
});
export const estimateProposalSchema = z.strictObject({
  kind: z.literal('estimate'),
  what: z.string().min(1).max(500),
  amount: z.number().positive(),
  unit: z.string().min(1).max(20),
  by: z.string().min(1).max(200).nullable(),
  quote,
});
export const sanctionsProposalSchema = z.strictObject({
  kind: z.literal('sanctions'),
  jurisdiction: codeSchema,
  number: z.number().int().positive().nullable(),
  date: isoDate.nullable(),
  measures: z.array(z.string().min(1).max(200)),
  quote,
});
export const factProposalSchema = z.strictObject({
  kind: z.literal('fact'),
  fact: z.string().regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'must be a fact id such as ceasefire or us_backstop'),
  value: z.boolean().nullable(),
  quote,
});

export const proposalSchema = z.discriminatedUnion('kind', [
  meetingProposalSchema,
  contributionProposalSchema,
  pledgeProposalSchema,
  estimateProposalSchema,
  sanctionsProposalSchema,
  factProposalSchema,
]);
export type ProposalInput = z.infer<typeof proposalSchema>;
