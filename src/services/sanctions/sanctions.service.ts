import type { Principal } from '../../core/access/principal.js';
import { type AlignmentMatrix, buildAlignmentMatrix } from '../../core/sanctions/alignment-matrix.js';
import { buildSanctionsTimeline, type TimelineEvent } from '../../core/sanctions/sanctions-timeline.js';
import type { SanctionsRecords } from '../../core/sanctions/sanctions-types.js';
import type { IsoDate } from '../../core/types.js';
import { sourceEntity } from '../../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import { sanctionsMeasureEntity, sanctionsPackageEntity } from '../../db/entities/sanctions-entities.js';
import type { Store } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { reconstructRecordsAsOf } from '../changes/reconstruct-records-as-of.js';

// The sanctions views (docs/sanctions.md): the alignment matrix and the timeline of the records known at the end
// of a date — now from the tables, a past date replayed from the audit log by the rule every as-of view uses
// (reconstructRecordsAsOf) — computed by the core. Sanctions records are not confidential: everyone logged in
// sees them.

export class SanctionsService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** The alignment matrix as known at the end of `asOf` (default: today). */
  async alignment(principal: Principal, query: { asOf?: IsoDate | undefined } = {}): Promise<AlignmentMatrix> {
    const asOf = query.asOf ?? this.today();
    return buildAlignmentMatrix(await this.records(principal, query.asOf), asOf);
  }

  /** The timeline of packages, measures and exemptions as known at the end of `asOf` (default: today). */
  async timeline(principal: Principal, query: { asOf?: IsoDate | undefined } = {}): Promise<{ asOf: IsoDate; events: TimelineEvent[]; undated: string[] }> {
    const asOf = query.asOf ?? this.today();
    return buildSanctionsTimeline(await this.records(principal, query.asOf), asOf);
  }

  /** The sanctions records with their sources' dates, now or (with `asOf`) as known at the end of that date. */
  async records(principal: Principal, asOf?: IsoDate): Promise<SanctionsRecords> {
    const read = async <R extends StoredRecord>(entity: EntityDefinition<R>): Promise<R[]> =>
      asOf === undefined ? (await listAllRecords(this.store.db, entity)).map((entry) => entry.record) : reconstructRecordsAsOf(this.store.db, entity, asOf, principal);
    const sources = await read(sourceEntity);
    return {
      packages: await read(sanctionsPackageEntity),
      measures: await read(sanctionsMeasureEntity),
      sourceDates: new Map(sources.map((source) => [source.id, source.date])),
    };
  }

  private today(): IsoDate {
    return this.now().toISOString().slice(0, 10);
  }
}
