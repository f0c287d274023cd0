import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A pending four-eyes approval: one user asked to set a pledge to `approved`; a second one confirms. */
export const pledgeApprovals = pgTable('pledge_approvals', {
  pledgeId: text('pledge_id').primaryKey(),
  /** The pledge's version the request was made against: a change in between voids it. */
  baseVersion: integer('base_version').notNull(),
  /** When the pledge the request was made for was created: binds the request to that record, not to its id. */
  baseCreatedAt: timestamp('base_created_at', { withTimezone: true, mode: 'date' }),
  /** The pledge record to write on confirmation. */
  proposed: jsonb('proposed').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
});
