import { isUser, type Principal } from '../../core/access/principal.js';
import type { Pledge } from '../../core/types.js';
import { AppError } from '../../contracts/input-error.js';
import { type ApprovalRow, deleteApproval, findApproval, upsertApproval } from '../../db/access.repository.js';
import { lockAuditHead, readAuditHead } from '../../db/audit.repository.js';
import { prepareDataset } from '../../core/dataset/prepare-dataset.js';
import { applyChange, consistencyError } from '../record-write-support.js';
import type { DatasetCache } from '../store-dataset.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import type { Database, Store } from '../../db/open-store.js';
import type { Versioned } from '../../db/record.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { RecordService } from '../records.service.js';
import { AccessDeniedError, type AccessPolicy, denialOf } from './access-policy.js';

// Four-eyes for pledges (DESIGN.md §2): setting a pledge to `approved` takes two people. The first (a delegate of
// the party) asks — the change is kept as pending, the pledge stays as it is; a second one (another delegate of
// the same party, or a coordinator) confirms, and only then is the pledge written. Both steps are audit entries
// (entity `pledge-approvals`, then the pledge's update by the confirming user).

export interface PendingApproval {
  pledge: string;
  baseVersion: number;
  record: Pledge;
  requestedBy: string;
  requestedAt: string;
}

export type ReplaceOutcome = { kind: 'written'; record: Versioned<Pledge> } | { kind: 'pending'; approval: PendingApproval };

export class ApprovalService {
  constructor(
    private readonly store: Store,
    private readonly records: RecordService,
    private readonly policy: AccessPolicy,
    private readonly now: () => Date,
    private readonly cache: DatasetCache,
  ) {}

  /** Replace a pledge; a user setting it to `approved` gets a pending approval instead. */
  async replaceOrRequest(principal: Principal, record: Pledge, expected: number): Promise<ReplaceOutcome> {
    const current = await this.records.get(principal, pledgeEntity, record.id);
    if (!isUser(principal) || record.status !== 'approved' || current.record.status === 'approved') {
      return { kind: 'written', record: await this.records.replace(principal, pledgeEntity, record, expected) };
    }
    return this.policy.logDenials(async () => {
      this.policy.assertCanWrite(principal, pledgeEntity, { id: record.id, action: 'update', before: current.record, after: record });
      if (current.version !== expected) {
        throw new AppError('conflict', `pledges '${record.id}' is at version ${current.version}, not ${expected}: reload and apply your change again`, [], { currentVersion: current.version });
      }
      await this.assertConsistent(record);
      const row: ApprovalRow = { pledgeId: record.id, baseVersion: current.version, proposed: record, requestedBy: principal.name, requestedAt: this.now() };
      await this.store.db.transaction(async (transaction) => {
        const tx = transaction as unknown as Database;
        const head = await lockAuditHead(tx);
        const replaced = await findApproval(tx, record.id);
        await upsertApproval(tx, row);
        await appendAudit(tx, { actor: principal.name, action: replaced ? 'update' : 'create', entity: 'pledge-approvals', entityId: record.id, before: replaced ? viewOf(replaced) : null, after: viewOf(row) }, this.now(), head);
      });
      return { kind: 'pending', approval: viewOf(row) };
    });
  }

  /** The pending approval of a pledge the caller may see, or not_found. */
  async pending(principal: Principal, pledgeId: string): Promise<PendingApproval> {
    await this.records.get(principal, pledgeEntity, pledgeId);
    const row = await findApproval(this.store.db, pledgeId);
    if (!row) throw new AppError('not_found', `no pending approval for pledge '${pledgeId}'`);
    return viewOf(row);
  }

  /** Confirm a pending approval as a second person: writes the pledge as requested. */
  async confirm(principal: Principal, pledgeId: string): Promise<Versioned<Pledge>> {
    const current = await this.records.get(principal, pledgeEntity, pledgeId);
    return this.policy.logDenials(async () => {
      const row = await findApproval(this.store.db, pledgeId);
      if (!row) throw new AppError('not_found', `no pending approval for pledge '${pledgeId}'`);
      this.assertMayDecide(principal, current.record, 'confirm');
      if (principal.name === row.requestedBy) {
        throw new AccessDeniedError('approval.same_person', 'the approval needs a second person: you asked for it yourself', denialOf(principal, 'approve', 'pledges', pledgeId, 'same person'));
      }
      if (current.version !== row.baseVersion) {
        await deleteApproval(this.store.db, pledgeId);
        throw new AppError('conflict', `pledge '${pledgeId}' changed since the approval was requested (version ${current.version}, not ${row.baseVersion}): the request is void, ask again`, [], { currentVersion: current.version });
      }
      return this.records.writeApproved(principal, pledgeEntity, row.proposed as Pledge, { row, confirmedBy: principal.name });
    });
  }

  /** Withdraw (the requester) or reject (an eligible approver) a pending approval. */
  async withdraw(principal: Principal, pledgeId: string): Promise<void> {
    const current = await this.records.get(principal, pledgeEntity, pledgeId);
    await this.policy.logDenials(async () => {
      const row = await findApproval(this.store.db, pledgeId);
      if (!row) throw new AppError('not_found', `no pending approval for pledge '${pledgeId}'`);
      if (principal.name !== row.requestedBy) this.assertMayDecide(principal, current.record, 'reject');
      await this.store.db.transaction(async (transaction) => {
        const tx = transaction as unknown as Database;
        const head = await lockAuditHead(tx);
        await deleteApproval(tx, pledgeId);
        await appendAudit(tx, { actor: principal.name, action: 'delete', entity: 'pledge-approvals', entityId: pledgeId, before: viewOf(row), after: null }, this.now(), head);
      });
    });
  }

  // A request that could never be written is refused now (422), not at confirmation.
  private async assertConsistent(record: Pledge): Promise<void> {
    const head = await readAuditHead(this.store.db);
    const stored = await this.cache.forHead(this.store.db, `${head.seq}:${head.hash}`);
    const changed = applyChange(stored, 'pledges', { kind: 'update', record });
    const prepared = prepareDataset(changed);
    if (!prepared.ok) throw consistencyError('pledges', record.id, changed, prepared.problems);
  }

  // Another delegate of the pledge's party, or a coordinator (the system, too).
  private assertMayDecide(principal: Principal, pledge: Pledge, what: string): void {
    if (!isUser(principal) || principal.role === 'coordinator' || (principal.role === 'delegate' && principal.party === pledge.party)) return;
    throw new AccessDeniedError('auth.forbidden', `only a delegate of ${pledge.party} or a coordinator may ${what} this approval`, denialOf(principal, 'approve', 'pledges', pledge.id, 'not an approver'));
  }
}

function viewOf(row: ApprovalRow): PendingApproval {
  return { pledge: row.pledgeId, baseVersion: row.baseVersion, record: row.proposed as Pledge, requestedBy: row.requestedBy, requestedAt: row.requestedAt.toISOString() };
}
