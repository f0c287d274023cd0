// Binary search in ascending numbers (typed arrays of positions, bounds, party numbers).

/** The first index of `sorted` (ascending) holding `value` or more: how many of its numbers are below `value`. */
export function lowerBound(sorted: ArrayLike<number>, value: number): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if ((sorted[middle] as number) < value) low = middle + 1;
    else high = middle;
  }
  return low;
}
