import { isUser, type Principal } from '../../core/access/principal.js';
import { incidentVerificationProblem } from '../../core/incidents/incident-writes.js';
import type { Pledge } from '../../core/types.js';
import { AppError } from '../../contracts/input-error.js';
import { type ApprovalRow, deleteApproval, findApproval, upsertApproval } from '../../db/access.repository.js';
import { lockAuditHead, readAuditHead } from '../../db/audit.repository.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import type { Database, Store } from '../../db/open-store.js';
import { findRecord, type Versioned } from '../../db/record.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import { type Change, notFound, prepareChange } from '../record-write-support.js';
import type { RecordService } from '../records.service.js';
import type { DatasetCache } from '../store-dataset.js';
import { AccessDeniedError, type AccessPolicy, denialOf } from './access-policy.js';
import { type PendingApproval, revisionOf, viewApproval } from './approval-view.js';
import { inTransaction } from '../../db/in-transaction.js';

// Four-eyes for pledges (DESIGN.md §2): setting a pledge to `approved` takes two people. The first (a delegate of
// the party) asks — the change is kept as pending, the pledge stays as it is; a second one (another delegate of
// the same party, or a coordinator) confirms the revision they reviewed, and only then is the pledge written.
// Both steps are audit entries (entity `pledge-approvals`, then the pledge's update by the confirming user).
// A pending request is seen, confirmed or rejected only by those who may see the pledge both as it is and as
// proposed; any write of the pledge (an edit, a withdrawal, a deletion, a revision superseding it) cancels it.
// All of four-eyes is here: the request (replaceOrRequest), its confirmation, withdrawal and rejection, and the
// rules RecordService applies inside every write's transaction (guardFourEyes, settleApprovals).

export type { PendingApproval } from './approval-view.js';

type AuditHead = { seq: number; hash: string };

export type ReplaceOutcome<R extends StoredRecord = StoredRecord> = { kind: 'written'; record: Versioned<R> } | { kind: 'pending'; approval: PendingApproval };

/** The confirmation of a pending four-eyes approval, written with the pledge. */
export interface ApprovalConfirmation {
  row: ApprovalRow;
  confirmedBy: string;
}

export class ApprovalService {
  constructor(
    private readonly store: Store,
    private readonly records: RecordService,
    private readonly policy: AccessPolicy,
    private readonly now: () => Date,
    private readonly cache: DatasetCache,
  ) {}

  /** Replace a record whose version is still `expected`; a user setting a pledge to `approved` gets a pending approval instead. */
  async replaceOrRequest<R extends StoredRecord>(principal: Principal, entity: EntityDefinition<R>, record: R, expected: number): Promise<ReplaceOutcome<R>> {
    if (entity.name !== pledgeEntity.name) return { kind: 'written', record: await this.records.replace(principal, entity, record, expected) };
    const current = await this.records.get(principal, pledgeEntity, record.id);
    if (!isUser(principal) || statusOf(record) !== 'approved' || current.record.status === 'approved') {
      return { kind: 'written', record: await this.records.replace(principal, entity, record, expected) };
    }
    return this.policy.logDenials(async () => {
      this.policy.assertCanWrite(principal, pledgeEntity, { id: record.id, action: 'update', before: current.record, after: record });
      if (current.version !== expected) throw stale(record.id, current.version, expected);
      await this.assertConsistent(principal, record, current.record);
      const row: ApprovalRow = {
        pledgeId: record.id,
        baseVersion: current.version,
        baseCreatedAt: new Date(current.createdAt),
        proposed: record,
        requestedBy: principal.name,
        requestedAt: this.now(),
      };
      await inTransaction(this.store.db, async (tx) => {
        const head = await lockAuditHead(tx);
        // Under the head's lock (every writer takes it): the pledge is still the one the request was made for.
        const locked = await findRecord(tx, pledgeEntity, record.id);
        if (!locked) throw notFound(pledgeEntity, record.id);
        if (locked.version !== expected || locked.createdAt !== current.createdAt) throw stale(record.id, locked.version, expected);
        const replaced = await findApproval(tx, record.id);
        await upsertApproval(tx, row);
        // A new proposal replaces the old one (and so voids any review of it): audited with both revisions.
        const before = replaced ? viewApproval(replaced) : null;
        await appendAudit(tx, { actor: principal.name, action: replaced ? 'update' : 'create', entity: 'pledge-approvals', entityId: record.id, before, after: viewApproval(row) }, this.now(), head);
      });
      return { kind: 'pending', approval: viewApproval(row) };
    });
  }

