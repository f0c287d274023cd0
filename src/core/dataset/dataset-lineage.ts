import type { DatasetChange } from './prepare-change.js';
import type { PreparedDataset } from './prepare-dataset.js';
import { positionsOf } from './record-positions.js';

// What a prepared dataset was made from by the writes before it (prepareChangedDataset): per write, the dataset
// before it, as a token, the collection and the change, and for a pledge where it stood — the last few writes, so
// that what is derived per dataset (a caller's view, restrict-changed-dataset.ts) can be derived from what was
// derived for a dataset a few writes back in proportion to those writes. Datasets before are named by tokens, not
// held: a dataset holding its predecessor would keep every version alive, and a weak reference would be gone
// whenever the collector ran between the write and the read.

/** Stands for one prepared dataset; holds nothing. */
export type DatasetToken = object;

/** One write: how a dataset was made from the one before (its token); `at` is where the written pledge stood. */
export interface DatasetStep {
  previous: DatasetToken;
  collection: string;
  change: DatasetChange;
  /** For a pledge change: the position the change applies to in the list before (its length for a create). */
  at: number;
}

/** The writes that made a dataset, oldest first, the last one made it (at most MAX_STEPS). */
export type DatasetLineage = readonly DatasetStep[];

// A view further behind is made anew (a pass over the pledges costs about as much as replaying this many writes).
const MAX_STEPS = 64;
const tokens = new WeakMap<PreparedDataset, DatasetToken>();
const lineages = new WeakMap<PreparedDataset, DatasetLineage>();

/** The token of a dataset (one per dataset object). */
export function datasetToken(dataset: PreparedDataset): DatasetToken {
  let token = tokens.get(dataset);
  if (!token) {
    token = {};
    tokens.set(dataset, token);
  }
  return token;
}

/**
 * Record that `next` is `previous` with `change` applied to `collection` (applyDatasetChange: a pledge appended,
 * replaced where it stood, or removed; any other collection's change leaves the pledge list the same object).
 * Nothing is recorded when the changed pledge is not where such a change would find it.
 */
export function rememberLineage(next: PreparedDataset, previous: PreparedDataset, collection: string, change: DatasetChange): void {
  let at = -1;
  if (collection !== 'pledges') at = 0;
  else if (change.kind === 'create') at = previous.pledges.length;
  else at = positionsOf(previous.pledges).get(change.kind === 'delete' ? change.id : change.record.id) ?? -1;
  if (at < 0) return;
  const before = lineages.get(previous) ?? [];
  lineages.set(next, [...before.slice(Math.max(0, before.length - MAX_STEPS + 1)), { previous: datasetToken(previous), collection, change, at }]);
}

/** The writes that made `dataset`, if a write made it. */
export function lineageOf(dataset: PreparedDataset): DatasetLineage | undefined {
  return lineages.get(dataset);
}
