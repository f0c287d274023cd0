import { pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.js';

export const capabilities = pgTable('capabilities', {
  ...recordColumns(),
  unit: text('unit').notNull(),
  nameEn: text('name_en').notNull(),
  nameDe: text('name_de').notNull(),
});
