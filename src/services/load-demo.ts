import {
  capabilityEntity,
  factEntity,
  packageEntity,
  partyEntity,
  pledgeEntity,
  requirementEntity,
  sourceEntity,
} from '../db/entities/dataset-entities.js';
import type { Store } from '../db/open-store.js';
import { type ImportSummary, importRecords } from './import-records.service.js';
import { demoDataDirectory, loadDatasetDirectory } from './load-dataset.js';
import type { DatasetCache } from './store-dataset.js';

// `coalition demo`: loads the demo dataset into the store. Idempotent: records already there are left as
// they are (an edited demo pledge stays edited), missing ones are added with an audit entry by `demo`.

/** Load the demo dataset; returns what was created. */
export async function loadDemo(store: Store, cache: DatasetCache, now: () => Date): Promise<ImportSummary> {
  const dataset = await loadDatasetDirectory(demoDataDirectory());
  return importRecords(
    store,
    cache,
    { name: 'demo' },
    [
      { entity: sourceEntity, records: dataset.sources },
      { entity: partyEntity, records: dataset.parties },
      { entity: capabilityEntity, records: dataset.capabilities },
      { entity: factEntity, records: dataset.facts },
      { entity: packageEntity, records: dataset.packages },
      { entity: requirementEntity, records: dataset.requirements },
      { entity: pledgeEntity, records: dataset.pledges },
    ],
    { mode: 'insert-missing', now },
  );
}
