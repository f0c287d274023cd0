import { bigint, boolean, date, index, integer, pgTable, text } from 'drizzle-orm/pg-core';
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
  },
  (table) => [index('requirements_capability_idx').on(table.capability)],
);
