import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../contracts/input-error.js';
import { parseCollections } from '../contracts/parse-collections.js';
import { ALL_ENTITIES, entityByName } from '../db/entities/all-entities.js';
import type { StoredRecord } from '../db/entities/entity-definition.js';
import type { SystemPrincipal } from '../core/access/principal.js';
import type { Store } from '../db/open-store.js';
import { type ImportSummary, importRecords } from './import-records.service.js';
import { demoDataDirectory, loadDatasetDirectory } from './load-dataset.js';
import type { DatasetCache } from './store-dataset.js';

// `coalition demo`: loads the demo dataset into the store. Idempotent: records already there are left as
// they are (an edited demo pledge stays edited), missing ones are added with an audit entry by `demo`.

/** Who writes the demo data (the audit log's actor). */
export const DEMO_PRINCIPAL: SystemPrincipal = { name: 'demo' };

/** The note of the first public release the demo publishes. */
export const DEMO_RELEASE_NOTE = 'First release of the demo data';

// The demo's other files: each key holds the records of one collection (`decisions` → meeting-decisions).
const EXTRA_FILES: Record<string, Record<string, string>> = {
  'meetings.json': { sources: 'sources', meetings: 'meetings', decisions: 'meeting-decisions', actionItems: 'action-items' },
  'sanctions.json': { sources: 'sources', packages: 'sanctions-packages', measures: 'sanctions-measures' },
  'funding.json': { sources: 'sources', funds: 'funds', fundPackages: 'fund-packages', contributions: 'contributions', financingPlans: 'financing-plans' },
};

/** Load the demo dataset (engine records, meetings, sanctions, funding); returns what was created. */
export async function loadDemo(store: Store, cache: DatasetCache, now: () => Date): Promise<ImportSummary> {
  const directory = demoDataDirectory();
  const dataset = await loadDatasetDirectory(directory);
  const records = new Map<string, StoredRecord[]>(Object.entries(dataset).map(([name, list]: [string, StoredRecord[]]) => [name, [...list]]));
  for (const [file, collections] of Object.entries(EXTRA_FILES)) {
    const extra = await readExtra(join(directory, file), collections);
    for (const [name, list] of extra) records.set(name, [...(records.get(name) ?? []), ...list]);
  }
  // Every collection in the registry's load order (referenced before referencing).
  const batches = ALL_ENTITIES.map((entity) => ({ entity, records: records.get(entity.name) ?? [] })).filter((batch) => batch.records.length > 0);
  return importRecords(store, cache, DEMO_PRINCIPAL, batches, { mode: 'insert-missing', now });
}

// A demo file: collections of records, every one checked by its record type's schema.
async function readExtra(path: string, collections: Record<string, string>): Promise<Map<string, StoredRecord[]>> {
  const schemas: Record<string, z.ZodType<StoredRecord, unknown>> = {};
  for (const [key, name] of Object.entries(collections)) {
    const entity = entityByName(name);
    if (entity) schemas[key] = entity.schema;
  }
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = parseCollections(raw, schemas, Object.keys(schemas));
  if (parsed.problems.length > 0) throw new InputError('input.invalid', `invalid demo file ${path}`, parsed.problems);
  return new Map(Object.entries(collections).map(([key, name]) => [name, parsed.records[key] ?? []]));
}