  /** The pending approval of a pledge, to a caller who may see the pledge as it is and as proposed; else not_found. */
  async pending(principal: Principal, pledgeId: string): Promise<PendingApproval> {
    const current = await this.records.get(principal, pledgeEntity, pledgeId);
    return this.policy.logDenials(async () => viewApproval(await this.visibleRequest(principal, current)));
  }

  /** Confirm a pending approval as a second person, naming the revision reviewed: writes the pledge as requested. */
  async confirm(principal: Principal, pledgeId: string, revision: string): Promise<Versioned<Pledge>> {
    const current = await this.records.get(principal, pledgeEntity, pledgeId);
    return this.policy.logDenials(async () => {
      const row = await this.visibleRequest(principal, current);
      this.assertMayDecide(principal, current.record, 'confirm');
      if (principal.name === row.requestedBy) {
        throw new AccessDeniedError('approval.same_person', 'the approval needs a second person: you asked for it yourself', denialOf(principal, 'approve', 'pledges', pledgeId, 'same person'));
      }
      if (revision !== revisionOf(row)) {
        throw new AppError('approval.stale', `the pending approval of pledge '${pledgeId}' is not the revision you name: the proposal changed, review it again (GET /api/pledges/${pledgeId}/approval)`);
      }
      if (current.version !== row.baseVersion) {
        // Not reachable through the API (every write of the pledge cancels its request); kept as a guard.
        throw stale(pledgeId, current.version, row.baseVersion);
      }
      return this.records.writeApproved(principal, pledgeEntity, row.proposed as Pledge, { row, confirmedBy: principal.name });
    });
  }

  /** Withdraw (the requester) or reject (an eligible approver) a pending approval. */
  async withdraw(principal: Principal, pledgeId: string): Promise<void> {
    const current = await this.records.get(principal, pledgeEntity, pledgeId);
    await this.policy.logDenials(async () => {
      const row = await this.visibleRequest(principal, current);
      if (principal.name !== row.requestedBy) this.assertMayDecide(principal, current.record, 'reject');
      await inTransaction(this.store.db, async (tx) => {
        const head = await lockAuditHead(tx);
        await deleteApproval(tx, pledgeId);
        await appendAudit(tx, { actor: principal.name, action: 'delete', entity: 'pledge-approvals', entityId: pledgeId, before: viewApproval(row), after: null }, this.now(), head);
      });
    });
  }

  // The pending request made for this very record (not an earlier one with the same id), if the caller may see
  // what it proposes: else the same not_found as no request at all.
  private async visibleRequest(principal: Principal, current: Versioned<Pledge>): Promise<ApprovalRow> {
    const pledgeId = current.record.id;
    const row = await findApproval(this.store.db, pledgeId);
    const message = `no pending approval for pledge '${pledgeId}'`;
    if (!row || row.baseCreatedAt?.toISOString() !== current.createdAt) throw new AppError('not_found', message);
    if (!this.policy.visibleTo(principal, pledgeEntity, row.proposed)) {
      throw new AccessDeniedError('not_found', message, denialOf(principal, 'read', 'pledge-approvals', pledgeId, 'proposed version not visible'));
    }
    return row;
  }

  // A request that could never be written is refused now (422), not at confirmation; it is checked as the
  // requester sees the data, like any write.
  private async assertConsistent(principal: Principal, record: StoredRecord, before: Pledge): Promise<void> {
    const head = await readAuditHead(this.store.db);
    const stored = await this.cache.forHead(this.store.db, `${head.seq}:${head.hash}`);
    await prepareChange(this.store.db, principal, stored, 'pledges', { kind: 'update', record }, before);
  }

