import { anyAreaCovers } from '../areas.js';
import type { Pledge, Requirement } from '../types.js';
import {
  type AggregateCoverage,
  type Allocation,
  type CapabilityCoverage,
  type CoverageReport,
  type RequirementCoverage,
  describeRow,
  summarise,
} from './coverage-rows.js';

// Coverage (DESIGN.md §5) in two steps: the index, once per set of candidate pledges (which pledges can serve which
// requirement, in the order coverage takes them: least flexible first, then by id), and the fill, once per
// scenario (the pledges' states decide what each gives). Indexing groups pledges by capability and tests each
// (capability, area list) against the requirements of that capability once: O(R + P log P); a fill is linear in
// the (requirement, pledge) matches. computeCoverage (compute-coverage.ts) is the same in one call.

/** 0 inactive, 1 possible, 2 certain (per pledge, in the index's pledge order). */
export type CoverageStates = Uint8Array;
export const COVERAGE_INACTIVE = 0;
export const COVERAGE_POSSIBLE = 1;
export const COVERAGE_CERTAIN = 2;

export interface CoverageIndex {
  /** Requirements in priority order, then id. */
  requirements: readonly Requirement[];
  pledges: readonly Pledge[];
  /** CSR over `requirements`: the positions (in `pledges`) of each one's matching pledges, in the order they are taken. */
  sourceStart: Int32Array;
  source: Int32Array;
  /** 1 for pledges that match at least one requirement. */
  matched: Uint8Array;
  /** Per pledge, how many requirements it matches (fewer first: the order coverage takes them in). */
  flexibility: Int32Array;
  /** Per capability of a requirement: the positions of its pledges (for what is left unallocated). */
  byCapability: ReadonlyMap<string, Int32Array>;
}

/** Index `pledges` for coverage of `requirements` (pledge ids must be unique). */
export function indexCoverage(requirements: readonly Requirement[], pledges: readonly Pledge[]): CoverageIndex {
  const ordered = [...requirements].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
  const requirementsOf = new Map<string, number[]>();
  ordered.forEach((requirement, r) => {
    const list = requirementsOf.get(requirement.capability) ?? [];
    list.push(r);
    requirementsOf.set(requirement.capability, list);
  });
  const lists: number[][] = ordered.map(() => []);
  const flexibility = new Int32Array(pledges.length);
  const matched = new Uint8Array(pledges.length);
  const positions = new Map<string, number[]>();
  // Pledges sharing a capability and an area list match the same requirements.
  const matchesOf = new Map<string, number[]>();
  pledges.forEach((pledge, p) => {
    const candidates = requirementsOf.get(pledge.capability);
    if (!candidates) return;
    const key = `${pledge.capability}\n${pledge.areas.join('\n')}`;
    let matches = matchesOf.get(key);
    if (!matches) {
      matches = candidates.filter((r) => anyAreaCovers(pledge.areas, (ordered[r] as Requirement).area));
      matchesOf.set(key, matches);
    }
    const list = positions.get(pledge.capability) ?? [];
    list.push(p);
    positions.set(pledge.capability, list);
    flexibility[p] = matches.length;
    if (matches.length > 0) matched[p] = 1;
    for (const r of matches) (lists[r] as number[]).push(p);
  });
  const sourceStart = new Int32Array(ordered.length + 1);
  const total = lists.reduce((sum, list) => sum + list.length, 0);
  const source = new Int32Array(total);
  let at = 0;
  lists.forEach((list, r) => {
    list.sort((a, b) => (flexibility[a] as number) - (flexibility[b] as number) || compareText((pledges[a] as Pledge).id, (pledges[b] as Pledge).id));
    for (const p of list) source[at++] = p;
    sourceStart[r + 1] = at;
  });
  const byCapability = new Map([...positions].map(([capability, list]) => [capability, Int32Array.from(list)]));
  return { requirements: ordered, pledges, sourceStart, source, matched, flexibility, byCapability };
}

/** Coverage of every requirement for the pledges' states (by position in the index's pledges). */
export function fillCoverageReport(index: CoverageIndex, states: CoverageStates): CoverageReport {
  const { requirements, pledges, sourceStart, source } = index;
  const quantityMin = (p: number): number => (states[p] === COVERAGE_CERTAIN ? ((pledges[p] as Pledge).quantity?.min ?? 0) : 0);
  const quantityMax = (p: number): number => (states[p] === COVERAGE_INACTIVE ? 0 : ((pledges[p] as Pledge).quantity?.max ?? 0));
  const minPass = allocate(index, quantityMin);
  const maxPass = allocate(index, quantityMax);
  const rows = requirements.map((requirement, r) => {
    const allocations: Allocation[] = [];
    const unquantified: string[] = [];
    let supplyMin = 0;
    let supplyMax = 0;
    const end = sourceStart[r + 1] as number;
    for (let i = sourceStart[r] as number; i < end; i++) {
      const p = source[i] as number;
      const pledge = pledges[p] as Pledge;
      const min = minPass.taken[i] as number;
      const max = maxPass.taken[i] as number;
      supplyMin += min;
      supplyMax += max;
      if (min > 0 || max > 0) allocations.push({ pledge: pledge.id, party: pledge.party, min, max });
      if (states[p] !== COVERAGE_INACTIVE && pledge.quantity === null) unquantified.push(pledge.id);
    }
    return describeRow(requirement, supplyMin, supplyMax, allocations, unquantified);
  });
  return { requirements: rows, capabilities: summariseCapabilities(index, rows, minPass.left, maxPass.left), packages: summarise(rows, (row) => row.package) };
}

// One pass of the greedy allocation: `taken` per (requirement, source) slot of the CSR, `left` per pledge.
function allocate(index: CoverageIndex, quantityOf: (p: number) => number): { taken: Float64Array; left: Float64Array } {
  const { requirements, sourceStart, source, matched } = index;
  const left = new Float64Array(matched.length);
  for (let p = 0; p < matched.length; p++) if (matched[p] === 1) left[p] = quantityOf(p);
  const taken = new Float64Array(source.length);
  requirements.forEach((requirement, r) => {
    let need = requirement.quantity ?? Infinity;
    const end = sourceStart[r + 1] as number;
    for (let i = sourceStart[r] as number; i < end && need > 0; i++) {
      const p = source[i] as number;
      const available = left[p] as number;
      const take = Math.min(available, need);
      if (take <= 0) continue;
      taken[i] = take;
      left[p] = available - take;
      need -= take;
    }
  });
  return { taken, left };
}

function summariseCapabilities(index: CoverageIndex, rows: readonly RequirementCoverage[], leftMin: Float64Array, leftMax: Float64Array): CapabilityCoverage[] {
  return summarise(rows, (row) => row.capability).map((group: AggregateCoverage) => {
    let unallocatedMin = 0;
    let unallocatedMax = 0;
    for (const p of index.byCapability.get(group.id) ?? []) {
      unallocatedMin += leftMin[p] as number;
      unallocatedMax += leftMax[p] as number;
    }
    return { ...group, unallocatedMin, unallocatedMax };
  });
}

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
