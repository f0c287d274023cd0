import { MapView } from '../dataset/map-view.js';
import { positionsOf, rememberPositions } from '../dataset/record-positions.js';
import { lowerBound } from '../lower-bound.js';
import type { Pledge } from '../types.js';

// Where each pledge of a caller's view stands, by id, without a Map of the view's 100,000 ids for every view and
// audit head: a visible pledge's position is its position in the dataset (whose index writes keep,
// record-positions.ts) less the hidden pledges before it (a binary search in the positions restrict-dataset.ts
// records). Registered as the index of the view's list, so that positionsOf and findById on a view (the pledge
// list's names, the editor's preview and the write check it runs on the view) use it.

class ViewPositions extends MapView<string, number> {
  constructor(
    private readonly list: readonly Pledge[],
    private readonly sourceList: readonly Pledge[],
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
    const at = positionsOf(this.sourceList).get(id);
    return at === undefined ? undefined : at - lowerBound(this.hiddenAt, at);
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    for (let i = 0; i < this.list.length; i++) yield [(this.list[i] as Pledge).id, i];
  }
}

/** Index `list`, a view of `sourceList` without the `hidden` pledges (at `hiddenAt` in it, ascending), by that list's index. */
export function indexViewList(list: readonly Pledge[], sourceList: readonly Pledge[], hidden: ReadonlySet<string>, hiddenAt: Int32Array): void {
  rememberPositions(list, new ViewPositions(list, sourceList, hidden, hiddenAt));
}
