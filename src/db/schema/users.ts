import { boolean, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.js';

export const users = pgTable('users', {
  ...recordColumns(),
  name: text('name').notNull().unique(),
  /** admin, coordinator, delegate, analyst. */
  role: text('role').notNull(),
  party: text('party'),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
});
