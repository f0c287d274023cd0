import type { Store } from '../db/open-store.js';
import { RecordService } from './records.service.js';
import { ScenarioService } from './scenarios.service.js';
import { DatasetCache } from './store-dataset.js';

// Wires the services around one store; the API and the CLI both start here.

export interface Services {
  store: Store;
  cache: DatasetCache;
  records: RecordService;
  scenarios: ScenarioService;
  now: () => Date;
}

/** Create the services for a store; `now` is injectable for tests. */
export function createServices(store: Store, now: () => Date = () => new Date()): Services {
  const cache = new DatasetCache();
  return { store, cache, records: new RecordService(store, cache, now), scenarios: new ScenarioService(store, cache), now };
}
