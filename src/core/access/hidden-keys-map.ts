import { MapView } from '../dataset/map-view.js';

// A read-only map that is a base map without some keys: a view's parsed conditions (restrict-dataset.ts) are the
// dataset's minus the hidden pledges', made in time proportional to what is hidden rather than by copying
// 100,000 entries for every view and audit head. Lookups of a hidden key answer as if it were absent.

export class HiddenKeysMap<K, V> extends MapView<K, V> {
  readonly size: number;

  constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly hidden: ReadonlySet<K>,
    /** The size when the caller knows it (every hidden key in `base`): not counted again for each view. */
    size?: number,
  ) {
    super();
    if (size === undefined) {
      size = base.size;
      for (const key of hidden) if (base.has(key)) size--;
    }
    this.size = size;
  }

  get(key: K): V | undefined {
    return this.hidden.has(key) ? undefined : this.base.get(key);
  }

  has(key: K): boolean {
    return !this.hidden.has(key) && this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const entry of this.base) if (!this.hidden.has(entry[0])) yield entry;
  }
}
