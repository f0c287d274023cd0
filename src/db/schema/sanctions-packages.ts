import { date, integer, jsonb, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const sanctionsPackages = pgTable('sanctions_packages', {
  ...recordColumns(),
  jurisdiction: text('jurisdiction').notNull(),
  number: integer('number'),
  adoptedOn: date('adopted_on', { mode: 'string' }),
  title: text('title').notNull(),
  /** Third countries aligning with the package. */
  alignment: text('alignment').array().notNull().default([]),
  /** Exemptions, e.g. [{party: 'HU', measure: 'pipeline oil'}]. */
  exemptions: jsonb('exemptions').notNull().default([]),
  sources: sourcesColumn(),
});
