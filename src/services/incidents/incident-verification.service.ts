import { createHash } from 'node:crypto';
import { isUser, type Principal } from '../../core/access/principal.js';
import { canonicalJson } from '../../core/audit/canonical-json.js';
import { AppError } from '../../contracts/input-error.js';
import { lockAuditHead } from '../../db/audit.repository.js';
import { incidentEntity, type IncidentRecord } from '../../db/entities/incident-entities.js';
import { deleteVerification, findVerification, upsertVerification, type VerificationRow } from '../../db/incident-verification.repository.js';
import { inTransaction } from '../../db/in-transaction.js';
import type { Store } from '../../db/open-store.js';
import { findRecord, type Versioned } from '../../db/record.repository.js';
import { AccessDeniedError, type AccessPolicy, denialOf } from '../access/access-policy.js';
import { appendAudit } from '../audit/append-audit.js';
import type { RecordService } from '../records.service.js';

// Four-eyes verification of incidents (docs/incidents.md), on the pattern of pledge approvals: one coordinator
// asks to verify an incident as it stands (a version of it); a second, different coordinator confirms the revision
// they reviewed, and only then is the incident written as `verified`, with `verifiedOn` the confirmation's day.
// Any change of the incident since the request voids it (its version moved). Every step is an audit entry
// (entity `incident-verifications`; the confirmation also writes the incident's update by the confirming user).

/** A pending verification as the API and the audit log show it. */
export interface PendingVerification {
  incident: string;
  baseVersion: number;
  /** The incident as it will be written on confirmation. */
  record: IncidentRecord;
  requestedBy: string;
  requestedAt: string;
  /** A hash of the request and the incident it vouches for: a confirmation names it. */
  revision: string;
}

export class IncidentVerificationService {
  constructor(
    private readonly store: Store,
    private readonly records: RecordService,
    private readonly policy: AccessPolicy,
    private readonly now: () => Date,
  ) {}

  /** Ask for the verification of an incident at version `expected` (a coordinator); replaces an earlier request. */
  async request(principal: Principal, incidentId: string, expected: number): Promise<PendingVerification> {
    const current = await this.records.get(principal, incidentEntity, incidentId);
    return this.policy.logDenials(async () => {
      this.assertCoordinator(principal, incidentId, 'ask for the verification of');
      if (current.record.status === 'verified') throw new AppError('conflict', `incident '${incidentId}' is already verified`);
      const row: VerificationRow = { incidentId, baseVersion: current.version, baseCreatedAt: new Date(current.createdAt), requestedBy: principal.name, requestedAt: this.now() };
      return inTransaction(this.store.db, async (tx) => {
        const head = await lockAuditHead(tx);
        const locked = await findRecord(tx, incidentEntity, incidentId);
        if (!locked) throw new AppError('not_found', `incidents '${incidentId}' not found`);
        if (locked.version !== expected || locked.createdAt !== current.createdAt) throw stale(incidentId, locked.version, expected);
        const replaced = await findVerification(tx, incidentId);
        await upsertVerification(tx, row);
        const after = viewOf(row, locked);
        const before = replaced ? { incident: incidentId, requestedBy: replaced.requestedBy, requestedAt: replaced.requestedAt.toISOString(), baseVersion: replaced.baseVersion } : null;
        await appendAudit(tx, { actor: principal.name, action: replaced ? 'update' : 'create', entity: 'incident-verifications', entityId: incidentId, before, after }, this.now(), head);
        return after;
      });
    });
  }

  /** The pending verification of an incident, or not_found. */
  async pending(principal: Principal, incidentId: string): Promise<PendingVerification> {
    const current = await this.records.get(principal, incidentEntity, incidentId);
    return viewOf(await this.requestFor(current), current);
  }

