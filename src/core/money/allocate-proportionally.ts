// Splitting an integer amount into parts by weights so that the parts always sum to the total: the
// largest-remainder (Hamilton) method. Each part first gets the floor of its exact quota; the units left
// over go one each to the parts with the largest remainders, ties to the earlier part in the input order.
// So the remainder lands in a documented, deterministic place and no minor unit is created or lost.

/** Split `total` (a non-negative integer) by non-negative integer `weights`; all weights 0 → all parts 0 except that total must then be 0. */
export function allocateProportionally(total: bigint, weights: readonly bigint[]): bigint[] {
  if (total < 0n) throw new RangeError('allocateProportionally needs a non-negative total');
  if (weights.some((weight) => weight < 0n)) throw new RangeError('allocateProportionally needs non-negative weights');
  const sum = weights.reduce((acc, weight) => acc + weight, 0n);
  if (sum === 0n) {
    if (total !== 0n) throw new RangeError('cannot split a non-zero total by weights that are all zero');
    return weights.map(() => 0n);
  }
  const parts = weights.map((weight) => (total * weight) / sum);
  const remainders = weights.map((weight, index) => ({ index, remainder: (total * weight) % sum }));
  let left = total - parts.reduce((acc, part) => acc + part, 0n);
  remainders.sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of remainders) {
    if (left === 0n) break;
    parts[index] = (parts[index] ?? 0n) + 1n;
    left -= 1n;
  }
  return parts;
}

/** Integer weights from non-negative numbers (shares 0–1, GDP in bn) at a fixed precision of `decimals` places. */
export function weightsFromNumbers(values: readonly number[], decimals = 9): bigint[] {
  return values.map((value) => {
    if (!Number.isFinite(value) || value < 0) throw new RangeError(`weight ${value} is not a non-negative finite number`);
    return BigInt(Math.round(value * 10 ** decimals));
  });
}

/** allocateProportionally for amounts held as safe-integer numbers (minor units). */
export function splitAmount(total: number, weights: readonly bigint[]): number[] {
  return allocateProportionally(BigInt(total), weights).map(Number);
}
