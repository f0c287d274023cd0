import { buildPublicSummary, type PublicSummary } from '../../core/disclosure/build-public-summary.js';
import { readAuditHead } from '../../db/audit.repository.js';
import type { Store } from '../../db/open-store.js';
import { HeadKeyedCache } from '../head-keyed-cache.js';
import type { DatasetCache } from '../store-dataset.js';

// The public summary (no login) on the current store, under disclosure control; cached per audit head.

export class PublicSummaryService {
  private readonly summaries = new HeadKeyedCache<PublicSummary>(4);

  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
  ) {}

  /** The published aggregates now. */
  async summary(): Promise<PublicSummary> {
    const head = await readAuditHead(this.store.db);
    const key = `${head.seq}:${head.hash}`;
    return this.summaries.get(key, 'summary', async () => {
      const dataset = await this.cache.forHead(this.store.db, key);
      return buildPublicSummary(dataset.pledges, (capability) => dataset.capabilityById.get(capability)?.unit ?? 'units');
    });
  }
}
