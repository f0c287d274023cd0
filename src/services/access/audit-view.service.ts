import { isUser, type Principal } from '../../core/access/principal.js';
import { type AuditRow, readAuditBatch, readRecentAudit } from '../../db/audit.repository.js';
import { entityByName } from '../../db/entities/all-entities.js';
import type { Store } from '../../db/open-store.js';
import type { AccessPolicy } from './access-policy.js';

// The audit log as the caller may see it: entries about records they may not see are left out, and a version
// they may not see (before or after a confidentiality change) is null. Account entries are for admins.

/** Collections whose audited snapshots are pledges (for visibility), besides the confidential entities. */
const PLEDGE_SNAPSHOTS = new Set(['pledge-approvals']);

export class AuditViewService {
  constructor(
    private readonly store: Store,
    private readonly policy: AccessPolicy,
  ) {}

  /** Up to `limit` entries: newest first, or from `after` onwards (oldest first). */
  async entries(principal: Principal, options: { limit: number; after?: number }): Promise<AuditRow[]> {
    const shown: AuditRow[] = [];
    // Walk the log in batches until the page is full: skipped entries must not shorten it.
    let cursor = options.after;
    let newestFirstOffset = 0;
    for (let round = 0; round < 50 && shown.length < options.limit; round++) {
      const batchSize = Math.max(options.limit, 200);
      const rows = cursor === undefined ? await this.newest(newestFirstOffset, batchSize) : await readAuditBatch(this.store.db, cursor, batchSize);
      for (const row of rows) {
        const view = this.view(principal, row);
        if (view && shown.length < options.limit) shown.push(view);
      }
      if (rows.length < batchSize) break;
      if (cursor === undefined) newestFirstOffset += rows.length;
      else cursor = rows[rows.length - 1]?.seq ?? cursor;
    }
    return shown;
  }

  private async newest(offset: number, limit: number): Promise<AuditRow[]> {
    const rows = await readRecentAudit(this.store.db, offset + limit);
    return rows.slice(offset);
  }

  private view(principal: Principal, row: AuditRow): AuditRow | undefined {
    if (!isUser(principal)) return row;
    if (row.entity === 'users') return principal.role === 'admin' ? row : undefined;
    const collection = PLEDGE_SNAPSHOTS.has(row.entity) ? { name: 'pledges', confidential: true } : (entityByName(row.entity) ?? { name: row.entity });
    const snapshot = (value: unknown): unknown => {
      if (value === null || value === undefined) return null;
      const record = PLEDGE_SNAPSHOTS.has(row.entity) ? (value as { record?: unknown }).record : value;
      return this.policy.visibleTo(principal, collection, record) ? value : null;
    };
    const before = snapshot(row.before);
    const after = snapshot(row.after);
    if (before === null && after === null && (row.before !== null || row.after !== null)) return undefined;
    return { ...row, before, after };
  }
}
