import { createScratch, runFixedPoint } from '../activation/run-fixed-point.js';
import type { AnalysisModel } from './analysis-model.js';
import type { Requirement } from '../types.js';
import type { AllocationLp, LexicographicSolver, LpStatus } from './allocation-lp.js';
import { type CoverageProgram, fillCoverage } from './coverage-program.js';
import { formatAmount } from './describe-change.js';

// Allocation (DESIGN.md §5): who fills what, so that no pledge counts twice, maximising filled demand
// lexicographically by priority. The scenario's active pledges and the coverage program become a compact,
// cloneable input (prepareAllocationInput, cheap); from it `allocate` builds the LP, hands it to the solver, and
// reads the answer: assignments, fill and shortfall per requirement, shadow prices, binding constraints, and the
// greedy coverage beside it. The service runs `allocate` in a worker thread, so that building and reading a large
// LP never block the event loop.

export type AllocationBound = 'min' | 'max';

export interface AllocationResult {
  bound: AllocationBound;
  /** Per priority level: filled and demanded (requirements with an estimate). */
  objective: { priority: number; filled: number; demand: number }[];
  assignments: { pledge: string; requirement: string; quantity: number }[];
  requirements: { requirement: string; priority: number; demand: number | null; filled: number; shortfall: number | null; shadowPrice: number; explanation: string }[];
  /** Greedy coverage (priority order, least flexible pledge first) with the same pledges. */
  greedy: { requirement: string; filled: number; difference: number }[];
  /** Constraints at their bound: a pledge fully used, a demand fully met; shadowPrice is the row's dual (at the priority level where it is largest). */
  binding: { kind: 'capacity' | 'demand'; id: string; shadowPrice: number }[];
  variables: number;
}

/** What the allocation needs of a scenario: plain arrays and records, cheap to send to a worker thread. */
export interface AllocationInput {
  bound: AllocationBound;
  /** Network order. */
  pledgeIds: string[];
  /** Per pledge: the quantity it can give under the bound, 0 outside the active set. */
  quantity: Float64Array;
  active: Uint8Array;
  /** The coverage program's requirements (priority order) and its CSR of matching pledges, least flexible first. */
  requirements: Requirement[];
  demand: Float64Array;
  sourceStart: Int32Array;
  source: Int32Array;
}

/** An allocation solved, or why not (the solver's time limit: the service answers 422). */
export type AllocationOutcome = { status: 'optimal'; result: AllocationResult } | { status: Exclude<LpStatus, 'optimal'>; message: string; variables: number };

export interface AllocationProblem {
  lp: AllocationLp;
  /** Per column: network pledge index and coverage requirement index. */
  colPledge: Int32Array;
  colRequirement: Int32Array;
  /** Per row: a pledge (capacity) or requirement (demand) index. */
  rowKind: Uint8Array;
  rowRef: Int32Array;
  /** The pledges' usable quantities (0 outside the active set). */
  quantity: Float64Array;
  active: Uint8Array;
}

const CAPACITY = 0;
const DEMAND = 1;

/** The allocation's input for a scenario: certain pledges at their minimum (`min`), or certain and possible at their maximum (`max`). */
export function prepareAllocationInput(model: AnalysisModel, bound: AllocationBound): AllocationInput {
  const { network, coverage } = model;
  const optimistic = runFixedPoint(network, model.factValues, { optimistic: true, greatest: true }, createScratch(network));
  const active = bound === 'max' ? optimistic.active : runFixedPoint(network, model.factValues, { optimistic: false, greatest: true, within: optimistic.active }).active;
  const source = bound === 'max' ? network.quantityMax : network.quantityMin;
  const quantity = new Float64Array(source.length);
  for (let p = 0; p < source.length; p++) quantity[p] = active[p] === 1 ? (source[p] as number) : 0;
  return {
    bound,
    pledgeIds: [...network.pledgeIds],
    quantity,
    active: Uint8Array.from(active),
    requirements: coverage.requirements,
    demand: coverage.demand,
    sourceStart: coverage.sourceStart,
    source: coverage.source,
  };
}

