import { index, integer, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const sanctionsMeasures = pgTable(
  'sanctions_measures',
  {
    ...recordColumns(),
    packageId: text('package_id').notNull(),
    /** listing, vessels, sectoral_ban, price_cap, other. */
    kind: text('kind').notNull(),
    description: text('description').notNull(),
    count: integer('count'),
    sources: sourcesColumn(),
  },
  (table) => [index('sanctions_measures_package_idx').on(table.packageId)],
);
