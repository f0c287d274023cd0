// The allocation linear program as plain arrays (DESIGN.md §5): a column x(pledge, requirement) wherever the
// capability matches and the pledge's areas cover the requirement's area; a capacity row per pledge (its parts sum
// to at most its quantity) and a demand row per requirement with an estimate (its fill at most its demand). It is
// solved lexicographically by priority: all priority-1 fill first, then priority 2 given that, and so on. The
// solver is passed in (HiGHS in a worker thread, src/services/analyses); this file knows nothing of it.

export interface AllocationLp {
  numCols: number;
  numRows: number;
  /** How many of the rows are capacity rows (they come first). */
  capacityRows: number;
  /** Per column: the requirement it fills (columns with equal keys in two capacity rows are interchangeable). */
  colKey: Int32Array;
  /** Row bounds: capacity rows first (one per pledge with a column), then demand rows. */
  rowLower: Float64Array;
  rowUpper: Float64Array;
  /** CSR matrix: every coefficient is 1. */
  rowStart: Int32Array;
  rowIndex: Int32Array;
  /** Per priority level (highest first): the columns whose fill it maximises. */
  levels: { priority: number; columns: Int32Array }[];
}

/** `time_limit`: the solver stopped at its time limit (the service answers 422 analysis.too_large). */
export type LpStatus = 'optimal' | 'failed' | 'time_limit';

export interface LexicographicSolution {
  status: LpStatus;
  /** HiGHS's status text when not optimal. */
  message?: string;
  /** Per level: the fill reached. */
  levelFill: number[];
  /** The final level's column values. */
  colValue: Float64Array;
  /** Per level: the row duals of the model's own rows (not the rows that fix earlier levels). */
  rowDual: Float64Array[];
}

/** Solves an allocation LP level by level; runs off the event loop in the service. */
export type LexicographicSolver = (lp: AllocationLp) => Promise<LexicographicSolution>;

/** Default wall-clock budget of one lexicographic solve, all levels together, in seconds. */
export const ALLOCATION_TIME_LIMIT_SECONDS = 30;

/** Tolerance kept below an earlier level's optimum when it is fixed as a constraint. */
export const LEVEL_TOLERANCE = 1e-9;

/** The lower bound that fixes an earlier level at its optimum `fill`. */
export function levelFloor(fill: number): number {
  return fill - LEVEL_TOLERANCE * Math.max(1, Math.abs(fill));
}
