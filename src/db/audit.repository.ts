import { and, asc, desc, eq, gt, inArray, min, sql } from 'drizzle-orm';
import { auditHead, auditLog } from './schema/index.js';
import { insertRowsAsJson, JsonText } from './bulk-insert.js';
import type { Database } from './open-store.js';

// The audit log's rows. Hashing and verification live in the service; this only reads and writes rows.

export interface AuditRow {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
  prevHash: string;
  hash: string;
}

/** An entry to append: its states as canonical JSON text (`null` for none, stored as NULL). */
export type AuditRowToWrite = Omit<AuditRow, 'before' | 'after'> & { before: string; after: string };

/** The chain's head, locked for the rest of the transaction so appends are serialised. */
export async function lockAuditHead(db: Database): Promise<{ seq: number; hash: string }> {
  const rows = await db.select().from(auditHead).where(eq(auditHead.id, 1)).for('update');
  const head = rows[0];
  if (!head) throw new Error('audit head row missing: the store was not migrated');
  return { seq: head.seq, hash: head.hash };
}

/** The chain's head without locking. */
export async function readAuditHead(db: Database): Promise<{ seq: number; hash: string }> {
  const rows = await db.select().from(auditHead).where(eq(auditHead.id, 1));
  return rows[0] ?? { seq: 0, hash: '' };
}

/** Append one entry and move the head in one statement (inside the caller's transaction, after lockAuditHead). */
export async function insertAuditRow(db: Database, row: AuditRowToWrite): Promise<void> {
  // One round trip instead of two: writes are serialised on the head, so every statement under its lock counts.
  await db.execute(sql`
    WITH appended AS (
      INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
      VALUES (${row.seq}, ${row.at.toISOString()}, ${row.actor}, ${row.action}, ${row.entity}, ${row.entityId},
              ${jsonParam(row.before)}::jsonb, ${jsonParam(row.after)}::jsonb, ${row.prevHash}, ${row.hash})
      RETURNING seq, hash
    )
    UPDATE audit_head SET seq = appended.seq, hash = appended.hash FROM appended WHERE audit_head.id = 1`);
}

function jsonParam(text: string): string | null {
  return text === 'null' ? null : text;
}

/** Append consecutive entries in chunks and move the head to the last (inside the caller's transaction). */
export async function insertAuditRows(db: Database, rows: readonly AuditRowToWrite[]): Promise<void> {
  const last = rows[rows.length - 1];
  if (!last) return;
  for (let start = 0; start < rows.length; start += 2000) {
    // The states go into the JSON as they are (a JSON null is stored as NULL, as a single append stores it).
    const chunk = rows.slice(start, start + 2000).map((row) => ({ ...row, before: new JsonText(row.before), after: new JsonText(row.after) }));
    await insertRowsAsJson(db, auditLog, chunk);
  }
  await db.update(auditHead).set({ seq: last.seq, hash: last.hash }).where(eq(auditHead.id, 1));
}

/** A batch of entries after `afterSeq`, in order. */
export async function readAuditBatch(db: Database, afterSeq: number, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).where(gt(auditLog.seq, afterSeq)).orderBy(asc(auditLog.seq)).limit(limit);
}

/**
 * The first entry whose stored time has digits below the millisecond, if any. The application writes
 * JavaScript Dates (milliseconds) and the drivers read timestamps back at millisecond precision, so an edit of
 * the microseconds alone would leave the hashed content unchanged: verification asks the database instead.
 */
export async function firstSubMillisecondEntry(db: Database): Promise<number | undefined> {
  const rows = await db
    .select({ seq: min(auditLog.seq) })
    .from(auditLog)
    .where(sql`${auditLog.at} <> date_trunc('milliseconds', ${auditLog.at})`);
  const seq = rows[0]?.seq;
  return seq === null || seq === undefined ? undefined : Number(seq);
}

/** The history of one record, oldest first. */
export async function readRecordHistory(db: Database, entity: string, entityId: string): Promise<AuditRow[]> {
  return db
    .select()
    .from(auditLog)
    .where(and(eq(auditLog.entity, entity), eq(auditLog.entityId, entityId)))
    .orderBy(asc(auditLog.seq));
}

/** The newest entries, newest first. */
export async function readRecentAudit(db: Database, limit: number): Promise<AuditRow[]> {
  return db.select().from(auditLog).orderBy(desc(auditLog.seq)).limit(limit);
}

/** The last audited state of each of these records (for a deleted one, what was deleted); absent if never audited. */
export async function readLastStates(db: Database, entity: string, entityIds: readonly string[]): Promise<Map<string, unknown>> {
  const states = new Map<string, unknown>();
  for (let start = 0; start < entityIds.length; start += 1000) {
    const rows = await db
      .selectDistinctOn([auditLog.entityId], { entityId: auditLog.entityId, before: auditLog.before, after: auditLog.after })
      .from(auditLog)
      .where(and(eq(auditLog.entity, entity), inArray(auditLog.entityId, entityIds.slice(start, start + 1000))))
      .orderBy(auditLog.entityId, desc(auditLog.seq));
    for (const row of rows) states.set(row.entityId, row.after ?? row.before);
  }
  return states;
}
