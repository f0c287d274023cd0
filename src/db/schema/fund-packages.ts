import { bigint, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const fundPackages = pgTable(
  'fund_packages',
  {
    ...recordColumns(),
    fundId: text('fund_id').notNull(),
    title: text('title').notNull(),
    /** Price in minor units of `currency`. */
    price: bigint('price', { mode: 'number' }).notNull(),
    currency: text('currency').notNull(),
    priority: integer('priority').notNull().default(1),
    status: text('status').notNull().default('open'),
    sources: sourcesColumn(),
  },
  (table) => [index('fund_packages_fund_idx').on(table.fundId)],
);
