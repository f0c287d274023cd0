import { index, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/** API tokens for scripts (Authorization: Bearer): shown once, stored as SHA-256 of 32 random bytes. */
export const apiTokens = pgTable(
  'api_tokens',
  {
    tokenHash: text('token_hash').primaryKey(),
    userId: text('user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (table) => [index('api_tokens_user_idx').on(table.userId)],
);
