// Sorting the leaves due in a round by node id, so that flipping them reads the node arrays front to back. A
// round can hold a million ids below a few million: an LSD radix sort (11 bits a pass) does that in linear time,
// where a comparison sort would make the step n log n. Short lists use the built-in sort.

const BITS = 11;
const RADIX = 1 << BITS;
const SHORT = 512;

/** Sort ids[0..count) (non-negative, below `limit`) ascending; the result is in `ids` or in `spare`, whichever is returned. */
export function sortNodeIds(ids: Int32Array, count: number, spare: Int32Array, limit: number, counts: Int32Array): Int32Array {
  if (count <= SHORT) return ids.subarray(0, count).sort();
  let from = ids;
  let to = spare;
  // Passes until the bits below `limit` are covered (shifts of 32 or more would wrap around in JavaScript).
  for (let shift = 0; shift < 32 && limit - 1 >= 2 ** shift; shift += BITS) {
    counts.fill(0);
    for (let i = 0; i < count; i++) counts[((from[i] as number) >>> shift) & (RADIX - 1)]! += 1;
    let sum = 0;
    for (let b = 0; b < RADIX; b++) {
      const size = counts[b] as number;
      counts[b] = sum;
      sum += size;
    }
    for (let i = 0; i < count; i++) {
      const id = from[i] as number;
      to[counts[(id >>> shift) & (RADIX - 1)]!++] = id;
    }
    [from, to] = [to, from];
  }
  return from.subarray(0, count);
}

/** Length of the counts array a sort needs. */
export const RADIX_COUNTS = RADIX;

/** Room for the radix passes. */
export function createRadixCounts(): Int32Array {
  return new Int32Array(RADIX);
}
