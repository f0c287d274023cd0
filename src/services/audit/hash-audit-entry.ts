import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import type { AuditRow } from '../../db/audit.repository.js';

// The hash of one audit entry: SHA-256 over the previous hash and the entry's canonical JSON.

/** An entry's content: everything the hash covers besides the previous hash. */
export type AuditContent = Omit<AuditRow, 'prevHash' | 'hash'>;

/** An entry's content with its states already in canonical JSON (`null` for none). */
export type CanonicalAuditContent = Omit<AuditContent, 'before' | 'after'> & { before: string; after: string };

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

/**
 * hashAuditEntry of an entry whose states are already canonical JSON (the writer's fast path; verification uses
 * hashAuditEntry): the entry's canonical JSON is its fields in sorted key order (action, actor, after, at,
 * before, entity, entityId, seq), so the states are spliced in as they are.
 */
export function hashCanonicalAuditEntry(prevHash: string, entry: CanonicalAuditContent): string {
  const body =
    `{"action":${JSON.stringify(entry.action)},"actor":${JSON.stringify(entry.actor)},"after":${entry.after},"at":${JSON.stringify(entry.at.toISOString())},` +
    `"before":${entry.before},"entity":${JSON.stringify(entry.entity)},"entityId":${JSON.stringify(entry.entityId)},"seq":${canonicalJson(entry.seq)}}`;
  return createHash('sha256').update(prevHash).update('\n').update(body).digest('hex');
}
