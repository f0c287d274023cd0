import { createHash } from 'node:crypto';
import { isUser, type Principal } from '../../core/access/principal.js';
import { draftRecord, type RecordDraft } from '../../core/ingest/draft-records.js';
import type { Proposal } from '../../core/ingest/types.js';
import type { AcceptRequest } from '../../contracts/ingest-accept.schema.js';
import type { IngestRequest } from '../../contracts/ingest.schema.js';
import { AppError, InputError } from '../../contracts/input-error.js';
import { entityByName } from '../../db/entities/all-entities.js';
import { sourceEntity } from '../../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import type { Store } from '../../db/open-store.js';
import type { AccessPolicy } from '../access/access-policy.js';
import { RecordService } from '../records.service.js';
import type { DatasetCache } from '../store-dataset.js';
import { findDuplicate } from './find-duplicates.js';
import { proposeRecords, type ProposedArticle } from './propose-records.js';
import { inTransaction } from '../../db/in-transaction.js';

// News ingestion over the API (docs/ingestion.md): an article in → proposals, each with the record it would
// become and, when one exists, the record that already states it ("already recorded: purl-de-2"). The
// proposals are kept in memory under an id for two hours; accepting writes the chosen records — each citing
// a Source with the publisher, date, URL and the quoted passage — through the record services in one
// transaction, with the accepting user's rights and audit; rejecting forgets them.

export interface ProposalView {
  index: number;
  proposal: Proposal;
  span: { start: number; end: number };
  draft: RecordDraft | null;
  duplicate: { entity: string; id: string } | null;
}

export interface IngestView {
  id: string;
  language: string;
  date: string | null;
  url: string | null;
  publisher: string | null;
  title: string | null;
  text: string;
  proposals: ProposalView[];
}

interface Session {
  created: number;
  /** Who proposed them: the duplicates were looked up with that caller's rights, so only they may see them. */
  owner: string;
  view: IngestView;
}

const KEEP_MS = 2 * 60 * 60 * 1000;
const MAX_SESSIONS = 200;

