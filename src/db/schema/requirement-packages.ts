import { pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const requirementPackages = pgTable('requirement_packages', {
  ...recordColumns(),
  title: text('title').notNull(),
  description: text('description'),
  sources: sourcesColumn(),
});
