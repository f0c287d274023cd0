import { date, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.js';

export const sources = pgTable('sources', {
  ...recordColumns(),
  url: text('url'),
  publication: text('publication'),
  publisher: text('publisher').notNull(),
  date: date('date', { mode: 'string' }).notNull(),
  language: text('language'),
  quote: text('quote'),
  /** The party whose delegate created it (only that party's delegates and coordinators change it); null: the coordinators'. */
  owner: text('owner'),
});