export class IngestService {
  private readonly sessions = new Map<string, Session>();

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
    const proposals: ProposalView[] = [];
    for (const [index, located] of article.proposals.entries()) {
      const draft = draftRecord({ proposal: located.proposal, id: `${id.slice(4, 12)}-${index + 1}`, articleDate: article.date, funds });
      const duplicate = draft ? await findDuplicate(this.records, principal, draft) : null;
      proposals.push({ index, proposal: located.proposal, span: located.span, draft, duplicate });
    }
    const view = toView(id, article, proposals);
    this.keep(id, { created: this.now().getTime(), owner, view });
    return view;
  }

  /** The caller's proposals of an earlier ingest (not_found once forgotten, or when another caller made them). */
  get(principal: Principal, id: string): IngestView {
    return this.session(principal, id).view;
  }

  /** Forget the caller's proposals (reject): nothing was written, nothing remains. */
  reject(principal: Principal, id: string): void {
    this.session(principal, id);
    this.sessions.delete(id);
  }

  /** Write the accepted proposals as records, each citing a source with its quote, in one transaction. */
  async accept(principal: Principal, id: string, request: AcceptRequest): Promise<{ created: { entity: string; id: string; version: number }[]; sources: string[] }> {
    const { view } = this.session(principal, id);
    const publisher = request.source?.publisher ?? view.publisher;
    const date = request.source?.date ?? view.date;
    if (!publisher) throw new InputError('input.invalid', 'the source needs a publisher: the article names none', [{ path: 'source.publisher', message: 'required (the article names no publisher)' }]);
    if (!date) throw new InputError('input.invalid', 'the source needs a date: the article states none', [{ path: 'source.date', message: 'required (the article states no date)' }]);
    const url = request.source?.url ?? view.url;
    const planned = request.items.map((item, i) => this.plan(view, item, i));
    // Refusals are logged by the shared policy before anything is written.
    await this.access.logDenials(async () => {
      for (const step of planned) if (!step.replaces) this.access.assertCanWrite(principal, step.entity, { id: step.record.id, action: 'create', after: step.record });
    });
    const created: { entity: string; id: string; version: number }[] = [];
    const sources: string[] = [];
    await inTransaction(this.store.db, async (tx) => {
      const records = new RecordService({ ...this.store, db: tx }, this.cache, this.now);
      for (const step of planned) {
        const quote = view.proposals[step.index]?.proposal.quote ?? '';
        const sourceId = `${id.slice(4, 12)}-src-${step.index + 1}`;
        // Accepting the same article again cites the source written the first time.
        const existing = await records.get(principal, sourceEntity, sourceId).then(
          () => true,
          () => false,
        );
        if (!existing && !sources.includes(sourceId)) {
          await records.create(principal, sourceEntity, {
            id: sourceId,
            publisher,
            date,
            ...(url ? { url } : {}),
            ...(view.title ? { publication: view.title } : {}),
            language: view.language,
            quote: quote.slice(0, 10_000),
          });
          sources.push(sourceId);
        }
        const cited = [...new Set([...(Array.isArray(step.record.sources) ? step.record.sources.filter((s): s is string => typeof s === 'string') : []), sourceId])];
        if (step.replaces) {
          const current = await records.get(principal, step.entity, step.record.id);
          const next: StoredRecord & Record<string, unknown> = { ...current.record, ...step.record, sources: cited };
          const written = await records.replace(principal, step.entity, next, current.version);
          created.push({ entity: step.entity.name, id: written.record.id, version: written.version });
        } else {
          const next: StoredRecord & Record<string, unknown> = { ...step.record, sources: cited };
          const written = await records.create(principal, step.entity, next);
          created.push({ entity: step.entity.name, id: written.record.id, version: written.version });
        }
      }
    });
    return { created, sources };
  }

  private plan(view: IngestView, item: AcceptRequest['items'][number], i: number): { index: number; entity: EntityDefinition; record: StoredRecord & Record<string, unknown>; replaces: boolean } {
    const proposal = view.proposals[item.index];
    if (!proposal) throw new InputError('input.invalid', `no proposal ${item.index}`, [{ path: `items[${i}].index`, message: `must be a proposal's index (0–${view.proposals.length - 1})` }]);
    if (!proposal.draft) throw new InputError('input.invalid', `proposal ${item.index} is a refusal: it is not written as a record`, [{ path: `items[${i}].index`, message: 'a refusal has no record' }]);
    const entity = entityByName(proposal.draft.entity);
    if (!entity) throw new AppError('internal', `unknown record type ${proposal.draft.entity}`);
    const candidate = item.record ?? proposal.draft.record;
    if (proposal.draft.replaces) {
      const value = candidate.value;
      const id = candidate.id;
      if (typeof id !== 'string' || !(value === true || value === false || value === 'unknown')) {
        throw new InputError('input.invalid', 'a fact needs its id and a value true, false or "unknown"', [{ path: `items[${i}].record`, message: 'must be {id, value}' }]);
      }
      return { index: item.index, entity, record: { id, value }, replaces: true };
    }
    const parsed = entity.schema.safeParse({ sources: [], ...candidate });
    if (!parsed.success) {
      const problems = parsed.error.issues.map((issue) => ({ path: `items[${i}].record.${issue.path.join('.')}`, message: issue.message }));
      throw new InputError('input.invalid', `proposal ${item.index}: the ${entity.name} record is incomplete or invalid`, problems);
    }
    const record: unknown = parsed.data;
    if (!isRecord(record)) throw new AppError('internal', 'a parsed record has no id');
    return { index: item.index, entity, record, replaces: false };
  }

  private session(principal: Principal, id: string): Session {
    this.expire();
    const session = this.sessions.get(id);
    // Another caller's proposals answer exactly as missing ones: their duplicates reflect that caller's rights.
    if (!session || session.owner !== ownerOf(principal)) throw new AppError('not_found', `no proposals under ${id} (they are kept two hours): ingest the article again`);
    return session;
  }

  private keep(id: string, session: Session): void {
    this.expire();
    this.sessions.delete(id);
    this.sessions.set(id, session);
    while (this.sessions.size > MAX_SESSIONS) {
      const oldest = this.sessions.keys().next().value;
      if (oldest === undefined) break;
      this.sessions.delete(oldest);
    }
  }

  private expire(): void {
    const limit = this.now().getTime() - KEEP_MS;
    for (const [id, session] of this.sessions) if (session.created < limit) this.sessions.delete(id);
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

function isRecord(value: unknown): value is StoredRecord & Record<string, unknown> {
  return typeof value === 'object' && value !== null && typeof (value as { id?: unknown }).id === 'string';
}

function toView(id: string, article: ProposedArticle, proposals: ProposalView[]): IngestView {
  return { id, language: article.language, date: article.date, url: article.url, publisher: article.publisher, title: article.title, text: article.text, proposals };
}
