import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import { readAuditHead } from '../db/audit.repository.js';
import type { Store } from '../db/open-store.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import { HeadKeyedCache } from './head-keyed-cache.js';
import { reconstructDatasetAsOf } from './reconstruct-as-of.js';
import { runScenario, type ScenarioRequest } from './run-scenario.js';
import type { DatasetCache } from './store-dataset.js';

// Scenarios on the store: the current dataset from the cache, or the dataset as known at a past date.

export class ScenarioService {
  private readonly pastDatasets = new HeadKeyedCache<PreparedDataset>(16);
  private readonly results = new HeadKeyedCache<ScenarioResult>(64);

  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
  ) {}

  /** Evaluate a scenario; with `asOf`, on what was known then. Results are shared: do not mutate them. */
  async evaluate(request: ScenarioRequest): Promise<ScenarioResult> {
    const head = await readAuditHead(this.store.db);
    const key = `${head.seq}:${head.hash}`;
    return this.results.get(key, canonicalJson(request), async () => runScenario(await this.datasetAt(key, request.asOf), request));
  }

  /** The prepared dataset now or as of a date. */
  async dataset(asOf?: string): Promise<PreparedDataset> {
    const head = await readAuditHead(this.store.db);
    return this.datasetAt(`${head.seq}:${head.hash}`, asOf);
  }

  private async datasetAt(head: string, asOf: string | undefined): Promise<PreparedDataset> {
    if (asOf === undefined) return this.cache.forHead(this.store.db, head);
    return this.pastDatasets.get(head, asOf, () => reconstructDatasetAsOf(this.store.db, asOf));
  }
}
