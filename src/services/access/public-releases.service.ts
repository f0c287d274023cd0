import { isUser, type Principal } from '../../core/access/principal.js';
import { buildRelease, type PublicSummary, type ReleaseBasis, type ReleaseContent } from '../../core/disclosure/build-release.js';
import { AppError } from '../../contracts/input-error.js';
import { lockAuditHead } from '../../db/audit.repository.js';
import type { Store } from '../../db/open-store.js';
import {
  findLatestPublicRelease,
  findPublicRelease,
  insertPublicRelease,
  listPublicReleaseContents,
  listPublicReleaseHeaders,
  type PublicReleaseHeader,
  type PublicReleaseRow,
} from '../../db/public-release.repository.js';
import { appendAudit } from '../audit/append-audit.js';
import type { DatasetCache } from '../store-dataset.js';
import { AccessDeniedError, type AccessPolicy, denialOf } from './access-policy.js';
import { inTransaction } from '../../db/in-transaction.js';

// The public summary as dated releases (DESIGN.md §7): a coordinator (or the system: CLI, demo) publishes one;
// each is kept for good and served to anyone without a login. A release is computed from the store's data at
// the moment of publication and from every earlier release (disclosure control over time), in one transaction
// under the audit head's lock, and audited (entity `public-releases`).

/** A release's header as listed. */
export interface PublicReleaseInfo {
  id: number;
  date: string;
  publishedAt: string;
  note: string | null;
}

/** A release as served: its header and the published figures (never its basis). */
export type PublicRelease = PublicReleaseInfo & PublicSummary;

export const RELEASES_ENTITY = 'public-releases';

const NO_RELEASE = 'no public release has been published yet (a coordinator publishes one: POST /api/public/releases)';

export class PublicReleaseService {
  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
    private readonly policy: AccessPolicy,
    private readonly now: () => Date,
  ) {}

  /** Publish a release of the data as it is now (coordinators and the system). */
  async publish(principal: Principal, options: { note?: string } = {}): Promise<PublicRelease> {
    return this.policy.logDenials(async () => {
      if (isUser(principal) && principal.role !== 'coordinator') {
        throw new AccessDeniedError('auth.forbidden', 'only a coordinator may publish a public release', denialOf(principal, 'create', RELEASES_ENTITY, null, 'not a coordinator'));
      }
      return inTransaction(this.store.db, async (tx) => {
        const head = await lockAuditHead(tx);
        const dataset = await this.cache.forHead(tx, `${head.seq}:${head.hash}`);
        const earlier = await listPublicReleaseContents(tx);
        const content = buildRelease({
          pledges: dataset.pledges,
          unitOf: (capability) => dataset.capabilityById.get(capability)?.unit ?? 'units',
          previous: earlier.map(contentOf),
        });
        const publishedAt = this.now();
        const row: PublicReleaseRow = {
          id: (earlier[earlier.length - 1]?.id ?? 0) + 1,
          date: publishedAt.toISOString().slice(0, 10),
          publishedAt,
          publishedBy: principal.name,
          note: options.note ?? null,
          auditSeq: head.seq,
          summary: content.summary,
          basis: content.basis,
        };
        await insertPublicRelease(tx, row);
        const served = viewOf(row);
        await appendAudit(tx, { actor: principal.name, action: 'create', entity: RELEASES_ENTITY, entityId: String(row.id), before: null, after: served }, publishedAt, head);
        return served;
      });
    });
  }

  /** Publish a first release if there is none yet (the demo); returns it, or undefined if one existed. */
  async publishInitial(principal: Principal, note: string): Promise<PublicRelease | undefined> {
    if (await findLatestPublicRelease(this.store.db)) return undefined;
    return this.publish(principal, { note });
  }

  /** Every release's header, newest first. */
  async list(): Promise<PublicReleaseInfo[]> {
    return (await listPublicReleaseHeaders(this.store.db)).map(infoOf);
  }

  /** The newest release (what GET /public/summary serves), or not_found when none was published. */
  async latest(): Promise<PublicRelease> {
    const row = await findLatestPublicRelease(this.store.db);
    if (!row) throw new AppError('not_found', NO_RELEASE);
    return viewOf(row);
  }

  /** A release by number, or the newest one published on or before a date (YYYY-MM-DD). */
  async find(ref: { id: number } | { date: string }): Promise<PublicRelease> {
    const row = 'id' in ref ? await findPublicRelease(this.store.db, ref.id) : await findLatestPublicRelease(this.store.db, ref.date);
    if (row) return viewOf(row);
    if ('id' in ref) throw new AppError('not_found', `no public release number ${ref.id}`);
    const any = await findLatestPublicRelease(this.store.db);
    throw new AppError('not_found', any ? `no public release was published on or before ${ref.date}` : NO_RELEASE);
  }
}

function infoOf(row: PublicReleaseHeader): PublicReleaseInfo {
  return { id: row.id, date: row.date, publishedAt: row.publishedAt.toISOString(), note: row.note };
}

function viewOf(row: PublicReleaseRow): PublicRelease {
  return { ...infoOf(row), ...summaryOf(row) };
}

// Rows hold what this code wrote (the column is jsonb): read them back with their types.
function summaryOf(row: PublicReleaseRow): PublicSummary {
  return row.summary as PublicSummary;
}

function contentOf(row: PublicReleaseRow): ReleaseContent {
  return { summary: summaryOf(row), basis: row.basis as ReleaseBasis };
}
