import { integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** A pending four-eyes verification: one coordinator asked to verify an incident as it stands; a second one confirms. */
export const incidentVerifications = pgTable('incident_verifications', {
  incidentId: text('incident_id').primaryKey(),
  /** The incident's version the request vouches for: any change since voids it. */
  baseVersion: integer('base_version').notNull(),
  /** When that incident was created: binds the request to that record, not to its id. */
  baseCreatedAt: timestamp('base_created_at', { withTimezone: true, mode: 'date' }).notNull(),
  requestedBy: text('requested_by').notNull(),
  requestedAt: timestamp('requested_at', { withTimezone: true, mode: 'date' }).notNull(),
});
