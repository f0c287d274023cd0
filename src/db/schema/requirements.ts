import { bigint, boolean, date, index, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const requirements = pgTable(
  'requirements',
  {
    ...recordColumns(),
    capability: text('capability').notNull(),
    quantity: bigint('quantity', { mode: 'number' }),
    estimate: boolean('estimate').notNull().default(false),
    priority: integer('priority').notNull().default(1),
    area: text('area').notNull().default('any'),
    packageId: text('package_id'),
    windowFrom: date('window_from', { mode: 'string' }),
    windowTo: date('window_to', { mode: 'string' }),
    title: text('title'),
    sources: sourcesColumn(),
    note: text('note'),
    /** [{field, from, how}]: figures no cited source states, and how they were obtained; null: none. */
    derived: jsonb('derived'),
  },
  (table) => [index('requirements_capability_idx').on(table.capability)],
);
