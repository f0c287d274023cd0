import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import { readAuditHead } from '../db/audit.repository.js';
import type { Store } from '../db/open-store.js';
import { reconstructDatasetAsOf } from './reconstruct-as-of.js';
import { runScenario, type ScenarioRequest } from './run-scenario.js';
import type { DatasetCache } from './store-dataset.js';

// Scenarios on the store: the current dataset from the cache, or the dataset as known at a past date.

export class ScenarioService {
  private readonly pastDatasets = new Map<string, PreparedDataset>();

  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
  ) {}

  /** Evaluate a scenario; with `asOf`, on what was known then. */
  async evaluate(request: ScenarioRequest): Promise<ScenarioResult> {
    return runScenario(await this.dataset(request.asOf), request);
  }

  /** The prepared dataset now or as of a date. */
  async dataset(asOf?: string): Promise<PreparedDataset> {
    if (asOf === undefined) return this.cache.current(this.store.db);
    const head = await readAuditHead(this.store.db);
    const key = `${head.seq}:${head.hash}:${asOf}`;
    let dataset = this.pastDatasets.get(key);
    if (!dataset) {
      dataset = await reconstructDatasetAsOf(this.store.db, asOf);
      if (this.pastDatasets.size > 32) this.pastDatasets.clear();
      this.pastDatasets.set(key, dataset);
    }
    return dataset;
  }
}
