import { bigserial, index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Refused attempts (who, what, when): reads of records the caller may not see, forbidden writes. */
export const accessDenials = pgTable(
  'access_denials',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    at: timestamp('at', { withTimezone: true, mode: 'date' }).notNull(),
    actor: text('actor').notNull(),
    /** read, create, update, delete, approve, login. */
    action: text('action').notNull(),
    entity: text('entity').notNull(),
    entityId: text('entity_id'),
    reason: text('reason').notNull(),
  },
  (table) => [index('access_denials_at_idx').on(table.at)],
);
