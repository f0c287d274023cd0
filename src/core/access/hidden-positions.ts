import { lowerBound } from '../lower-bound.js';

// A view's hidden pledges as ascending positions in its dataset's list (restrict-dataset.ts records them): a visible
// pledge's position in the view is its position in the dataset less the hidden ones before it, a binary search.

/** With `position` added in order. */
export function insertPosition(positions: Int32Array, position: number): Int32Array {
  const i = lowerBound(positions, position);
  const next = new Int32Array(positions.length + 1);
  next.set(positions.subarray(0, i));
  next[i] = position;
  next.set(positions.subarray(i), i + 1);
  return next;
}

/** Without `position` (if there); the later ones moved down by one when the record at `position` left the list (`shift`). */
export function removePosition(positions: Int32Array, position: number, shift = true): Int32Array {
  const i = lowerBound(positions, position);
  const present = positions[i] === position;
  const next = new Int32Array(positions.length - (present ? 1 : 0));
  next.set(positions.subarray(0, i));
  const rest = positions.subarray(present ? i + 1 : i);
  for (let j = 0; j < rest.length; j++) next[i + j] = (rest[j] as number) - (shift ? 1 : 0);
  return next;
}
