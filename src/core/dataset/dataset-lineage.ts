import type { DatasetChange } from './prepare-change.js';
import type { PreparedDataset } from './prepare-dataset.js';
import { positionsOf } from './record-positions.js';

// What a prepared dataset was made from by one write (prepareChangedDataset): the dataset before, as a token, the
// collection and the change, and for a pledge where it stood. What is derived per dataset (a caller's view,
// restrict-changed-dataset.ts) can then be derived from what was derived for the one before in proportion to the
// change. The dataset before is named by a token, not held: a dataset holding its predecessor would keep every
// version alive, and a weak reference would be gone whenever the collector ran between the write and the read.

/** Stands for one prepared dataset; holds nothing. */
export type DatasetToken = object;

/** How a dataset was made from the one before (its token): `at` is where the written pledge stood in its list. */
export interface DatasetLineage {
  previous: DatasetToken;
  collection: string;
  change: DatasetChange;
  /** For a pledge change: the position the change applies to in the list before (its length for a create). */
  at: number;
}

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
  lineages.set(next, { previous: datasetToken(previous), collection, change, at });
}

/** How `dataset` was made by one write, if it was. */
export function lineageOf(dataset: PreparedDataset): DatasetLineage | undefined {
  return lineages.get(dataset);
}
