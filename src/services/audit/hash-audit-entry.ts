import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.js';

// The hash of one audit entry: SHA-256 over the previous hash and the entry's canonical JSON.

export interface AuditContent {
  seq: number;
  at: Date;
  actor: string;
  action: string;
  entity: string;
  entityId: string;
  before: unknown;
  after: unknown;
}

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
