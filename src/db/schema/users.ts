import { boolean, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.js';

/** People who log in (DESIGN.md §2); passwords as argon2id hashes, never in the clear. */
export const users = pgTable('users', {
  ...recordColumns(),
  name: text('name').notNull().unique(),
  /** admin, coordinator, delegate, analyst. */
  role: text('role').notNull(),
  /** The party a delegate speaks for; null for the other roles. */
  party: text('party'),
  passwordHash: text('password_hash'),
  disabled: boolean('disabled').notNull().default(false),
  lastLoginAt: timestamp('last_login_at', { withTimezone: true, mode: 'date' }),
});
