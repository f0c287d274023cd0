import { and, desc, eq, lte, notInArray, sql } from 'drizzle-orm';
import type { Database } from './open-store.js';
import { ingestProposals } from './schema/index.js';

// Rows of news ingestion's proposals (docs/ingestion.md): one per article and proposer, until it expires.

export type IngestProposalRow = typeof ingestProposals.$inferSelect;

/** Insert the row, or replace the one with its id (the same proposer ingesting the same article again). */
export async function saveIngestProposals(db: Database, row: IngestProposalRow): Promise<void> {
  await db
    .insert(ingestProposals)
    .values(row)
    .onConflictDoUpdate({
      target: ingestProposals.id,
      set: { owner: row.owner, createdAt: row.createdAt, expiresAt: row.expiresAt, article: row.article, proposals: row.proposals },
    });
}

/** The row with this id, or undefined; `lock` holds it (FOR UPDATE) until the caller's transaction ends. */
export async function findIngestProposals(db: Database, id: string, lock = false): Promise<IngestProposalRow | undefined> {
  const query = db.select().from(ingestProposals).where(eq(ingestProposals.id, id)).limit(1);
  const rows = lock ? await query.for('update') : await query;
  return rows[0];
}

/** Replace the proposals (their decisions) of a row. */
export async function updateIngestProposals(db: Database, id: string, proposals: unknown): Promise<void> {
  await db.update(ingestProposals).set({ proposals }).where(eq(ingestProposals.id, id));
}

/** Delete a row; true when there was one. */
export async function deleteIngestProposals(db: Database, id: string): Promise<boolean> {
  const rows = await db.delete(ingestProposals).where(eq(ingestProposals.id, id)).returning({ id: ingestProposals.id });
  return rows.length > 0;
}

/** Delete every expired row, and the owner's rows beyond its newest `keep`. */
export async function pruneIngestProposals(db: Database, options: { now: Date; owner: string; keep: number }): Promise<void> {
  await db.delete(ingestProposals).where(lte(ingestProposals.expiresAt, options.now));
  const newest = db
    .select({ id: ingestProposals.id })
    .from(ingestProposals)
    .where(eq(ingestProposals.owner, options.owner))
    .orderBy(desc(ingestProposals.createdAt), desc(ingestProposals.id))
    .limit(options.keep);
  await db.delete(ingestProposals).where(and(eq(ingestProposals.owner, options.owner), notInArray(ingestProposals.id, newest)));
}

/** How many rows there are (for tests and diagnostics). */
export async function countIngestProposals(db: Database): Promise<number> {
  const rows = await db.select({ count: sql<number>`count(*)::int` }).from(ingestProposals);
  return rows[0]?.count ?? 0;
}
