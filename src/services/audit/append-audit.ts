import { canonicalJsonOfStored } from '../../core/audit/canonical-json.js';
import { type AuditRowToWrite, insertAuditRow, insertAuditRows, lockAuditHead } from '../../db/audit.repository.js';
import type { Database } from '../../db/open-store.js';
import { hashCanonicalAuditEntry } from './hash-audit-entry.js';

// Appends to the hash chain inside the caller's transaction: the head row's lock orders concurrent writers.

export interface AuditEvent {
  actor: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Append an entry and return the new head; `head` is the locked head when the caller already holds it. */
export async function appendAudit(tx: Database, event: AuditEvent, now: Date, head?: { seq: number; hash: string }): Promise<{ seq: number; hash: string }> {
  const row = chainAuditRow(head ?? (await lockAuditHead(tx)), event, now);
  await insertAuditRow(tx, row);
  return { seq: row.seq, hash: row.hash };
}

/** The row that follows `previous` in the chain (pure: no database). */
export function chainAuditRow(previous: { seq: number; hash: string }, event: AuditEvent, now: Date): AuditRowToWrite {
  // Canonical JSON of what jsonb will give back on verification (no undefined, no Dates): stored and hashed as is.
  const content = {
    seq: previous.seq + 1,
    at: now,
    actor: event.actor,
    action: event.action,
    entity: event.entity,
    entityId: event.entityId,
    before: canonicalJsonOfStored(event.before),
    after: canonicalJsonOfStored(event.after),
  };
  return { ...content, prevHash: previous.hash, hash: hashCanonicalAuditEntry(previous.hash, content) };
}

/** Append many entries at once (bulk writes); the caller holds the head's lock. */
export async function appendAuditBatch(tx: Database, head: { seq: number; hash: string }, events: readonly AuditEvent[], now: Date): Promise<void> {
  let previous = head;
  const rows: AuditRowToWrite[] = [];
  for (const event of events) {
    const row = chainAuditRow(previous, event, now);
    rows.push(row);
    previous = row;
  }
  await insertAuditRows(tx, rows);
}
