import { integer, text, timestamp } from 'drizzle-orm/pg-core';

// Columns every record table shares: the id, the optimistic-concurrency version and timestamps.

/** id, version, created/updated (ISO strings). */
export function recordColumns() {
  return {
    id: text('id').primaryKey(),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull().defaultNow(),
  };
}

export type RecordColumns = ReturnType<typeof recordColumns>;

/** Source ids cited by a record. */
export function sourcesColumn() {
  return text('sources').array().notNull().default([]);
}