  /** Confirm a pending verification as a second coordinator, naming the revision reviewed: writes the incident as verified. */
  async confirm(principal: Principal, incidentId: string, revision: string): Promise<Versioned<IncidentRecord>> {
    const current = await this.records.get(principal, incidentEntity, incidentId);
    return this.policy.logDenials(async () => {
      this.assertCoordinator(principal, incidentId, 'confirm the verification of');
      const row = await this.requestFor(current);
      if (principal.name === row.requestedBy) {
        throw new AccessDeniedError('approval.same_person', 'the verification needs a second coordinator: you asked for it yourself', denialOf(principal, 'approve', 'incidents', incidentId, 'same person'));
      }
      if (current.version !== row.baseVersion) {
        throw new AppError('approval.stale', `incident '${incidentId}' changed since the verification was asked for (version ${row.baseVersion}, now ${current.version}): ask again`);
      }
      if (revision !== viewOf(row, current).revision) {
        throw new AppError('approval.stale', `the pending verification of incident '${incidentId}' is not the revision you name: review it again (GET /api/incidents/${incidentId}/verification)`);
      }
      const confirmedBy = principal.name;
      const record: IncidentRecord = { ...current.record, status: 'verified', verifiedOn: this.now().toISOString().slice(0, 10) };
      const pending = viewOf(row, current);
      return this.records.writeVerified(principal, incidentEntity, record, current.version, async (tx, head) => {
        await deleteVerification(tx, incidentId);
        return appendAudit(tx, { actor: confirmedBy, action: 'update', entity: 'incident-verifications', entityId: incidentId, before: pending, after: { ...pending, confirmedBy } }, this.now(), head);
      });
    });
  }

  /** Withdraw (the requester) or reject (another coordinator) a pending verification. */
  async withdraw(principal: Principal, incidentId: string): Promise<void> {
    const current = await this.records.get(principal, incidentEntity, incidentId);
    await this.policy.logDenials(async () => {
      this.assertCoordinator(principal, incidentId, 'withdraw or reject the verification of');
      const row = await this.requestFor(current);
      await inTransaction(this.store.db, async (tx) => {
        const head = await lockAuditHead(tx);
        await deleteVerification(tx, incidentId);
        await appendAudit(tx, { actor: principal.name, action: 'delete', entity: 'incident-verifications', entityId: incidentId, before: viewOf(row, current), after: null }, this.now(), head);
      });
    });
  }

  // The request made for this very incident record (not an earlier one with the same id).
  private async requestFor(current: Versioned<IncidentRecord>): Promise<VerificationRow> {
    const row = await findVerification(this.store.db, current.record.id);
    if (!row || row.baseCreatedAt.toISOString() !== current.createdAt) throw new AppError('not_found', `no pending verification for incident '${current.record.id}'`);
    return row;
  }

  private assertCoordinator(principal: Principal, incidentId: string, what: string): void {
    if (!isUser(principal) || principal.role === 'coordinator') return;
    throw new AccessDeniedError('auth.forbidden', `only coordinators may ${what} an incident`, denialOf(principal, 'approve', 'incidents', incidentId, 'not a coordinator'));
  }
}

// The request as shown: the incident as it will be written, and the revision naming the request and that version.
function viewOf(row: VerificationRow, current: Versioned<IncidentRecord>): PendingVerification {
  const record: IncidentRecord = { ...current.record, status: 'verified' };
  const content = { incident: row.incidentId, baseVersion: row.baseVersion, baseCreatedAt: row.baseCreatedAt.toISOString(), record: current.version === row.baseVersion ? current.record : null, requestedBy: row.requestedBy, requestedAt: row.requestedAt.toISOString() };
  const revision = createHash('sha256').update(canonicalJson(content)).digest('hex');
  return { incident: row.incidentId, baseVersion: row.baseVersion, record, requestedBy: row.requestedBy, requestedAt: row.requestedAt.toISOString(), revision };
}

function stale(incidentId: string, current: number, expected: number): AppError {
  return new AppError('conflict', `incidents '${incidentId}' is at version ${current}, not ${expected}: reload and ask again`, [], { currentVersion: current });
}
