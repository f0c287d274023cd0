import { createHash } from 'node:crypto';
import { isUser, type Principal } from '../../core/access/principal.js';
import { draftRecord } from '../../core/ingest/draft-records.js';
import type { AcceptRequest, RejectRequest } from '../../contracts/ingest-accept.schema.js';
import type { IngestRequest } from '../../contracts/ingest.schema.js';
import { articleViewSchema, proposalViewSchema, type AcceptResult, type IngestView, type ProposalView } from '../../contracts/ingest-view.schema.js';
import { AppError, InputError } from '../../contracts/input-error.js';
import { entityByName } from '../../db/entities/all-entities.js';
import { deleteIngestProposals, findIngestProposals, pruneIngestProposals, saveIngestProposals, updateIngestProposals, type IngestProposalRow } from '../../db/ingest-proposal.repository.js';
import { inTransaction } from '../../db/in-transaction.js';
import type { Database, Store } from '../../db/open-store.js';
import type { AccessPolicy } from '../access/access-policy.js';
import { RecordService } from '../records.service.js';
import type { DatasetCache } from '../store-dataset.js';
import { assertOpen, planAccept, writeAccepted } from './accept-proposals.js';
import { findDuplicate } from './find-duplicates.js';
import { proposeRecords } from './propose-records.js';

// News ingestion over the API (docs/ingestion.md): an article in → proposals, each with the record it would
// become and, when one exists, the record that already states it ("already recorded: purl-de-2"). The
// proposals are stored (table ingest_proposals, shared by every app server, kept across restarts) for their
// proposer only, for seven days; accepting writes the chosen records — each citing a Source with the
// publisher, date, URL and the quoted passage — and marks them accepted, in one transaction; rejecting one
// marks it rejected, rejecting the article deletes its proposals. Nothing else is written.

export type { IngestView, ProposalView } from '../../contracts/ingest-view.schema.js';

/** How long proposals are kept after they were made (or made again). */
export const KEEP_MS = 7 * 24 * 60 * 60 * 1000;
/** How many ingested articles one proposer keeps; older ones are deleted. */
export const MAX_PER_OWNER = 100;

export class IngestService {
  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
    private readonly records: RecordService,
    private readonly access: AccessPolicy,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** Propose records for an article; the answer's id names them for accept or reject. */
  async propose(principal: Principal, request: IngestRequest): Promise<IngestView> {
    const article = await proposeRecords({ content: request.text, date: request.date, language: request.language, url: request.url, publisher: request.publisher });
    const owner = ownerOf(principal);
    const id = `ing-${createHash('sha256').update(JSON.stringify([owner, article.text, article.date, article.language, article.url])).digest('hex').slice(0, 16)}`;
    const funds = await this.fundIds(principal);
    const fresh: ProposalView[] = [];
    for (const [index, located] of article.proposals.entries()) {
      const draft = draftRecord({ proposal: located.proposal, id: `${id.slice(4, 12)}-${index + 1}`, articleDate: article.date, funds });
      const duplicate = draft ? await findDuplicate(this.records, principal, draft) : null;
      fresh.push({ index, proposal: located.proposal, span: located.span, draft, duplicate, status: 'open', created: [] });
    }
    const now = this.now();
    const articleView = { language: article.language, date: article.date, url: article.url, publisher: article.publisher, title: article.title, text: article.text };
    // Records accepted from this article before and deleted since (undone): their proposals are open again.
    const earlier = await findIngestProposals(this.store.db, id);
    const gone = earlier ? await this.deletedSince(principal, fromRow(earlier).proposals) : new Set<string>();
    return inTransaction(this.store.db, async (tx) => {
      // The same proposer ingesting the same article again keeps the decisions made on it.
      const previous = await findIngestProposals(tx, id, true);
      const proposals = previous && previous.owner === owner && previous.expiresAt > now ? keepDecisions(fromRow(previous).proposals, fresh, gone) : fresh;
      const row: IngestProposalRow = { id, owner, createdAt: now, expiresAt: new Date(now.getTime() + KEEP_MS), article: articleView, proposals };
      await saveIngestProposals(tx, row);
      await pruneIngestProposals(tx, { now, owner, keep: MAX_PER_OWNER });
      return fromRow(row);
    });
  }

  /** The caller's proposals of an earlier ingest (not_found once expired or deleted, or when another caller made them). */
  async get(principal: Principal, id: string): Promise<IngestView> {
    return this.load(this.store.db, principal, id, false);
  }

  /** Reject the article: its proposals are deleted; nothing was written, nothing remains. */
  async reject(principal: Principal, id: string): Promise<void> {
    await inTransaction(this.store.db, async (tx) => {
      await this.load(tx, principal, id, true);
      await deleteIngestProposals(tx, id);
    });
  }

