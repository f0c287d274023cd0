import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import type { AuditRow } from '../../db/audit.repository.js';

// The hash of one audit entry: SHA-256 over the previous hash and the entry's canonical JSON.

/** An entry's content: everything the hash covers besides the previous hash. */
export type AuditContent = Omit<AuditRow, 'prevHash' | 'hash'>;

export const GENESIS_HASH = '0'.repeat(64);

/** Hash an entry chained to `prevHash`. */
export function hashAuditEntry(prevHash: string, entry: AuditContent): string {
  const body = canonicalJson({
    seq: entry.seq,
    at: entry.at.toISOString(),
    actor: entry.actor,
    action: entry.action,
    entity: entry.entity,
    entityId: entry.entityId,
    before: entry.before ?? null,
    after: entry.after ?? null,
  });
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
