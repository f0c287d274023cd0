import type { AllocationLp, LexicographicSolution } from './allocation-lp.js';

// An exact reduction of the allocation LP: pledges whose capacity rows have the same columns (the same requirements
// — so the same capability and eligible set) are interchangeable, so their rows merge into one with the summed
// capacity, and each reduced column is the sum of the merged columns. Any solution of the reduced LP splits back
// into one of the full LP with the same fill per requirement and per level (fill pledges in row order, each up to
// its capacity); every point of the full LP maps to one of the reduced LP with the same fill, so the optima agree.
// Row duals carry over: a merged capacity row's dual is each member's.

export interface ReducedAllocationLp {
  lp: AllocationLp;
  /** Map a solution of the reduced LP back to the full one. */
  expand: (solution: LexicographicSolution) => LexicographicSolution;
}

/** Merge interchangeable capacity rows (same column keys) of an allocation LP. */
export function reduceAllocationLp(lp: AllocationLp): ReducedAllocationLp {
  const groupOf = new Int32Array(lp.capacityRows);
  const groups: number[][] = [];
  const byKey = new Map<string, number>();
  for (let row = 0; row < lp.capacityRows; row++) {
    const keys: number[] = [];
    for (let i = lp.rowStart[row] as number; i < (lp.rowStart[row + 1] as number); i++) keys.push(lp.colKey[lp.rowIndex[i] as number] as number);
    const key = keys.join(',');
    let g = byKey.get(key);
    if (g === undefined) {
      g = groups.length;
      byKey.set(key, g);
      groups.push([]);
    }
    (groups[g] as number[]).push(row);
    groupOf[row] = g;
  }
  // Reduced columns: per group, one per column of its first row, in that order.
  const reducedOf = new Int32Array(lp.numCols);
  const groupStart: number[] = [0];
  const colKey: number[] = [];
  for (const members of groups) {
    const first = members[0] as number;
    const width = (lp.rowStart[first + 1] as number) - (lp.rowStart[first] as number);
    for (const row of members) {
      for (let j = 0; j < width; j++) reducedOf[lp.rowIndex[(lp.rowStart[row] as number) + j] as number] = colKey.length + j;
    }
    for (let j = 0; j < width; j++) colKey.push(lp.colKey[lp.rowIndex[(lp.rowStart[first] as number) + j] as number] as number);
    groupStart.push(colKey.length);
  }
  const numCols = colKey.length;
  const mapColumns = (columns: ArrayLike<number>): number[] => {
    const seen = new Set<number>();
    const out: number[] = [];
    for (let i = 0; i < columns.length; i++) {
      const c = reducedOf[columns[i] as number] as number;
      if (!seen.has(c)) {
        seen.add(c);
        out.push(c);
      }
    }
    return out;
  };
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  groups.forEach((members, g) => {
    let capacity = 0;
    for (const row of members) capacity += lp.rowUpper[row] as number;
    rowLower.push(0);
    rowUpper.push(capacity);
    for (let c = groupStart[g] as number; c < (groupStart[g + 1] as number); c++) rowIndex.push(c);
    rowStart.push(rowIndex.length);
  });
  for (let row = lp.capacityRows; row < lp.numRows; row++) {
    rowLower.push(lp.rowLower[row] as number);
    rowUpper.push(lp.rowUpper[row] as number);
    for (const c of mapColumns(lp.rowIndex.subarray(lp.rowStart[row] as number, lp.rowStart[row + 1] as number))) rowIndex.push(c);
    rowStart.push(rowIndex.length);
  }
  const reduced: AllocationLp = {
    numCols,
    numRows: rowLower.length,
    capacityRows: groups.length,
    colKey: Int32Array.from(colKey),
    rowLower: Float64Array.from(rowLower),
    rowUpper: Float64Array.from(rowUpper),
    rowStart: Int32Array.from(rowStart),
    rowIndex: Int32Array.from(rowIndex),
    levels: lp.levels.map((level) => ({ priority: level.priority, columns: Int32Array.from(mapColumns(level.columns)) })),
  };
  const expand = (solution: LexicographicSolution): LexicographicSolution => {
    const colValue = new Float64Array(lp.numCols);
    if (solution.colValue.length === numCols) {
      groups.forEach((members, g) => {
        const start = groupStart[g] as number;
        const width = (groupStart[g + 1] as number) - start;
        const left = Array.from({ length: width }, (_, j) => Math.max(0, solution.colValue[start + j] as number));
        for (const row of members) {
          let capacity = lp.rowUpper[row] as number;
          for (let j = 0; j < width && capacity > 0; j++) {
            const take = Math.min(capacity, left[j] as number);
            if (take <= 0) continue;
            colValue[lp.rowIndex[(lp.rowStart[row] as number) + j] as number] = take;
            left[j] = (left[j] as number) - take;
            capacity -= take;
          }
        }
      });
    }
    const rowDual = solution.rowDual.map((duals) => {
      const full = new Float64Array(lp.numRows);
      for (let row = 0; row < lp.capacityRows; row++) full[row] = duals[groupOf[row] as number] ?? 0;
      for (let row = lp.capacityRows; row < lp.numRows; row++) full[row] = duals[groups.length + row - lp.capacityRows] ?? 0;
      return full;
    });
    return { ...solution, colValue, rowDual };
  };
  return { lp: reduced, expand };
}
