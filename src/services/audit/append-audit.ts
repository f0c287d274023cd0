import { insertAuditRow, lockAuditHead } from '../../db/audit.repository.js';
import type { Database } from '../../db/open-store.js';
import { hashAuditEntry } from './hash-audit-entry.js';

// Appends to the hash chain inside the caller's transaction: the head row's lock orders concurrent writers.

export interface AuditEvent {
  actor: string;
  action: 'create' | 'update' | 'delete';
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

/** Append an entry; `now` is passed in so tests and imports can fix the time. */
export async function appendAudit(tx: Database, event: AuditEvent, now: Date): Promise<number> {
  const head = await lockAuditHead(tx);
  const seq = head.seq + 1;
  // JSON round trip: what jsonb will give back on verification (no undefined, no Dates).
  const before = event.before === undefined ? null : (JSON.parse(JSON.stringify(event.before)) as unknown);
  const after = event.after === undefined ? null : (JSON.parse(JSON.stringify(event.after)) as unknown);
  const content = { seq, at: now, actor: event.actor, action: event.action, entity: event.entity, entityId: event.entityId, before, after };
  await insertAuditRow(tx, { ...content, prevHash: head.hash, hash: hashAuditEntry(head.hash, content) });
  return seq;
}
