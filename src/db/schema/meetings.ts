import { date, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const meetings = pgTable('meetings', {
  ...recordColumns(),
  date: date('date', { mode: 'string' }).notNull(),
  /** leaders, ministers, nsa, other. */
  format: text('format').notNull(),
  place: text('place'),
  title: text('title').notNull(),
  inPerson: text('in_person').array().notNull().default([]),
  online: text('online').array().notNull().default([]),
  sources: sourcesColumn(),
});
