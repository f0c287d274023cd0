import { bigint, date, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const financingPlans = pgTable('financing_plans', {
  ...recordColumns(),
  title: text('title').notNull(),
  /** The need in minor units of `currency`. */
  needAmount: bigint('need_amount', { mode: 'number' }).notNull(),
  currency: text('currency').notNull(),
  periodFrom: date('period_from', { mode: 'string' }),
  periodTo: date('period_to', { mode: 'string' }),
  /** The options (joint borrowing, asset-backed loan, bilateral) with their keys and opt-outs. */
  options: jsonb('options').notNull(),
  decidedOption: text('decided_option'),
  sources: sourcesColumn(),
  note: text('note'),
});
