import highsImport from 'highs';
import { ALLOCATION_TIME_LIMIT_SECONDS, type AllocationLp, type LexicographicSolution, levelFloor } from '../../core/analyses/allocation-lp.js';
import { reduceAllocationLp } from '../../core/analyses/reduce-allocation-lp.js';

// The allocation LP solved with HiGHS (WASM, sparse interface), level by level: maximise the first priority's fill,
// fix it (a row: that fill at least its optimum), maximise the next, and so on, warm-started in one model, within
// one time limit. Primal simplex without presolve: after a level is fixed the last solution stays feasible, so
// primal simplex continues from it (dual simplex or presolve restart far from it: measured 3–7× slower). The
// columns of later levels are held at 0 until their level comes (exact: they have no cost before it, and with
// every row dual of the right sign their reduced cost is ≤ 0, so the level's optimum and duals are those of the
// whole LP), which spares pricing them. It solves the exact reduction of the LP (reduce-allocation-lp.ts): without it, simplex on the
// full LP needs iterations in proportion to the pledges at every level (10,000 pledges × 20 requirements: minutes). Blocking:
// the service runs it in a worker thread (allocation-worker.ts), never on the event loop.

type HighsLoader = typeof highsImport.default;
// With NodeNext resolution the package's CommonJS typings put the loader under `default`; at run time the ESM build
// exports it directly (DESIGN.md §12).
const load: HighsLoader = (highsImport as unknown as { default?: HighsLoader }).default ?? (highsImport as unknown as HighsLoader);
let loading: ReturnType<HighsLoader> | undefined;
// HiGHS's simplex_strategy for primal simplex.
const PRIMAL_SIMPLEX = 4;

/** Solve an allocation LP lexicographically by priority with HiGHS, on its exact reduction (interchangeable pledges merged). */
export async function solveLexicographic(lp: AllocationLp, options: SolveOptions = {}): Promise<LexicographicSolution> {
  const reduced = reduceAllocationLp(lp);
  return reduced.expand(await solveLexicographicUnreduced(reduced.lp, options));
}

export interface SolveOptions {
  /** Wall-clock budget for all levels together (HiGHS's cumulative time_limit), seconds; HiGHS only. */
  timeLimitSeconds?: number;
  /** In the worker: `flow` (default, solve-allocation-flow.ts) or `highs` (this file, the reference). */
  engine?: 'flow' | 'highs';
}

/** Solve an allocation LP lexicographically as given, without the reduction (the reference in tests). */
export async function solveLexicographicUnreduced(lp: AllocationLp, options: SolveOptions = {}): Promise<LexicographicSolution> {
  const levelFill: number[] = [];
  const rowDual: Float64Array[] = [];
  if (lp.numCols === 0) return { status: 'optimal', levelFill: lp.levels.map(() => 0), colValue: new Float64Array(0), rowDual: lp.levels.map(() => new Float64Array(lp.numRows)) };
  loading ??= load();
  const highs = await loading;
  const model = highs.createModel({
    numCols: lp.numCols,
    numRows: lp.numRows,
    sense: highs.constants.objectiveSense.maximize,
    colCost: new Float64Array(lp.numCols),
    colLower: new Float64Array(lp.numCols),
    // Every column starts held at 0; each level frees its own.
    colUpper: new Float64Array(lp.numCols),
    rowLower: lp.rowLower,
    rowUpper: lp.rowUpper,
    matrix: { format: 'csr', numRows: lp.numRows, numCols: lp.numCols, starts: lp.rowStart, indices: lp.rowIndex, values: new Float64Array(lp.rowIndex.length).fill(1) },
  });
  try {
    // One budget for every level: HiGHS counts run time cumulatively on a model.
    model.options.set('time_limit', options.timeLimitSeconds ?? ALLOCATION_TIME_LIMIT_SECONDS);
    model.options.set('simplex_strategy', PRIMAL_SIMPLEX);
    model.options.set('presolve', 'off');
    const all = { kind: 'range', from: 0, to: lp.numCols - 1 } as const;
    const lower = new Float64Array(lp.numCols);
    const upper = new Float64Array(lp.numCols);
    let colValue: Float64Array = new Float64Array(lp.numCols);
    for (const level of lp.levels) {
      const cost = new Float64Array(lp.numCols);
      for (const c of level.columns) {
        cost[c] = 1;
        upper[c] = highs.infinity;
      }
      model.changeColsBounds(all, lower, upper);
      model.changeColsCost(all, cost);
      model.run();
      const status = model.getModelStatus();
      if (status === highs.constants.modelStatus.timeLimit) return { status: 'time_limit', message: `HiGHS reached its time limit at priority ${level.priority}`, levelFill, colValue, rowDual };
      if (status !== highs.constants.modelStatus.optimal) return { status: 'failed', message: `HiGHS model status ${status} at priority ${level.priority}`, levelFill, colValue, rowDual };
      const solution = model.getSolution();
      colValue = Float64Array.from(solution.colValue);
      rowDual.push(solution.rowDual.slice(0, lp.numRows));
      let fill = 0;
      for (const c of level.columns) fill += colValue[c] as number;
      levelFill.push(fill);
      if (level.columns.length > 0) model.addRow(levelFloor(fill), highs.infinity, { indices: level.columns, values: new Float64Array(level.columns.length).fill(1) });
    }
    return { status: 'optimal', levelFill, colValue, rowDual };
  } finally {
    model.dispose();
  }
}
