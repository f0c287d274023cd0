import { eq } from 'drizzle-orm';
import type { Database } from './open-store.js';
import { incidentVerifications } from './schema/index.js';

// Rows of pending incident verifications (docs/incidents.md, four-eyes).

export type VerificationRow = typeof incidentVerifications.$inferSelect;

/** The pending verification of an incident, or undefined. */
export async function findVerification(db: Database, incidentId: string): Promise<VerificationRow | undefined> {
  const rows = await db.select().from(incidentVerifications).where(eq(incidentVerifications.incidentId, incidentId)).limit(1);
  return rows[0];
}

/** Store (or replace) the pending verification of an incident. */
export async function upsertVerification(db: Database, row: VerificationRow): Promise<void> {
  await db.insert(incidentVerifications).values(row).onConflictDoUpdate({ target: incidentVerifications.incidentId, set: row });
}

/** Drop the pending verification of an incident. */
export async function deleteVerification(db: Database, incidentId: string): Promise<void> {
  await db.delete(incidentVerifications).where(eq(incidentVerifications.incidentId, incidentId));
}
