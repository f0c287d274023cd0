import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import type { Dataset, IsoDate } from '../core/types.js';
import { InputError, problemsFromCore } from '../contracts/input-error.js';
import { DATASET_ENTITIES } from '../db/entities/dataset-entities.js';
import type { Database } from '../db/open-store.js';
import { recordAsOf, replayAuditStates } from './replay-audit-states.js';
import { readStoredDataset } from './store-dataset.js';

// Time travel: the dataset as it was known at the end of a date, replayed from the audit history
// (replay-audit-states.ts); the engine's own date rules (announced on, withdrawn on) then decide whether a
// record existed at that date.
// Alongside it: each pledge's state now (or its last one, if deleted), since a caller sees a past version only
// if they may see the pledge now as well (restrictDataset).

/** A dataset of the past, and each of its pledges' state now (its last state if it was deleted since). */
export interface PastDataset {
  dataset: PreparedDataset;
  pledgesNow: ReadonlyMap<string, unknown>;
}

/** The dataset as known at the end of `asOf` (UTC), with its pledges' states now. */
export async function reconstructDatasetAsOf(db: Database, asOf: IsoDate): Promise<PastDataset> {
  const current = await readStoredDataset(db);
  const dataset: Record<string, unknown[]> = {};
  const pledgesNow = new Map<string, unknown>();
  for (const entity of DATASET_ENTITIES) {
    const states = await replayAuditStates(db, entity.name, asOf);
    if (entity.name === 'pledges') for (const [id, state] of states) pledgesNow.set(id, state.last);
    const records: unknown[] = [];
    for (const state of states.values()) {
      const parsed = entity.schema.safeParse(recordAsOf(state));
      if (parsed.success) records.push(parsed.data);
    }
    // Records that predate auditing (none in practice) keep their current state.
    const audited = new Set(states.keys());
    for (const record of current[entity.name as keyof Dataset] as { id: string }[]) {
      if (audited.has(record.id)) continue;
      records.push(record);
      if (entity.name === 'pledges') pledgesNow.set(record.id, record);
    }
    dataset[entity.name] = records;
  }
  const prepared = prepareDataset(dataset as unknown as Dataset);
  if (prepared.ok) return { dataset: prepared.value, pledgesNow };
  throw new InputError(prepared.problems[0]?.code ?? 'input.invalid', `the history at ${asOf} is inconsistent`, problemsFromCore(prepared.problems));
}
