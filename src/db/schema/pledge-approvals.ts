import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A pending four-eyes approval: one user asked to set a pledge to `approved`; a second one confirms. */
export const pledgeApprovals = pgTable('pledge_approvals', {
  pledgeId: text('pledge_id').primaryKey(),
  /** The pledge's version the request was made against: a change in between voids it. */
  baseVersion: integer('base_version').notNull(),
  /** The pledge record to write on confirmation. */
  proposed: jsonb('proposed').notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
});
