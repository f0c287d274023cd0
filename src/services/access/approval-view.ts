import { createHash } from 'node:crypto';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import type { Pledge } from '../../core/types.js';
import type { ApprovalRow } from '../../db/access.repository.js';

// A pending four-eyes approval as the API and the audit log show it. Its `revision` names exactly what is
// proposed (a hash of the request): a confirmation must name it, so a proposal changed after review is never
// written on the strength of a confirmation given to the earlier one.

export interface PendingApproval {
  pledge: string;
  baseVersion: number;
  record: Pledge;
  requestedBy: string;
  requestedAt: string;
  /** The proposal's revision: a hash of everything above and of the pledge record it was made for; a confirmation names it. */
  revision: string;
}

/** The revision (SHA-256 hex) of a pending approval's content. */
export function revisionOf(row: ApprovalRow): string {
  const content = {
    pledge: row.pledgeId,
    baseVersion: row.baseVersion,
    baseCreatedAt: row.baseCreatedAt?.toISOString() ?? null,
    record: row.proposed,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
  };
  return createHash('sha256').update(canonicalJson(content)).digest('hex');
}

/** A pending approval as shown (and audited). */
export function viewApproval(row: ApprovalRow): PendingApproval {
  return {
    pledge: row.pledgeId,
    baseVersion: row.baseVersion,
    record: row.proposed as Pledge,
    requestedBy: row.requestedBy,
    requestedAt: row.requestedAt.toISOString(),
    revision: revisionOf(row),
  };
}
