import { MapView } from '../dataset/map-view.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import { positionsOf } from '../dataset/record-positions.js';
import type { Pledge } from '../types.js';
import { lowerBound } from '../lower-bound.js';
import { anyViewRecordOf } from './restrict-dataset.js';

// Where each pledge of a caller's view stands, by id (positionsOf for a view's list), without a Map of the view's
// 100,000 ids for every view and audit head: a visible pledge's position is its position in the dataset (whose
// index writes keep, record-positions.ts) less the hidden pledges before it (a binary search in the positions
// restrict-dataset.ts recorded). A view that hides nothing is the dataset, with the dataset's index; a view made
// otherwise (of the past) gets positionsOf.

class ViewPositions extends MapView<string, number> {
  constructor(
    private readonly list: readonly Pledge[],
    private readonly source: ReadonlyMap<string, number>,
    private readonly hidden: ReadonlySet<string>,
    private readonly hiddenAt: Int32Array,
  ) {
    super();
  }

  get size(): number {
    return this.list.length;
  }

  get(id: string): number | undefined {
    if (this.hidden.has(id)) return undefined;
    const at = this.source.get(id);
    return at === undefined ? undefined : at - lowerBound(this.hiddenAt, at);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.list.length; i++) yield [(this.list[i] as Pledge).id, i];
  }
}

const known = new WeakMap<PreparedDataset, ReadonlyMap<string, number>>();

/** The position of each pledge id in `view.pledges` (as positionsOf gives it). */
export function viewPositions(view: PreparedDataset): ReadonlyMap<string, number> {
  let positions = known.get(view);
  if (!positions) {
    const record = anyViewRecordOf(view);
    positions = record === undefined || record.hidden.size === 0 ? positionsOf(view.pledges) : new ViewPositions(view.pledges, positionsOf(record.sourcePledges), record.hidden, record.hiddenAt);
    known.set(view, positions);
  }
  return positions;
}
