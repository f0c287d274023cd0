import { pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.js';

export const parties = pgTable('parties', {
  ...recordColumns(),
  kind: text('kind').notNull(),
  nameEn: text('name_en').notNull(),
  nameDe: text('name_de').notNull(),
  groups: text('groups').array().notNull().default([]),
});
