import { DATASET_ENTITY_NAMES } from '../db/entities/dataset-entities.js';
import { type Principal, scopeKey, scopeOf } from '../core/access/principal.js';
import { settleWrittenRecord } from '../core/access/owned-parts.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import { findById } from '../core/dataset/record-positions.js';
import { inheritCompiled } from '../core/scenario/compiled-candidates.js';
import type { Dataset } from '../core/types.js';
import { AppError, InputError } from '../contracts/input-error.js';
import type { HistoryEntry } from '../contracts/records.schema.js';
import { type ApprovalConfirmation, guardFourEyes, settleApprovals } from './access/approvals.service.js';
import { lockAuditHead, readAuditHead, readRecordHistory } from '../db/audit.repository.js';
import { findReferencesToDatasetRecord } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import type { Database, Store } from '../db/open-store.js';
import { deleteRecord, findRecord, insertRecord, type ListQuery, listRecords, updateRecord, type Versioned } from '../db/record.repository.js';
import { visibilityWhere } from '../db/visibility-filter.js';
import { AccessPolicy } from './access/access-policy.js';
import { appendAudit } from './audit/append-audit.js';
import { type CacheStats, estimateJsonBytes, HeadKeyedCache } from './head-keyed-cache.js';
import { type Change, notFound, prepareChange, staleVersion } from './record-write-support.js';
import { visibleProblems } from './access/visible-problems.js';
import type { DatasetCache } from './store-dataset.js';
import { inTransaction } from '../db/in-transaction.js';

// Reads and writes of records, as the caller may see and write them. Every write runs in one transaction:
// check access, lock the audit head, check the version, check the dataset stays consistent, write, append the
// audit entry. A stale version is refused (409); a record the caller may not see is answered as absent (404).

/** Who is acting: a logged-in user, or the system (CLI, demo, import). */
export type Actor = Principal;

/** A write another service already authorised: a four-eyes confirmation, or a donor confirming its part. */
type AuthorisedWrite = { kind: 'approval'; confirmation: ApprovalConfirmation } | { kind: 'donor-confirmation' } | { kind: 'verification'; settle: SettleInWrite };

/** Bookkeeping a confirmed four-eyes write does in its transaction after its audit entry (closing the request); returns the new head. */
export type SettleInWrite = (tx: Database, head: { seq: number; hash: string }) => Promise<{ seq: number; hash: string }>;

