// The arithmetic of total()/count() keys, shared by the runs, their watches, the compile-time sums and the
// explanations. A key's sum G counts every active pledge; a party's own part sits in its slot; a threshold leaf
// of party r compares G minus r's own part with its bound.

/** A party's own part of a key from its slot: its quantity (total) or 1 if it has a pledge in it (count); 0 without a slot. */
export function ownPart(partValue: Float64Array, slot: number, isTotal: boolean): number {
  if (slot < 0) return 0;
  const part = partValue[slot] as number;
  return isTotal ? part : part > 0 ? 1 : 0;
}

/** Whether the others' value meets a threshold's bound (`>` when strict, else `>=`). */
export function meetsBound(value: number, bound: number, strict: boolean): boolean {
  return strict ? value > bound : value >= bound;
}

/**
 * Add one pledge's signed `delta` (its quantity for a total key, ±1 for a count key) to its party's slot and to
 * the key; true when the key's sum moved. count() counts parties: it moves only when a party's first pledge
 * arrives or its last one leaves.
 */
export function addToSlot(keyTotal: Float64Array, partValue: Float64Array, key: number, slot: number, isCount: boolean, delta: number): boolean {
  const before = partValue[slot] as number;
  const after = before + delta;
  partValue[slot] = after;
  if (!isCount) {
    keyTotal[key] = (keyTotal[key] as number) + delta;
    return true;
  }
  if (before > 0 && after > 0) return false;
  keyTotal[key] = (keyTotal[key] as number) + (delta > 0 ? 1 : -1);
  return true;
}
