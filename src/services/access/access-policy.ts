import { decideWrite } from '../../core/access/permissions.js';
import { isUser, type Principal, scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import { AppError } from '../../contracts/input-error.js';
import { insertDenial, listDenials } from '../../db/access.repository.js';
import { readLastStates } from '../../db/audit.repository.js';
import { entityByName } from '../../db/entities/all-entities.js';
import type { EntityDefinition } from '../../db/entities/entity-definition.js';
import type { Database } from '../../db/open-store.js';
import { findRecords } from '../../db/record.repository.js';

// The one place services ask "may this principal see / write this?" (DESIGN.md §2, §7). Reads of records the
// caller may not see answer 404 as if absent; forbidden writes 403; every refusal is logged (who, what, when).
// New services call visibleTo / assertCanRead / assertCanWrite and let denials propagate as thrown errors.

export type AccessAction = 'read' | 'create' | 'update' | 'delete' | 'approve';

/** Collections whose records are pledges for visibility (a pending approval is a proposed pledge). */
export const PLEDGE_SNAPSHOTS: ReadonlySet<string> = new Set(['pledge-approvals']);

/** A refusal: the edges see a plain not_found or auth.forbidden; the policy logs the rest. */
export class AccessDeniedError extends AppError {
  override name = 'AccessDeniedError';
  constructor(
    code: 'not_found' | 'auth.forbidden' | 'approval.same_person',
    message: string,
    readonly denial: { actor: string; action: AccessAction; entity: string; entityId: string | null; reason: string },
  ) {
    super(code, message);
  }
}

/** What the policy needs to know about a collection. */
export interface CollectionRef {
  name: string;
  /** Records carry a confidentiality level (pledges, contributions). */
  confidential?: boolean;
}

export class AccessPolicy {
  constructor(
    private readonly db: Database,
    private readonly now: () => Date,
  ) {}

  /** Whether a principal may see a record (every record of a non-confidential collection). */
  visibleTo(principal: Principal, collection: CollectionRef, record: unknown): boolean {
    return !collection.confidential || canSeeRecord(scopeOf(principal), record);
  }

  /** Refuse (404, as if absent) a record the principal may not see. */
  assertCanRead(principal: Principal, collection: CollectionRef, id: string, record: unknown): void {
    if (this.visibleTo(principal, collection, record)) return;
    throw new AccessDeniedError('not_found', `${collection.name} '${id}' not found`, denialOf(principal, 'read', collection.name, id, 'not visible'));
  }

  /** Refuse a write: 404 for a stored record the principal may not see, else 403 when not allowed. */
  assertCanWrite(principal: Principal, collection: CollectionRef, change: { id: string; action: AccessAction; before?: unknown; after?: unknown }): void {
    const decision = decideWrite(principal, collection.name, change.before, change.after);
    if (decision.ok) return;
    const denial = denialOf(principal, change.action, collection.name, change.id, decision.reason === 'not_visible' ? 'not visible' : decision.message);
    if (decision.reason === 'not_visible') throw new AccessDeniedError('not_found', `${collection.name} '${change.id}' not found`, denial);
    throw new AccessDeniedError('auth.forbidden', decision.message, denial);
  }

  /** Run `work`; a refusal it throws is logged (outside any transaction it rolled back) and rethrown. */
  async logDenials<T>(work: () => Promise<T>): Promise<T> {
    try {
      return await work();
    } catch (error) {
      if (error instanceof AccessDeniedError) await this.record(error);
      throw error;
    }
  }

  /**
   * The newest refused attempts (admins only). An attempt on a record the reader may not see (now, or as it
   * was last if deleted) is listed without its id: the log must not tell which hidden ids exist.
   */
  async denials(principal: Principal, limit: number): Promise<{ at: string; actor: string; action: string; entity: string; entityId: string | null; reason: string }[]> {
    if (isUser(principal) && principal.role !== 'admin') throw new AppError('auth.forbidden', 'only admins may read the log of refused attempts');
    const rows = await listDenials(this.db, limit);
    const hidden = await this.hiddenSubjects(principal, rows);
    return rows.map((row) => ({
      at: row.at.toISOString(),
      actor: row.actor,
      action: row.action,
      entity: row.entity,
      entityId: row.entityId !== null && hidden.has(`${row.entity}\n${row.entityId}`) ? null : row.entityId,
      reason: row.reason,
    }));
  }

  // The (entity, id) pairs of these denials that name a confidential record the principal may not see.
  private async hiddenSubjects(principal: Principal, rows: readonly { entity: string; entityId: string | null }[]): Promise<Set<string>> {
    const hidden = new Set<string>();
    if (!isUser(principal)) return hidden;
    const byEntity = new Map<string, Set<string>>();
    for (const row of rows) {
      const collection = entityByName(PLEDGE_SNAPSHOTS.has(row.entity) ? 'pledges' : row.entity);
      if (row.entityId === null || !collection?.confidential) continue;
      byEntity.set(row.entity, (byEntity.get(row.entity) ?? new Set()).add(row.entityId));
    }
    for (const [name, ids] of byEntity) {
      const entity = entityByName(PLEDGE_SNAPSHOTS.has(name) ? 'pledges' : name) as EntityDefinition;
      const current = await findRecords(this.db, entity, [...ids]);
      const gone = [...ids].filter((id) => !current.has(id));
      const last = gone.length > 0 ? await readLastStates(this.db, entity.name, gone) : new Map<string, unknown>();
      const states: [string, unknown][] = [...[...current].map(([id, found]): [string, unknown] => [id, found.record]), ...last];
      for (const [id, state] of states) if (state !== null && !this.visibleTo(principal, entity, state)) hidden.add(`${name}\n${id}`);
    }
    return hidden;
  }

  /** Log one refusal; a failure to log never hides the refusal itself. */
  async record(error: AccessDeniedError): Promise<void> {
    await insertDenial(this.db, { at: this.now(), ...error.denial }).catch(() => undefined);
  }
}

/** The denial record of a refused attempt. */
export function denialOf(principal: Principal, action: AccessAction, entity: string, entityId: string | null, reason: string): AccessDeniedError['denial'] {
  const actor = isUser(principal) ? `${principal.name} (${principal.role}${principal.party ? ` ${principal.party}` : ''})` : principal.name;
  return { actor, action, entity, entityId, reason };
}
