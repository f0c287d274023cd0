import { isUser, type Principal } from '../../core/access/principal.js';
import { type AuditRow, readAuditBatch, readLastStates, readRecentAudit } from '../../db/audit.repository.js';
import { entityByName } from '../../db/entities/all-entities.js';
import type { EntityDefinition } from '../../db/entities/entity-definition.js';
import type { Store } from '../../db/open-store.js';
import { findRecords } from '../../db/record.repository.js';
import { type AccessPolicy, PLEDGE_SNAPSHOTS } from './access-policy.js';

// The audit log as the caller may see it, by the same rule as a record's history: entries about a record the
// caller may not see now (a deleted record: as it was last) are left out, and a version they may not see
// (before or after a confidentiality change) is null. Account entries are for admins.


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
      const hiddenNow = await this.hiddenNow(principal, rows);
      for (const row of rows) {
        const view = hiddenNow.has(`${row.entity}\n${row.entityId}`) ? undefined : this.view(principal, row);
        if (view && shown.length < options.limit) shown.push(view);
      }
      if (rows.length < batchSize) break;
      if (cursor === undefined) newestFirstOffset += rows.length;
      else cursor = rows[rows.length - 1]?.seq ?? cursor;
    }
    return shown;
  }

  // The confidential records of these entries that the caller may not see now (deleted ones: as they were last).
  private async hiddenNow(principal: Principal, rows: readonly AuditRow[]): Promise<Set<string>> {
    const hidden = new Set<string>();
    if (!isUser(principal)) return hidden;
    const byEntity = new Map<string, Set<string>>();
    for (const row of rows) {
      const name = PLEDGE_SNAPSHOTS.has(row.entity) ? 'pledges' : row.entity;
      if (!entityByName(name)?.confidential) continue;
      byEntity.set(row.entity, (byEntity.get(row.entity) ?? new Set()).add(row.entityId));
    }
    for (const [entityName, ids] of byEntity) {
      const entity = entityByName(PLEDGE_SNAPSHOTS.has(entityName) ? 'pledges' : entityName) as EntityDefinition;
      const current = await findRecords(this.store.db, entity, [...ids]);
      for (const [id, found] of current) if (!this.policy.visibleTo(principal, entity, found.record)) hidden.add(`${entityName}\n${id}`);
      const gone = [...ids].filter((id) => !current.has(id));
      const last = gone.length > 0 ? await readLastStates(this.store.db, entity.name, gone) : new Map<string, unknown>();
      for (const [id, state] of last) if (state !== null && !this.policy.visibleTo(principal, entity, state)) hidden.add(`${entityName}\n${id}`);
    }
    return hidden;
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
