import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** Failed-login counters (`name:<name>`, `client:<address>`), one row per key and window, shared by every app server. */
export const loginAttempts = pgTable(
  'login_attempts',
  {
    key: text('key').primaryKey(),
    /** Attempts in the window, counted before the password is checked (a success gives its attempt back). */
    failures: integer('failures').notNull(),
    /** When the window started. */
    since: timestamp('since', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('login_attempts_since_idx').on(table.since)],
);
