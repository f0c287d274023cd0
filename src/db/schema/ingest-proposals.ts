import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * News ingestion's proposals (docs/ingestion.md), one row per ingested article and proposer, shared by every app
 * server and kept across restarts until `expires_at`. `article` is the article as read (text, language, date,
 * url, publisher, title); `proposals` the proposals with their drafts, duplicates and decisions (open,
 * accepted with the records written, rejected).
 */
export const ingestProposals = pgTable(
  'ingest_proposals',
  {
    id: text('id').primaryKey(),
    /** Who proposed them (`user:<id>` or `system`): nobody else sees, accepts or rejects them. */
    owner: text('owner').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true, mode: 'date' }).notNull(),
    article: jsonb('article').notNull(),
    proposals: jsonb('proposals').notNull(),
  },
  (table) => [index('ingest_proposals_owner_idx').on(table.owner, table.createdAt), index('ingest_proposals_expires_idx').on(table.expiresAt)],
);
