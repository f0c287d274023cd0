import type { PgTransactionConfig } from 'drizzle-orm/pg-core';
import type { Database } from './open-store.js';

// One transaction of the store, handed to its work as a Database: the repositories take either.

/** Run `work` in one transaction of `db` (committed when it resolves, rolled back when it throws). */
export function inTransaction<T>(db: Database, work: (tx: Database) => Promise<T>, config?: PgTransactionConfig): Promise<T> {
  return db.transaction((transaction) => work(transaction), config);
}
