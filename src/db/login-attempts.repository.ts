import { and, eq, gt, lte, sql } from 'drizzle-orm';
import type { Database } from './open-store.js';
import { loginAttempts } from './schema/index.js';

// The failed-login counters, changed only by single atomic statements, so parallel logins on any number of app
// servers count every attempt exactly once.

export interface AttemptCount {
  key: string;
  /** Attempts in the window, this one included. */
  failures: number;
  since: Date;
}

/** Count one more attempt for each key (a window older than `windowMs` starts again at 1); returns the counts after it. */
export async function reserveLoginAttempts(db: Database, keys: readonly string[], now: Date, windowMs: number): Promise<AttemptCount[]> {
  const cutoff = new Date(now.getTime() - windowMs);
  // Expired windows are dropped as we go, so names that are tried once do not pile up.
  await db.delete(loginAttempts).where(lte(loginAttempts.since, cutoff));
  const expired = sql`${loginAttempts.since} <= ${cutoff.toISOString()}::timestamptz`;
  return db
    .insert(loginAttempts)
    .values(keys.map((key) => ({ key, failures: 1, since: now })))
    .onConflictDoUpdate({
      target: loginAttempts.key,
      set: {
        failures: sql`CASE WHEN ${expired} THEN 1 ELSE ${loginAttempts.failures} + 1 END`,
        since: sql`CASE WHEN ${expired} THEN excluded.since ELSE ${loginAttempts.since} END`,
      },
    })
    .returning({ key: loginAttempts.key, failures: loginAttempts.failures, since: loginAttempts.since });
}

/** Give an attempt back (a successful login): the name's counter is dropped, the client's lowered by one. */
export async function releaseLoginAttempt(db: Database, nameKey: string, clientKey: string): Promise<void> {
  await db.delete(loginAttempts).where(eq(loginAttempts.key, nameKey));
  await db
    .update(loginAttempts)
    .set({ failures: sql`${loginAttempts.failures} - 1` })
    .where(and(eq(loginAttempts.key, clientKey), gt(loginAttempts.failures, 0)));
}
