import { MapView } from './map-view.js';

// A read-only map made of a shared base and a small layer of changes on top: the next version of a prepared
// dataset's parsed conditions after one write, without copying 100,000 entries. The layer is folded into a new
// base once it grows past a bound, so reads stay two lookups and copies are amortised over many writes.

const DELETED = Symbol('deleted');
const MAX_LAYER = 512;

export class LayeredMap<K, V> extends MapView<K, V> {
  private constructor(
    private readonly base: ReadonlyMap<K, V>,
    private readonly layer: ReadonlyMap<K, V | typeof DELETED>,
    readonly size: number,
  ) {
    super();
  }

  /** `map` with `key` set to `value` (or removed when `value` is undefined); `map` is left as it was. */
  static with<K, V>(map: ReadonlyMap<K, V>, key: K, value: V | undefined): ReadonlyMap<K, V> {
    const base = map instanceof LayeredMap ? (map.base as ReadonlyMap<K, V>) : map;
    const layer = new Map<K, V | typeof DELETED>(map instanceof LayeredMap ? (map.layer as ReadonlyMap<K, V | typeof DELETED>) : []);
    const had = map.has(key);
    if (value === undefined) {
      if (!had) return map;
      layer.set(key, DELETED);
    } else layer.set(key, value);
    const size = map.size + (value === undefined ? -1 : had ? 0 : 1);
    const next = new LayeredMap<K, V>(base, layer, size);
    return layer.size > MAX_LAYER ? new Map(next) : next;
  }

  get(key: K): V | undefined {
    const layered = this.layer.get(key);
    if (layered === DELETED) return undefined;
    return layered !== undefined ? layered : this.base.get(key);
  }

  has(key: K): boolean {
    const layered = this.layer.get(key);
    if (layered === DELETED) return false;
    return layered !== undefined || this.base.has(key);
  }

  *entries(): MapIterator<[K, V]> {
    for (const [key, value] of this.base) if (!this.layer.has(key)) yield [key, value];
    for (const [key, value] of this.layer) if (value !== DELETED) yield [key, value];
  }
}
