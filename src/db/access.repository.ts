import { and, asc, desc, eq, gt, lt } from 'drizzle-orm';
import type { Database } from './open-store.js';
import { accessDenials, apiTokens, pledgeApprovals, sessions, users } from './schema/index.js';

// Rows of the access-control tables: users, sessions, API tokens, denials and pending approvals.

export type UserRow = typeof users.$inferSelect;
export type ApprovalRow = typeof pledgeApprovals.$inferSelect;

/** A user by name, or undefined. */
export async function findUserByName(db: Database, name: string): Promise<UserRow | undefined> {
  const rows = await db.select().from(users).where(eq(users.name, name)).limit(1);
  return rows[0];
}

/** Every user, by name. */
export async function listUsers(db: Database): Promise<UserRow[]> {
  return db.select().from(users).orderBy(asc(users.name));
}

/** Insert a user. */
export async function insertUser(db: Database, row: typeof users.$inferInsert): Promise<UserRow> {
  const rows = await db.insert(users).values(row).returning();
  const inserted = rows[0];
  if (!inserted) throw new Error('user insert returned nothing');
  return inserted;
}

/** Change a user's fields and bump its version. */
export async function updateUser(db: Database, row: UserRow, change: Partial<Pick<UserRow, 'passwordHash' | 'disabled' | 'lastLoginAt' | 'role' | 'party'>>, now: Date): Promise<UserRow> {
  const rows = await db.update(users).set({ ...change, version: row.version + 1, updatedAt: now }).where(eq(users.id, row.id)).returning();
  return rows[0] ?? row;
}

/** The user of a live session (with its CSRF token), or undefined. */
export async function findSessionUser(db: Database, tokenHash: string, now: Date): Promise<{ user: UserRow; csrfToken: string; expiresAt: Date } | undefined> {
  const rows = await db
    .select({ user: users, csrfToken: sessions.csrfToken, expiresAt: sessions.expiresAt })
    .from(sessions)
    .innerJoin(users, eq(users.id, sessions.userId))
    .where(and(eq(sessions.tokenHash, tokenHash), gt(sessions.expiresAt, now)))
    .limit(1);
  return rows[0];
}

/** The user of an API token, or undefined. */
export async function findTokenUser(db: Database, tokenHash: string): Promise<UserRow | undefined> {
  const rows = await db.select({ user: users }).from(apiTokens).innerJoin(users, eq(users.id, apiTokens.userId)).where(eq(apiTokens.tokenHash, tokenHash)).limit(1);
  return rows[0]?.user;
}

/** Store a new session (and drop expired ones while at it). */
export async function insertSession(db: Database, row: typeof sessions.$inferInsert): Promise<void> {
  await db.delete(sessions).where(lt(sessions.expiresAt, row.createdAt));
  await db.insert(sessions).values(row);
}

/** Delete one session. */
export async function deleteSession(db: Database, tokenHash: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.tokenHash, tokenHash));
}

/** Delete every session of a user. */
export async function deleteUserSessions(db: Database, userId: string): Promise<void> {
  await db.delete(sessions).where(eq(sessions.userId, userId));
}

/** Store an API token's hash. */
export async function insertApiToken(db: Database, row: typeof apiTokens.$inferInsert): Promise<void> {
  await db.insert(apiTokens).values(row);
}

/** Delete every API token of a user. */
export async function deleteUserTokens(db: Database, userId: string): Promise<void> {
  await db.delete(apiTokens).where(eq(apiTokens.userId, userId));
}

/** Record a refused attempt. */
export async function insertDenial(db: Database, row: typeof accessDenials.$inferInsert): Promise<void> {
  await db.insert(accessDenials).values(row);
}

/** The newest refused attempts, newest first. */
export async function listDenials(db: Database, limit: number): Promise<(typeof accessDenials.$inferSelect)[]> {
  return db.select().from(accessDenials).orderBy(desc(accessDenials.id)).limit(limit);
}

/** The pending approval of a pledge, or undefined. */
export async function findApproval(db: Database, pledgeId: string): Promise<ApprovalRow | undefined> {
  const rows = await db.select().from(pledgeApprovals).where(eq(pledgeApprovals.pledgeId, pledgeId)).limit(1);
  return rows[0];
}

/** Store (or replace) the pending approval of a pledge. */
export async function upsertApproval(db: Database, row: ApprovalRow): Promise<void> {
  await db.insert(pledgeApprovals).values(row).onConflictDoUpdate({ target: pledgeApprovals.pledgeId, set: row });
}

/** Drop the pending approval of a pledge. */
export async function deleteApproval(db: Database, pledgeId: string): Promise<void> {
  await db.delete(pledgeApprovals).where(eq(pledgeApprovals.pledgeId, pledgeId));
}
