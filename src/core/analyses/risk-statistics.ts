// Statistics for the risk analysis: Wilson score intervals and quantiles of a weighted distribution.

const Z95 = 1.959963984540054;

/** The Wilson score interval (95 %) for `successes` of `n` draws. */
export function wilsonInterval(successes: number, n: number): [number, number] {
  if (n <= 0) return [0, 1];
  const p = successes / n;
  const z2 = Z95 * Z95;
  const denominator = 1 + z2 / n;
  const centre = (p + z2 / (2 * n)) / denominator;
  const half = (Z95 / denominator) * Math.sqrt((p * (1 - p)) / n + z2 / (4 * n * n));
  return [Math.max(0, centre - half), Math.min(1, centre + half)];
}

/** The q-quantiles of a distribution given as value → weight: the smallest value whose cumulative weight reaches q. */
export function weightedQuantiles(distribution: ReadonlyMap<number, number>, qs: readonly number[]): number[] {
  const entries = [...distribution].sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, weight] of entries) total += weight;
  return qs.map((q) => {
    const target = q * total;
    let cumulative = 0;
    for (const [value, weight] of entries) {
      cumulative += weight;
      if (cumulative >= target - 1e-12 * total) return value;
    }
    return entries.length === 0 ? 0 : (entries[entries.length - 1] as [number, number])[0];
  });
}

/** A distribution as at most `bins` points {supply, p}: its values, or equal-width bins (lower edge) when there are more. */
export function summariseDistribution(distribution: ReadonlyMap<number, number>, bins = 40): { supply: number; p: number }[] {
  const entries = [...distribution].sort((a, b) => a[0] - b[0]);
  let total = 0;
  for (const [, weight] of entries) total += weight;
  if (total === 0) return [];
  if (entries.length <= bins) return entries.map(([supply, weight]) => ({ supply, p: weight / total }));
  const low = (entries[0] as [number, number])[0];
  const high = (entries[entries.length - 1] as [number, number])[0];
  const width = (high - low) / bins;
  const sums = new Float64Array(bins);
  for (const [value, weight] of entries) {
    const bin = Math.min(bins - 1, Math.floor((value - low) / width));
    sums[bin] = (sums[bin] as number) + weight;
  }
  return Array.from(sums, (weight, i) => ({ supply: low + i * width, p: weight / total }));
}