export class RecordService {
  private readonly pages = new HeadKeyedCache<{ items: Versioned<StoredRecord>[]; total: number }>('records.pages', 32 * 1024 * 1024, estimateJsonBytes);

  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
    private readonly now: () => Date = () => new Date(),
    private readonly policy: AccessPolicy = new AccessPolicy(store.db, now),
  ) {}

  /** A page of the records the caller may see (shared between callers: do not mutate). */
  async list<R extends StoredRecord>(principal: Principal, entity: EntityDefinition<R>, query: ListQuery): Promise<{ items: Versioned<R>[]; total: number }> {
    const head = await readAuditHead(this.store.db);
    const scope = scopeOf(principal);
    const restriction = visibilityWhere(entity, scope);
    const question = `${entity.name}\n${entity.confidential ? scopeKey(scope) : ''}\n${canonicalJson(query)}`;
    const page = await this.pages.get(`${head.seq}:${head.hash}`, question, () => listRecords(this.store.db, entity, query, restriction));
    return page as { items: Versioned<R>[]; total: number };
  }

  /** The page cache's size (GET /health). */
  cacheStats(): CacheStats {
    return this.pages.stats();
  }

  /** One record, or not_found (also when the caller may not see it). */
  async get<R extends StoredRecord>(principal: Principal, entity: EntityDefinition<R>, id: string): Promise<Versioned<R>> {
    return this.policy.logDenials(async () => {
      const found = await findRecord(this.store.db, entity, id);
      if (!found) throw notFound(entity, id);
      this.policy.assertCanRead(principal, entity, id, found.record);
      return found;
    });
  }

  /** The audit history of one record, oldest first; versions the caller may not see are null. */
  async history(principal: Principal, entity: EntityDefinition, id: string): Promise<HistoryEntry[]> {
    return this.policy.logDenials(async () => {
      const rows = await readRecordHistory(this.store.db, entity.name, id);
      const current = await findRecord(this.store.db, entity, id);
      const last = rows[rows.length - 1];
      const latest = current ? current.record : (last?.after ?? last?.before);
      if (latest === undefined || latest === null) throw notFound(entity, id);
      // A record is as visible as its latest state; each older version is shown only if it was visible too.
      this.policy.assertCanRead(principal, entity, id, latest);
      const shown = (snapshot: unknown): unknown => (snapshot !== null && this.policy.visibleTo(principal, entity, snapshot) ? snapshot : null);
      return rows.map((row) => ({ seq: row.seq, at: row.at.toISOString(), actor: row.actor, action: row.action, before: shown(row.before), after: shown(row.after) }));
    });
  }

  /** Create a record at version 1. */
  async create<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R): Promise<Versioned<R>> {
    return this.policy.logDenials(() => this.write(actor, entity, { kind: 'create', record }, undefined));
  }

  /** Replace a record whose version is still `expected`. */
  async replace<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R, expected: number): Promise<Versioned<R>> {
    return this.policy.logDenials(() => this.write(actor, entity, { kind: 'update', record }, expected));
  }

  /** Delete a record whose version is still `expected`. */
  async remove<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, id: string, expected: number): Promise<Versioned<R>> {
    return this.policy.logDenials(() => this.write(actor, entity, { kind: 'delete', id }, expected));
  }

  /** Write the record of a confirmed four-eyes approval (the approvals service checked who may confirm). */
  async writeApproved<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R, confirmation: ApprovalConfirmation): Promise<Versioned<R>> {
    return this.policy.logDenials(() => this.write(actor, entity, { kind: 'update', record }, confirmation.row.baseVersion, { kind: 'approval', confirmation }));
  }

  /** Write an incident whose four-eyes verification a second coordinator confirmed (the verification service checked who may). */
  async writeVerified<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R, expected: number, settle: SettleInWrite): Promise<Versioned<R>> {
    return this.policy.logDenials(() => this.write(actor, entity, { kind: 'update', record }, expected, { kind: 'verification', settle }));
  }

  /** Write a contribution with one donor's part confirmed (the donor-confirmation service checked who may confirm). */
  async writeConfirmedPart<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R, expected: number): Promise<Versioned<R>> {
    return this.policy.logDenials(() => this.write(actor, entity, { kind: 'update', record }, expected, { kind: 'donor-confirmation' }));
  }

  private async write<R extends StoredRecord>(
    actor: Actor,
    entity: EntityDefinition<R>,
    requested: Change<R>,
    expected: number | undefined,
    authorised?: AuthorisedWrite,
  ): Promise<Versioned<R>> {
    // Caches are keyed by the audit head, which every write moves: nothing to invalidate. The dataset this
    // write checked is kept under the new head, so the next write or scenario need not read it again.
    const confirmation = authorised?.kind === 'approval' ? authorised.confirmation : undefined;
    let change = requested;
    const id = change.kind === 'delete' ? change.id : change.record.id;
    if (change.kind === 'create') {
      change = { kind: 'create', record: settleWrittenRecord(actor, entity.name, undefined, change.record) };
      this.policy.assertCanWrite(actor, entity, { id, action: 'create', after: change.record });
    }
    const written = await inTransaction(this.store.db, async (tx) => {
      // Read and check the version before taking the head's lock, which serialises all writers: the
      // version-checked UPDATE/DELETE (and the insert's conflict check) still catch a change in between.
      const current = await findRecord(tx, entity, id);
      if (change.kind === 'create' && current) {
        // The id is taken; say by whom only to a caller who may see that record.
        const visible = this.policy.visibleTo(actor, entity, current.record);
        throw new AppError('conflict', `${entity.name} '${id}' already exists`, [], visible ? { currentVersion: current.version } : {});
      }
      if (change.kind !== 'create') {
        if (!current) throw notFound(entity, id);
        if (!authorised) {
          // What a user may not set (another donor's confirmation, a source's owner) is settled before the check.
          if (change.kind === 'update') change = { kind: 'update', record: settleWrittenRecord(actor, entity.name, current.record, change.record) };
          this.policy.assertCanWrite(actor, entity, { id, action: change.kind, before: current.record, ...(change.kind === 'update' ? { after: change.record } : {}) });
        }
        if (current.version !== expected) throw staleVersion(entity, id, current.version, expected);
      }
      const confirmed = confirmation !== undefined || authorised?.kind === 'verification';
      if (change.kind !== 'delete') guardFourEyes(actor, entity, { before: current?.record, after: change.record, confirmed });
      const head = await lockAuditHead(tx);
      const headKey = `${head.seq}:${head.hash}`;
      let dataset: PreparedDataset | undefined = this.cache.peek(headKey);
      if (DATASET_ENTITY_NAMES.has(entity.name)) {
        const stored = await this.cache.forHead(tx, headKey);
        if (change.kind === 'create' && findById(stored[entity.name as keyof Dataset] as unknown as StoredRecord[], id)) {
          // Created by a writer that committed between our first read and the lock.
          throw new AppError('conflict', `${entity.name} '${id}' already exists`);
        }
        dataset = await prepareChange(tx, actor, stored, entity.name, change, current?.record);
        // The next scenario patches what was compiled for the stored dataset instead of compiling anew.
        inheritCompiled(stored, dataset);
      }
      if (change.kind === 'delete' && DATASET_ENTITY_NAMES.has(entity.name)) {
        // The funding, sanctions and meeting records cite parties, sources, pledges and requirements too.
        const problems = await findReferencesToDatasetRecord(tx, entity.name, change.id);
        if (problems.length > 0) throw new InputError('dataset.unknown_reference', `${entity.name} '${id}' is still referenced`, await visibleProblems(tx, actor, problems));
      }
      if (entity.checkReferences) {
        const problems = await entity.checkReferences(tx, change.kind === 'delete' ? { deletedId: change.id } : { record: change.record });
        if (problems.length > 0) {
          throw new InputError('dataset.unknown_reference', `${entity.name} '${id}' would make the data inconsistent`, await visibleProblems(tx, actor, problems));
        }
      }
      const written = await this.applyWrite(tx, entity, change, expected);
      const entryHead = await appendAudit(
        tx,
        {
          actor: actor.name,
          action: change.kind,
          entity: entity.name,
          entityId: id,
          before: current ? { ...current.record, version: current.version } : null,
          after: change.kind === 'delete' ? null : { ...written.record, version: written.version },
        },
        this.now(),
        head,
      );
      const settledHead = await settleApprovals(tx, { actor, entity, change, confirmation, head: entryHead, now: this.now });
      const newHead = authorised?.kind === 'verification' ? await authorised.settle(tx, settledHead) : settledHead;
      // Before COMMIT, not after: the next writer takes the head's lock the moment this one commits, and its
      // lookup would otherwise race this one's post-commit bookkeeping and miss (a full dataset read under the
      // lock). If the commit fails, the entry is keyed by a head that never existed and is never hit.
      if (dataset) this.cache.remember(`${newHead.seq}:${newHead.hash}`, dataset);
      return written;
    });
    return written;
  }

  private async applyWrite<R extends StoredRecord>(tx: Database, entity: EntityDefinition<R>, change: Change<R>, expected: number | undefined): Promise<Versioned<R>> {
    if (change.kind === 'create') {
      const inserted = await insertRecord(tx, entity, change.record);
      if (!inserted) throw new AppError('conflict', `${entity.name} '${change.record.id}' already exists`);
      return inserted;
    }
    const outcome =
      change.kind === 'update' ? await updateRecord(tx, entity, change.record, expected ?? 0) : await deleteRecord(tx, entity, change.id, expected ?? 0);
    if (outcome.ok) return outcome.value;
    const id = change.kind === 'delete' ? change.id : change.record.id;
    if (outcome.reason === 'not_found') throw notFound(entity, id);
    throw staleVersion(entity, id, outcome.current, expected);
  }
}
