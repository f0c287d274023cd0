import { bigint, date, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

/** A PURL-like pool: packages to fund, contributions that fund them. */
export const funds = pgTable('funds', {
  ...recordColumns(),
  title: text('title').notNull(),
  currency: text('currency').notNull(),
  /** Target in minor units of `currency`. */
  targetAmount: bigint('target_amount', { mode: 'number' }),
  targetDate: date('target_date', { mode: 'string' }),
  description: text('description'),
  sources: sourcesColumn(),
});
