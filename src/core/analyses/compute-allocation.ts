import { createScratch, runFixedPoint } from '../activation/run-fixed-point.js';
import type { AnalysisModel } from './analysis-model.js';
import type { AllocationLp, LexicographicSolver } from './allocation-lp.js';
import { fillCoverage } from './coverage-program.js';
import { formatAmount } from './describe-change.js';

// Allocation (DESIGN.md §5): who fills what, so that no pledge counts twice, maximising filled demand
// lexicographically by priority. Builds the LP from the scenario's active pledges, hands it to the solver, and
// reads the answer: assignments, fill and shortfall per requirement, shadow prices, binding constraints, and the
// greedy coverage beside it.

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

/** The LP for a scenario: certain pledges at their minimum (`min`), or certain and possible at their maximum (`max`). */
export function buildAllocationProblem(model: AnalysisModel, bound: AllocationBound): AllocationProblem {
  const { network, coverage } = model;
  const optimistic = runFixedPoint(network, model.factValues, { optimistic: true, greatest: true }, createScratch(network));
  const active = bound === 'max' ? optimistic.active : runFixedPoint(network, model.factValues, { optimistic: false, greatest: true, within: optimistic.active }).active;
  const source = bound === 'max' ? network.quantityMax : network.quantityMin;
  const quantity = new Float64Array(source.length);
  for (let p = 0; p < source.length; p++) quantity[p] = active[p] === 1 ? (source[p] as number) : 0;
  // Columns grouped by pledge, so that capacity rows are contiguous.
  const { sourceStart, source: sources, requirements, demand } = coverage;
  const byPledge = new Map<number, number[]>();
  for (let r = 0; r < requirements.length; r++) {
    for (let i = sourceStart[r] as number; i < (sourceStart[r + 1] as number); i++) {
      const p = sources[i] as number;
      if ((quantity[p] as number) <= 0 || (demand[r] as number) <= 0) continue;
      const list = byPledge.get(p) ?? [];
      list.push(r);
      byPledge.set(p, list);
    }
  }
  const colPledge: number[] = [];
  const colRequirement: number[] = [];
  for (const [p, list] of [...byPledge].sort(([a], [b]) => a - b)) {
    for (const r of list) {
      colPledge.push(p);
      colRequirement.push(r);
    }
  }
  const numCols = colPledge.length;
  // Rows: capacity per pledge (CSR straight from the grouping), then demand per requirement with an estimate.
  const rowKind: number[] = [];
  const rowRef: number[] = [];
  const rowLower: number[] = [];
  const rowUpper: number[] = [];
  const rowStart: number[] = [0];
  const rowIndex: number[] = [];
  for (let c = 0; c < numCols; c++) {
    rowIndex.push(c);
    if (c + 1 === numCols || colPledge[c + 1] !== colPledge[c]) {
      rowKind.push(CAPACITY);
      rowRef.push(colPledge[c] as number);
      rowLower.push(0);
      rowUpper.push(quantity[colPledge[c] as number] as number);
      rowStart.push(rowIndex.length);
    }
  }
  const columnsOf: number[][] = requirements.map(() => []);
  colRequirement.forEach((r, c) => (columnsOf[r] as number[]).push(c));
  columnsOf.forEach((columns, r) => {
    const need = demand[r] as number;
    if (!Number.isFinite(need) || columns.length === 0) return;
    rowKind.push(DEMAND);
    rowRef.push(r);
    rowLower.push(0);
    rowUpper.push(need);
    rowIndex.push(...columns);
    rowStart.push(rowIndex.length);
  });
  const priorities = [...new Set(requirements.map((r) => r.priority))].sort((a, b) => a - b);
  const levelColumns = priorities.map((): number[] => []);
  colRequirement.forEach((r, c) => levelColumns[priorities.indexOf((requirements[r] as { priority: number }).priority)]?.push(c));
  const levels = priorities.map((priority, i) => ({ priority, columns: Int32Array.from(levelColumns[i] as number[]) }));
  return {
    lp: {
      numCols,
      numRows: rowKind.length,
      capacityRows: rowKind.filter((kind) => kind === CAPACITY).length,
      colKey: Int32Array.from(colRequirement),
      rowLower: Float64Array.from(rowLower),
      rowUpper: Float64Array.from(rowUpper),
      rowStart: Int32Array.from(rowStart),
      rowIndex: Int32Array.from(rowIndex),
      levels,
    },
    colPledge: Int32Array.from(colPledge),
    colRequirement: Int32Array.from(colRequirement),
    rowKind: Uint8Array.from(rowKind),
    rowRef: Int32Array.from(rowRef),
    quantity,
    active,
  };
}

/** Solve the allocation with the given solver and describe it. */
export async function computeAllocation(model: AnalysisModel, bound: AllocationBound, solve: LexicographicSolver): Promise<AllocationResult> {
  const problem = buildAllocationProblem(model, bound);
  const solution = await solve(problem.lp);
  if (solution.status !== 'optimal') throw new Error(`allocation LP not solved: ${solution.message ?? solution.status}`);
  return interpretAllocation(model, bound, problem, solution);
}

/** Read a solved allocation LP: who fills what, shortfalls, shadow prices, and the greedy coverage beside it. */
export function interpretAllocation(
  model: AnalysisModel,
  bound: AllocationBound,
  problem: AllocationProblem,
  solution: { levelFill: number[]; colValue: Float64Array; rowDual: Float64Array[] },
): AllocationResult {
  const { network, coverage } = model;
  const { requirements, demand } = coverage;
  const filled = new Float64Array(requirements.length);
  const assignments: AllocationResult['assignments'] = [];
  for (let c = 0; c < problem.lp.numCols; c++) {
    const value = clean(solution.colValue[c] as number);
    if (value <= 0) continue;
    const r = problem.colRequirement[c] as number;
    filled[r] = (filled[r] as number) + value;
    assignments.push({ pledge: network.pledgeIds[problem.colPledge[c] as number] as string, requirement: (requirements[r] as { id: string }).id, quantity: value });
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
      if (Math.abs(used - (problem.quantity[p] as number)) < 1e-6) binding.push({ kind: 'capacity', id: network.pledgeIds[p] as string, shadowPrice: round(dual) });
    }
  }
  const greedyFill = new Float64Array(requirements.length);
  fillCoverage(coverage, problem.active, problem.quantity, greedyFill);
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
  return { bound, objective, assignments, requirements: rows, greedy, binding, variables: problem.lp.numCols };
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