/** The LP of an allocation input: a column per (active pledge, requirement it can serve), capacity and demand rows. */
export function buildAllocationProblem(input: AllocationInput): AllocationProblem {
  const { quantity, active, sourceStart, source, requirements, demand } = input;
  const pledges = quantity.length;
  const usable = (r: number, p: number): boolean => (quantity[p] as number) > 0 && (demand[r] as number) > 0;
  // Columns grouped by pledge (a counting sort of the coverage's requirement-major CSR), requirements ascending
  // within a pledge, so that each capacity row is a contiguous run of columns.
  const perPledge = new Int32Array(pledges + 1);
  for (let r = 0; r < requirements.length; r++) {
    for (let i = sourceStart[r] as number; i < (sourceStart[r + 1] as number); i++) {
      const p = source[i] as number;
      if (usable(r, p)) perPledge[p + 1] = (perPledge[p + 1] as number) + 1;
    }
  }
  for (let p = 0; p < pledges; p++) perPledge[p + 1] = (perPledge[p + 1] as number) + (perPledge[p] as number);
  const numCols = perPledge[pledges] as number;
  const colPledge = new Int32Array(numCols);
  const colRequirement = new Int32Array(numCols);
  const next = perPledge.slice(0, pledges);
  for (let r = 0; r < requirements.length; r++) {
    for (let i = sourceStart[r] as number; i < (sourceStart[r + 1] as number); i++) {
      const p = source[i] as number;
      if (!usable(r, p)) continue;
      const c = next[p] as number;
      next[p] = c + 1;
      colPledge[c] = p;
      colRequirement[c] = r;
    }
  }
  // Rows: capacity per pledge with a column (its run of columns), then demand per requirement with an estimate.
  const capacityRows = countNonEmpty(perPledge);
  const columnsOf = new Int32Array(requirements.length + 1);
  for (let c = 0; c < numCols; c++) columnsOf[(colRequirement[c] as number) + 1] = (columnsOf[(colRequirement[c] as number) + 1] as number) + 1;
  const demandRows: number[] = [];
  for (let r = 0; r < requirements.length; r++) if (Number.isFinite(demand[r] as number) && (columnsOf[r + 1] as number) > 0) demandRows.push(r);
  const numRows = capacityRows + demandRows.length;
  const rowKind = new Uint8Array(numRows);
  const rowRef = new Int32Array(numRows);
  const rowLower = new Float64Array(numRows);
  const rowUpper = new Float64Array(numRows);
  const rowStart = new Int32Array(numRows + 1);
  let demandEntries = 0;
  for (const r of demandRows) demandEntries += columnsOf[r + 1] as number;
  const rowIndex = new Int32Array(numCols + demandEntries);
  let row = 0;
  for (let p = 0; p < pledges; p++) {
    const start = perPledge[p] as number;
    const end = perPledge[p + 1] as number;
    if (end === start) continue;
    rowKind[row] = CAPACITY;
    rowRef[row] = p;
    rowUpper[row] = quantity[p] as number;
    for (let c = start; c < end; c++) rowIndex[c] = c;
    rowStart[++row] = end;
  }
  // Demand rows list their columns in column order (pledge order).
  const demandRowOf = new Int32Array(requirements.length).fill(-1);
  const fillAt = new Int32Array(demandRows.length);
  let offset = numCols;
  demandRows.forEach((r, i) => {
    demandRowOf[r] = i;
    fillAt[i] = offset;
    offset += columnsOf[r + 1] as number;
  });
  for (let c = 0; c < numCols; c++) {
    const i = demandRowOf[colRequirement[c] as number] as number;
    if (i < 0) continue;
    rowIndex[fillAt[i] as number] = c;
    fillAt[i] = (fillAt[i] as number) + 1;
  }
  for (const r of demandRows) {
    rowKind[row] = DEMAND;
    rowRef[row] = r;
    rowUpper[row] = demand[r] as number;
    rowStart[row + 1] = (rowStart[row] as number) + (columnsOf[r + 1] as number);
    row++;
  }
  const priorities = [...new Set(requirements.map((r) => r.priority))].sort((a, b) => a - b);
  const levelOf = Int32Array.from(requirements, (r) => priorities.indexOf(r.priority));
  const levelColumns = priorities.map((): number[] => []);
  for (let c = 0; c < numCols; c++) (levelColumns[levelOf[colRequirement[c] as number] as number] as number[]).push(c);
  const levels = priorities.map((priority, i) => ({ priority, columns: Int32Array.from(levelColumns[i] as number[]) }));
  return {
    lp: { numCols, numRows, capacityRows, colKey: colRequirement.slice(), rowLower, rowUpper, rowStart, rowIndex, levels },
    colPledge,
    colRequirement,
    rowKind,
    rowRef,
    quantity,
    active,
  };
}