  // Another delegate of the pledge's party, or a coordinator (the system, too).
  private assertMayDecide(principal: Principal, pledge: Pledge, what: string): void {
    if (!isUser(principal) || principal.role === 'coordinator' || (principal.role === 'delegate' && principal.party === pledge.party)) return;
    throw new AccessDeniedError('auth.forbidden', `only a delegate of ${pledge.party} or a coordinator may ${what} this approval`, denialOf(principal, 'approve', 'pledges', pledge.id, 'not an approver'));
  }
}

function stale(pledgeId: string, current: number, expected: number): AppError {
  return new AppError('conflict', `pledges '${pledgeId}' is at version ${current}, not ${expected}: reload and apply your change again`, [], { currentVersion: current });
}

/**
 * Inside a write's transaction, before it: a user cannot set a pledge to `approved` alone (DESIGN.md §2) unless
 * the write is the confirmation of a pending approval; replaceOrRequest records the request instead. Nor an
 * incident to `verified`, nor change what a verification vouched for (incidentVerificationProblem).
 */
export function guardFourEyes(actor: Principal, entity: EntityDefinition, change: { before: unknown; after: unknown; confirmed: boolean }): void {
  if (!isUser(actor) || change.confirmed) return;
  if (entity.name === 'incidents') {
    const problem = incidentVerificationProblem(change.before, change.after);
    if (problem !== undefined) throw new AppError('approval.required', problem);
    return;
  }
  if (entity.name !== pledgeEntity.name) return;
  if (statusOf(change.after) !== 'approved' || statusOf(change.before) === 'approved') return;
  throw new AppError(
    'approval.required',
    change.before === undefined
      ? 'a pledge cannot be created as approved: create it with a lower status, then set it to approved (a second person confirms)'
      : 'setting a pledge to approved needs a second person: PUT it (202, pending) and have another delegate of the party or a coordinator confirm',
  );
}

/**
 * Inside a write's transaction, after its audit entry: a confirmed approval is closed (audited as confirmed by its
 * confirmer), and any other pending request on the written pledge (or on the one it supersedes) is cancelled — a
 * request is bound to the pledge as it was when asked. Each step is an audit entry; returns the new head.
 */
export async function settleApprovals<R extends StoredRecord>(
  tx: Database,
  write: { actor: Principal; entity: EntityDefinition<R>; change: Change<R>; confirmation: ApprovalConfirmation | undefined; head: AuditHead; now: () => Date },
): Promise<AuditHead> {
  const { actor, change, confirmation, now } = write;
  let head = write.head;
  if (confirmation) {
    const { row, confirmedBy } = confirmation;
    await deleteApproval(tx, row.pledgeId);
    const pending = viewApproval(row);
    head = await appendAudit(tx, { actor: confirmedBy, action: 'update', entity: 'pledge-approvals', entityId: row.pledgeId, before: pending, after: { ...pending, confirmedBy } }, now(), head);
  }
  if (write.entity.name !== pledgeEntity.name) return head;
  const ids = new Set<string>();
  if (change.kind !== 'create') ids.add(change.kind === 'delete' ? change.id : change.record.id);
  const supersedes = change.kind === 'delete' ? undefined : new Map<string, unknown>(Object.entries(change.record)).get('supersedes');
  if (typeof supersedes === 'string') ids.add(supersedes);
  for (const id of ids) {
    const row = await findApproval(tx, id);
    if (!row) continue;
    await deleteApproval(tx, id);
    head = await appendAudit(tx, { actor: actor.name, action: 'delete', entity: 'pledge-approvals', entityId: id, before: viewApproval(row), after: null }, now(), head);
  }
  return head;
}

function statusOf(record: unknown): unknown {
  return typeof record === 'object' && record !== null ? new Map<string, unknown>(Object.entries(record)).get('status') : undefined;
}
