import { MapView } from './map-view.js';

// A read-only index of id → position in a list, for the next version of a list after a write, without building a
// Map of 100,000 ids: a shared base (positions in an older list), where each of those positions is now (`moved`,
// -1 for gone; none: unchanged), and a small map of ids whose position is not derived from the base (appended,
// inserted or replaced ones: an id the base has too is gone from it, so looking there first is exact). A delete or a splice composes `moved` with the write's
// old → new positions (one typed array pass); the extra ids are folded into a new base once they grow past a
// bound, so reads stay two or three lookups. Entries are listed in position order when the base is (as a fresh
// index lists them), so a patched index iterates like a fresh one.

type Positions = ReadonlyMap<string, number>;

const MAX_EXTRA = 512;

class MovedPositions extends MapView<string, number> {
  constructor(
    readonly base: Positions,
    /** Per base position, the position now (-1: gone); undefined when each is where it was. */
    readonly moved: Int32Array | undefined,
    readonly extra: Positions,
    readonly size: number,
  ) {
    super();
  }

  get(id: string): number | undefined {
    const placed = this.extra.get(id);
    if (placed !== undefined) return placed;
    const at = this.base.get(id);
    if (at === undefined || this.moved === undefined) return at;
    const now = this.moved[at] as number;
    return now < 0 ? undefined : now;
  }

  has(id: string): boolean {
    return this.get(id) !== undefined;
  }

  *entries(): MapIterator<[string, number]> {
    const extra = [...this.extra].sort((a, b) => a[1] - b[1]);
    let e = 0;
    for (const [id, at] of this.base) {
      const now = this.moved === undefined ? at : (this.moved[at] as number);
      if (now < 0) continue;
      for (; e < extra.length && (extra[e] as [string, number])[1] < now; e++) yield extra[e] as [string, number];
      yield [id, now];
    }
    for (; e < extra.length; e++) yield extra[e] as [string, number];
  }
}

/**
 * The index of a list made from the one `positions` indexes by moving each old position to `oldToNew`'s (-1:
 * gone; increasing), with the `added` ids at their new positions (ids not kept: new ones, or old ones whose old
 * position is gone, as a replaced candidate's); `size` ids in all. `oldToNew` is kept: it must not change later.
 */
export function movePositions(positions: Positions, oldToNew: Int32Array, added: Iterable<readonly [string, number]>, size: number): Positions {
  let base: Positions = positions;
  let moved = oldToNew;
  const extra = new Map<string, number>();
  if (positions instanceof MovedPositions) {
    base = positions.base;
    if (positions.moved !== undefined) {
      const before = positions.moved;
      moved = new Int32Array(before.length);
      for (let b = 0; b < before.length; b++) {
        const at = before[b] as number;
        moved[b] = at < 0 ? -1 : (oldToNew[at] as number);
      }
    }
    for (const [id, at] of positions.extra) {
      const now = oldToNew[at] as number;
      if (now >= 0) extra.set(id, now);
    }
  }
  for (const [id, at] of added) extra.set(id, at);
  return settle(new MovedPositions(base, moved, extra, size));
}

/** The index with `id` at `position` (a record appended to the list); the same index when the id is there already (its first position stands). */
export function appendPosition(positions: Positions, id: string, position: number): Positions {
  if (positions.has(id)) return positions;
  if (!(positions instanceof MovedPositions)) return settle(new MovedPositions(positions, undefined, new Map([[id, position]]), positions.size + 1));
  return settle(new MovedPositions(positions.base, positions.moved, new Map(positions.extra).set(id, position), positions.size + 1));
}

function settle(view: MovedPositions): Positions {
  return view.extra.size > MAX_EXTRA ? new Map(view) : view;
}