// How many of a CSR's rows are non-empty.
function countNonEmpty(starts: Int32Array): number {
  let count = 0;
  for (let i = 0; i + 1 < starts.length; i++) if ((starts[i + 1] as number) > (starts[i] as number)) count++;
  return count;
}

/** Build the LP of an input, solve it with `solve`, and read the answer (the worker thread's whole job). */
export async function allocate(input: AllocationInput, solve: LexicographicSolver): Promise<AllocationOutcome> {
  const problem = buildAllocationProblem(input);
  const solution = await solve(problem.lp);
  if (solution.status !== 'optimal') return { status: solution.status, message: solution.message ?? solution.status, variables: problem.lp.numCols };
  return { status: 'optimal', result: interpretAllocation(input, problem, solution) };
}

/** Solve the allocation of a scenario with the given solver, on this thread, and describe it (tests, references). */
export async function computeAllocation(model: AnalysisModel, bound: AllocationBound, solve: LexicographicSolver): Promise<AllocationResult> {
  const outcome = await allocate(prepareAllocationInput(model, bound), solve);
  if (outcome.status !== 'optimal') throw new Error(`allocation LP not solved: ${outcome.message}`);
  return outcome.result;
}

/** Read a solved allocation LP: who fills what, shortfalls, shadow prices, and the greedy coverage beside it. */
export function interpretAllocation(input: AllocationInput, problem: AllocationProblem, solution: { levelFill: number[]; colValue: Float64Array; rowDual: Float64Array[] }): AllocationResult {
  const { requirements, demand, pledgeIds } = input;
  const filled = new Float64Array(requirements.length);
  const assignments: AllocationResult['assignments'] = [];
  for (let c = 0; c < problem.lp.numCols; c++) {
    const value = clean(solution.colValue[c] as number);
    if (value <= 0) continue;
    const r = problem.colRequirement[c] as number;
    filled[r] = (filled[r] as number) + value;
    assignments.push({ pledge: pledgeIds[problem.colPledge[c] as number] as string, requirement: (requirements[r] as { id: string }).id, quantity: value });
  }
  assignments.sort((a, b) => compareText(a.requirement, b.requirement) || compareText(a.pledge, b.pledge));
  const levelIndex = new Map(problem.lp.levels.map((level, i) => [level.priority, i]));
  // A requirement's shadow price: the fill its priority level gains per unit of extra supply that can serve it,
  // 1 − the dual of its demand row in that level's LP (1 when it is short; 0 when it is met).
  const demandDual = new Float64Array(requirements.length);
  const binding: AllocationResult['binding'] = [];
  for (let row = 0; row < problem.lp.numRows; row++) {
    if (problem.rowKind[row] === DEMAND) {
      const r = problem.rowRef[row] as number;
      const level = levelIndex.get((requirements[r] as { priority: number }).priority) as number;
      demandDual[r] = Math.abs(solution.rowDual[level]?.[row] ?? 0);
      if (Math.abs((filled[r] as number) - (demand[r] as number)) < 1e-6) binding.push({ kind: 'demand', id: (requirements[r] as { id: string }).id, shadowPrice: round(demandDual[r] as number) });
    } else {
      const p = problem.rowRef[row] as number;
      let used = 0;
      for (let i = problem.lp.rowStart[row] as number; i < (problem.lp.rowStart[row + 1] as number); i++) used += clean(solution.colValue[problem.lp.rowIndex[i] as number] as number);
      // The capacity's worth at the level where it is worth most (the earlier levels are fixed, not lost).
      let dual = 0;
      for (const duals of solution.rowDual) dual = Math.max(dual, Math.abs(duals[row] ?? 0));
      if (Math.abs(used - (problem.quantity[p] as number)) < 1e-6) binding.push({ kind: 'capacity', id: pledgeIds[p] as string, shadowPrice: round(dual) });
    }
  }
  const greedyFill = new Float64Array(requirements.length);
  fillCoverage(coverageOf(input), problem.active, problem.quantity, greedyFill);
  const rows = requirements.map((requirement, r) => {
    const need = requirement.quantity;
    const fill = round(filled[r] as number);
    const shortfall = need === null ? null : round(Math.max(0, need - fill));
    const shadowPrice = shortfall !== null && shortfall <= 0 ? 0 : round(Math.min(1, Math.max(0, 1 - (demandDual[r] as number))));
    const text =
      shortfall === null || shortfall <= 0
        ? `${requirement.id}: ${formatAmount(fill)} filled${need === null ? ' (no estimate of the need)' : ', met'}`
        : `${requirement.id}: ${formatAmount(fill)} of ${formatAmount(need ?? 0)} filled, ${formatAmount(shortfall)} short; one more unit of ${requirement.capability} for ${requirement.area} would fill ${formatAmount(shadowPrice)} more`;
    return { requirement: requirement.id, priority: requirement.priority, demand: need, filled: fill, shortfall, shadowPrice, explanation: text };
  });
  const objective = problem.lp.levels.map((level) => {
    let demanded = 0;
    let fill = 0;
    requirements.forEach((requirement, r) => {
      if (requirement.priority !== level.priority) return;
      demanded += requirement.quantity ?? 0;
      fill += filled[r] as number;
    });
    return { priority: level.priority, filled: round(fill), demand: demanded };
  });
  const greedy = requirements.map((requirement, r) => ({
    requirement: requirement.id,
    filled: round(greedyFill[r] as number),
    difference: round((filled[r] as number) - (greedyFill[r] as number)),
  }));
  binding.sort((a, b) => compareText(a.kind, b.kind) || compareText(a.id, b.id));
  return { bound: input.bound, objective, assignments, requirements: rows, greedy, binding, variables: problem.lp.numCols };
}

// A coverage program over the input's arrays, with its own working arrays (greedy coverage beside the LP).
function coverageOf(input: AllocationInput): CoverageProgram {
  const pledges = input.pledgeIds.length;
  return { requirements: input.requirements, demand: input.demand, sourceStart: input.sourceStart, source: input.source, left: new Float64Array(pledges), stamp: new Int32Array(pledges), mark: 0 };
}

// Quantities are whole units, so a value within 1e-4 of a whole number is solver noise (an earlier level is fixed
// with a tolerance of 1e-9 of its fill, which a later level may use); other values are kept to a millionth.
function clean(value: number): number {
  if (value < 1e-9) return 0;
  const whole = Math.round(value);
  return Math.abs(value - whole) < 1e-4 ? whole : round(value);
}

function round(value: number): number {
  return Math.round(value * 1e6) / 1e6 || 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
