import { appendPosition, movePositions } from './moved-positions.js';

// Where each record of a dataset's collection stands, by id, kept per list (lists are never changed once made):
// a write finds the record it replaces without scanning 100,000 records, and passes the index on to the list it
// makes — the same index after an update (positions unchanged), one entry added after a create, the old one with
// the later positions moved down after a delete (moved-positions.ts: no Map of 100,000 ids either way). A list
// made any other way (read from the store) gets its index on first use. Changes are applied to prepared datasets,
// whose ids are unique (but for capabilities: their ids are not checked).

type Positions = ReadonlyMap<string, number>;

const indexes = new WeakMap<readonly { id: string }[], Positions>();

/** The position of each id in `list` (the first, if an id repeats). */
export function positionsOf(list: readonly { id: string }[]): Positions {
  let positions = indexes.get(list);
  if (!positions) {
    const built = new Map<string, number>();
    list.forEach((item, i) => {
      if (!built.has(item.id)) built.set(item.id, i);
    });
    positions = built;
    indexes.set(list, positions);
  }
  return positions;
}

/** Give `list` an index made from another list's (a caller's view, access/view-positions.ts): positionsOf answers with it. */
export function rememberPositions(list: readonly { id: string }[], positions: Positions): void {
  indexes.set(list, positions);
}

/** The record with this id, if any. */
export function findById<T extends { id: string }>(list: readonly T[], id: string): T | undefined {
  const at = positionsOf(list).get(id);
  return at === undefined ? undefined : list[at];
}

/** `list` with `record` appended (its index: the old one plus the new id, unless the id was there already). */
export function appendRecord<T extends { id: string }>(list: readonly T[], record: T): T[] {
  const next = [...list, record];
  indexes.set(next, appendPosition(positionsOf(list), record.id, list.length));
  return next;
}

/** `list` with the record of `record.id` replaced (the same positions); a copy of `list` when there is none. */
export function replaceRecord<T extends { id: string }>(list: readonly T[], record: T): T[] {
  const positions = positionsOf(list);
  const at = positions.get(record.id);
  const next = list.slice();
  if (at !== undefined) next[at] = record;
  indexes.set(next, positions);
  return next;
}

/** `list` without the records of this id (what `filter` would keep); a copy of `list` when there is none. */
export function removeRecord<T extends { id: string }>(list: readonly T[], id: string): T[] {
  const positions = positionsOf(list);
  const at = positions.get(id);
  if (at === undefined) {
    const copy = list.slice();
    indexes.set(copy, positions);
    return copy;
  }
  // As many distinct ids as records: this id is at `at` alone, so removing that one record is what `filter` does.
  // Otherwise (repeated ids: capabilities, or a change the full check refuses) filter, and index on first use.
  if (positions.size !== list.length) return list.filter((item) => item.id !== id);
  const next = list.toSpliced(at, 1);
  const oldToNew = new Int32Array(list.length);
  for (let i = 0; i < list.length; i++) oldToNew[i] = i < at ? i : i - 1;
  oldToNew[at] = -1;
  indexes.set(next, movePositions(positions, oldToNew, [], list.length - 1));
  return next;
}
