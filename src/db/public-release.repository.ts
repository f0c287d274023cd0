import { asc, desc, eq, lte } from 'drizzle-orm';
import type { Database } from './open-store.js';
import { publicReleases } from './schema/index.js';

// Rows of the public releases. A release is written once and never changed.

export type PublicReleaseRow = typeof publicReleases.$inferSelect;
export type PublicReleaseHeader = Pick<PublicReleaseRow, 'id' | 'date' | 'publishedAt' | 'note'>;

const HEADER = { id: publicReleases.id, date: publicReleases.date, publishedAt: publicReleases.publishedAt, note: publicReleases.note };

/** Insert a release. */
export async function insertPublicRelease(db: Database, row: PublicReleaseRow): Promise<void> {
  await db.insert(publicReleases).values(row);
}

/** Every release, oldest first (with summary and basis: for the control over time of the next one). */
export async function listPublicReleaseContents(db: Database): Promise<PublicReleaseRow[]> {
  return db.select().from(publicReleases).orderBy(asc(publicReleases.id));
}

/** Every release's header, newest first. */
export async function listPublicReleaseHeaders(db: Database): Promise<PublicReleaseHeader[]> {
  return db.select(HEADER).from(publicReleases).orderBy(desc(publicReleases.id));
}

/** A release by its number, or undefined. */
export async function findPublicRelease(db: Database, id: number): Promise<PublicReleaseRow | undefined> {
  const rows = await db.select().from(publicReleases).where(eq(publicReleases.id, id)).limit(1);
  return rows[0];
}

/** The newest release published on or before a date (the newest of all without one), or undefined. */
export async function findLatestPublicRelease(db: Database, onOrBefore?: string): Promise<PublicReleaseRow | undefined> {
  const query = db.select().from(publicReleases);
  const rows = await (onOrBefore === undefined ? query : query.where(lte(publicReleases.date, onOrBefore))).orderBy(desc(publicReleases.id)).limit(1);
  return rows[0];
}
