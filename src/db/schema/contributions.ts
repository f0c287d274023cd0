import { bigint, date, index, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const contributions = pgTable(
  'contributions',
  {
    ...recordColumns(),
    fundId: text('fund_id').notNull(),
    /** Earmarked package, if any. */
    packageId: text('package_id'),
    /** One or several donors jointly: [{party, share}] with share 0–1 or null when unknown. */
    donors: jsonb('donors').notNull(),
    /** Amount in minor units of `currency`; null: no amount was published. */
    amount: bigint('amount', { mode: 'number' }),
    currency: text('currency').notNull(),
    date: date('date', { mode: 'string' }).notNull(),
    status: text('status').notNull().default('pledged'),
    confidentiality: text('confidentiality').notNull().default('coalition'),
    sharedWith: text('shared_with').array(),
    sources: sourcesColumn(),
    note: text('note'),
    /** [{field, from, how}]: figures no cited source states, and how they were obtained; null: none. */
    derived: jsonb('derived'),
  },
  (table) => [index('contributions_fund_idx').on(table.fundId)],
);
