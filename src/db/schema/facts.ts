import { doublePrecision, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const facts = pgTable('facts', {
  ...recordColumns(),
  /** 'true', 'false' or 'unknown'. */
  value: text('value').notNull(),
  probability: doublePrecision('probability'),
  description: text('description'),
  sources: sourcesColumn(),
});