  /** Reject some proposals: they are marked rejected (and cannot be accepted); nothing is written. */
  async rejectItems(principal: Principal, id: string, request: RejectRequest): Promise<IngestView> {
    return inTransaction(this.store.db, async (tx) => {
      const view = await this.load(tx, principal, id, true);
      const indexes = new Set(request.items.map((item) => item.index));
      for (const index of indexes) {
        const proposal = view.proposals[index];
        if (!proposal) throw new InputError('input.invalid', `no proposal ${index}`, [{ path: 'items', message: `${index} is not a proposal's index (0–${view.proposals.length - 1})` }]);
        if (proposal.status === 'accepted') assertOpen(view, index);
      }
      const proposals = view.proposals.map((proposal) => (indexes.has(proposal.index) ? { ...proposal, status: 'rejected' as const } : proposal));
      await updateIngestProposals(tx, id, proposals);
      return { ...view, proposals };
    });
  }

  /** Write the accepted proposals as records, each citing a source with its quote, and mark them accepted: one transaction. */
  async accept(principal: Principal, id: string, request: AcceptRequest): Promise<AcceptResult> {
    const { steps, source } = planAccept(await this.get(principal, id), request);
    // Refusals are logged by the shared policy before anything is written.
    await this.access.logDenials(async () => {
      for (const step of steps) if (!step.replaces) this.access.assertCanWrite(principal, step.entity, { id: step.record.id, action: 'create', after: step.record });
    });
    return inTransaction(this.store.db, async (tx) => {
      // Locked: a second accept of the same proposals (another request, another server) waits and then finds them accepted.
      const view = await this.load(tx, principal, id, true);
      for (const step of steps) assertOpen(view, step.index);
      const records = new RecordService({ ...this.store, db: tx }, this.cache, this.now);
      const { created, sources } = await writeAccepted({ records, principal, view, steps, source });
      const proposals = view.proposals.map((proposal) => {
        const record = created.get(proposal.index);
        return record ? { ...proposal, status: 'accepted' as const, created: [record] } : proposal;
      });
      await updateIngestProposals(tx, id, proposals);
      return { created: [...created.values()], sources };
    });
  }

  private async load(db: Database, principal: Principal, id: string, lock: boolean): Promise<IngestView> {
    const row = await findIngestProposals(db, id, lock);
    // Another caller's proposals answer exactly as missing ones: their duplicates reflect that caller's rights.
    if (!row || row.owner !== ownerOf(principal) || row.expiresAt <= this.now()) {
      throw new AppError('not_found', `no proposals under ${id} (they are kept seven days, for the user who made them): ingest the article again`);
    }
    return fromRow(row);
  }

  /** The records (`entity/id`) once written by accepting these proposals that no longer exist. */
  private async deletedSince(principal: Principal, proposals: readonly ProposalView[]): Promise<Set<string>> {
    const gone = new Set<string>();
    for (const record of proposals.flatMap((proposal) => proposal.created)) {
      const entity = entityByName(record.entity);
      const found = entity
        ? await this.records.get(principal, entity, record.id).then(
            () => true,
            () => false,
          )
        : false;
      if (!found) gone.add(`${record.entity}/${record.id}`);
    }
    return gone;
  }

  private async fundIds(principal: Principal): Promise<string[]> {
    const funds = entityByName('funds');
    if (!funds) return [];
    const page = await this.records.list(principal, funds, { limit: 500, offset: 0 });
    return page.items.map((item) => item.record.id).sort();
  }
}

/** A stable key of who is asking: the user's id, or the system. */
function ownerOf(principal: Principal): string {
  return isUser(principal) ? `user:${principal.userId}` : 'system';
}

/** The stored row as the API's view (checked: the row is read back from the database). */
function fromRow(row: IngestProposalRow): IngestView {
  const article = articleViewSchema.parse(row.article);
  const proposals = proposalViewSchema.array().parse(row.proposals);
  return { id: row.id, ...article, expiresAt: row.expiresAt.toISOString(), proposals };
}


/**
 * Fresh proposals with the decisions made on the same proposals (same index and content) before; an accepted
 * proposal whose records were all deleted since (`gone`) is open again.
 */
function keepDecisions(previous: readonly ProposalView[], fresh: readonly ProposalView[], gone: ReadonlySet<string>): ProposalView[] {
  return fresh.map((proposal) => {
    const before = previous[proposal.index];
    if (!before || before.status === 'open' || JSON.stringify(before.proposal) !== JSON.stringify(proposal.proposal)) return proposal;
    if (before.status === 'accepted' && before.created.every((record) => gone.has(`${record.entity}/${record.id}`))) return proposal;
    return { ...proposal, status: before.status, created: before.created };
  });
}
