import { date, index, integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Dated public releases of the aggregates under disclosure control (DESIGN.md §7): kept for good, never changed. */
export const publicReleases = pgTable(
  'public_releases',
  {
    /** 1, 2, 3, … in the order of publication (assigned under the audit head's lock). */
    id: integer('id').primaryKey(),
    /** The day it was published (UTC). */
    date: date('date', { mode: 'string' }).notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true, mode: 'date' }).notNull(),
    publishedBy: text('published_by').notNull(),
    note: text('note'),
    /** The audit head (sequence number) whose data the figures were computed from. */
    auditSeq: integer('audit_seq').notNull(),
    /** What is published (PublicSummary). */
    summary: jsonb('summary').notNull(),
    /** What the figures are made of, per capability, stage and party (ReleaseBasis): never served. */
    basis: jsonb('basis').notNull(),
  },
  (table) => [index('public_releases_date_idx').on(table.date)],
);
