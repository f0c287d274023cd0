import type { Principal } from '../core/access/principal.js';
import { selectKnownSanctions } from '../core/sanctions/sanctions-dates.js';
import type { Dataset } from '../core/types.js';
import { AppError } from '../contracts/input-error.js';
import { DATASET_ENTITY_NAMES } from '../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { meetingEntity } from '../db/entities/meeting-entities.js';
import type { Store } from '../db/open-store.js';
import type { Versioned } from '../db/record.repository.js';
import { reconstructRecordsAsOf } from './changes/reconstruct-records-as-of.js';
import type { RecordService } from './records.service.js';
import type { SanctionsService } from './sanctions/sanctions.service.js';
import type { ScenarioService } from './scenarios.service.js';

// A page of one kind of record as the caller may see it: now (from the table), or as known at the end of a past
// date (`asOf`: replayed from the audit log, DESIGN.md §5 time travel) — the dataset's records, sanctions packages
// and measures, and meetings. Records entered later about earlier events count from their own dates: a pledge
// from its announcement, a meeting from its date, a sanctions record from its adoption or proposal (else its
// earliest source; docs/sanctions.md).

/** A list request as the API validated it: paging, an optional date, and equality filters by field. */
export type ListRequest = { limit: number; offset: number; asOf?: string | undefined } & { [filter: string]: unknown };

/** A page of records; records of a past date have version 0 and no timestamps. */
export interface RecordPage {
  items: Versioned<StoredRecord>[];
  total: number;
  limit: number;
  offset: number;
}

/** The collections outside the dataset that `asOf` works on. */
const DATED_COLLECTIONS: ReadonlySet<string> = new Set(['sanctions-packages', 'sanctions-measures', 'meetings']);

export class RecordListService {
  constructor(
    private readonly records: RecordService,
    private readonly scenarios: ScenarioService,
    private readonly sanctions: SanctionsService,
    private readonly store: Store,
  ) {}

  /** A page of an entity's records the caller may see, now or (with `asOf`) as known then. */
  async list(principal: Principal, entity: EntityDefinition, request: ListRequest): Promise<RecordPage> {
    const { limit, offset, asOf, ...rest } = request;
    const filters = Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => typeof entry[1] === 'string'));
    if (asOf !== undefined) return this.listAsOf(principal, entity, { asOf, filters, limit, offset });
    const page = await this.records.list(principal, entity, { filters, limit, offset });
    return { items: page.items, total: page.total, limit, offset };
  }

  private async listAsOf(principal: Principal, entity: EntityDefinition, query: { asOf: string; filters: Record<string, string>; limit: number; offset: number }): Promise<RecordPage> {
    const { asOf, filters, limit, offset } = query;
    const all = await this.recordsAsOf(principal, entity, asOf);
    const matching = all.filter((record) => {
      const fields = new Map<string, unknown>(Object.entries(record));
      return Object.entries(filters).every(([name, value]) => {
        const field = fields.get(name);
        return Array.isArray(field) ? field.includes(value) : field === value;
      });
    });
    const sorted = [...matching].sort((a, b) => a.id.localeCompare(b.id));
    const items = sorted.slice(offset, offset + limit).map((record) => ({ record, version: 0, createdAt: '', updatedAt: '' }));
    return { items, total: matching.length, limit, offset };
  }

  // The records of a collection known at the end of `asOf`, as the caller may see them.
  private async recordsAsOf(principal: Principal, entity: EntityDefinition, asOf: string): Promise<readonly StoredRecord[]> {
    if (DATASET_ENTITY_NAMES.has(entity.name)) {
      // The dataset as the caller may see it: confidential records they may not see are not in it.
      const all = recordsOf(await this.scenarios.dataset(principal, asOf), entity.name) ?? [];
      // Pledges announced after the date were not known then (DESIGN.md §5, time travel).
      return entity.name === 'pledges' ? all.filter((record) => !wasAnnouncedAfter(record, asOf)) : all;
    }
    if (entity.name === 'sanctions-packages' || entity.name === 'sanctions-measures') {
      const known = selectKnownSanctions(await this.sanctions.records(principal, asOf), asOf);
      return entity.name === 'sanctions-packages' ? known.packages : known.measures;
    }
    if (entity.name === meetingEntity.name) {
      // A meeting counts from its date, as its decisions do in the changes report.
      return (await reconstructRecordsAsOf(this.store.db, meetingEntity, asOf, principal)).filter((meeting) => meeting.date <= asOf);
    }
    const available = [...DATASET_ENTITY_NAMES, ...DATED_COLLECTIONS].join(', ');
    throw new AppError('input.invalid', `asOf is available for ${available}`, [{ path: 'querystring.asOf', message: 'not available here' }]);
  }
}

function wasAnnouncedAfter(record: StoredRecord, asOf: string): boolean {
  const announcedOn: unknown = new Map<string, unknown>(Object.entries(record)).get('announcedOn');
  return typeof announcedOn === 'string' && announcedOn > asOf;
}

// The records of one of the dataset's collections (undefined for a name outside the dataset).
function recordsOf(dataset: Dataset, name: string): readonly StoredRecord[] | undefined {
  switch (name) {
    case 'sources':
      return dataset.sources;
    case 'parties':
      return dataset.parties;
    case 'capabilities':
      return dataset.capabilities;
    case 'facts':
      return dataset.facts;
    case 'packages':
      return dataset.packages;
    case 'requirements':
      return dataset.requirements;
    case 'pledges':
      return dataset.pledges;
    default:
      return undefined;
  }
}
