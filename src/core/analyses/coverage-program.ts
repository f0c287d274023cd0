import { anyAreaCovers } from '../areas.js';
import type { Network } from '../activation/compile-network.js';
import type { Requirement } from '../types.js';

// Coverage (compute-coverage.ts) compiled for many evaluations over one network: requirements in priority order,
// each with its matching pledges least flexible first, as network pledge indices. Filling it for a set of active
// pledges gives the same supplies as computeCoverage, in time linear in the (requirement, pledge) matches.

export interface CoverageProgram {
  /** Requirements in priority order (then id), as computeCoverage lists them. */
  requirements: Requirement[];
  /** Per requirement (same order): its demand, Infinity without an estimate. */
  demand: Float64Array;
  /** CSR: the matching pledges of each requirement, least flexible first, then by id. */
  sourceStart: Int32Array;
  source: Int32Array;
  /** Working arrays: what is left of each pledge during a fill, valid where stamp[p] is the fill's mark. */
  left: Float64Array;
  stamp: Int32Array;
  mark: number;
}

/** Compile coverage for a network: which pledges can serve which requirement, in the order coverage takes them. */
export function compileCoverage(network: Network, requirements: readonly Requirement[]): CoverageProgram {
  const ordered = [...requirements].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
  const pledges = network.pledgeIds.length;
  const fits = (p: number, requirement: Requirement): boolean =>
    network.capabilityIds[network.pledgeCapability[p] as number] === requirement.capability &&
    anyAreaCovers(network.areaLists[network.pledgeAreas[p] as number] as readonly string[], requirement.area);
  // Matching by (capability, area list) once: pledges sharing both match the same requirements.
  const matchesOf = new Map<string, number[]>();
  const flexibility = new Int32Array(pledges);
  const lists: number[][] = ordered.map(() => []);
  for (let p = 0; p < pledges; p++) {
    const key = `${network.pledgeCapability[p]}:${network.pledgeAreas[p]}`;
    let matches = matchesOf.get(key);
    if (!matches) {
      matches = [];
      for (let r = 0; r < ordered.length; r++) if (fits(p, ordered[r] as Requirement)) matches.push(r);
      matchesOf.set(key, matches);
    }
    flexibility[p] = matches.length;
    for (const r of matches) (lists[r] as number[]).push(p);
  }
  const sourceStart = new Int32Array(ordered.length + 1);
  const source: number[] = [];
  lists.forEach((list, r) => {
    list.sort((a, b) => (flexibility[a] as number) - (flexibility[b] as number) || compareText(network.pledgeIds[a] as string, network.pledgeIds[b] as string));
    for (const p of list) source.push(p);
    sourceStart[r + 1] = source.length;
  });
  return {
    requirements: ordered,
    demand: Float64Array.from(ordered, (r) => r.quantity ?? Infinity),
    sourceStart,
    source: Int32Array.from(source),
    left: new Float64Array(pledges),
    stamp: new Int32Array(pledges),
    mark: 0,
  };
}

/**
 * Fill every requirement from the active pledges (active[p] === 1, network order) at the given quantities; writes
 * each requirement's supply into `out`. Requirements take in priority order, so no pledge counts twice.
 */
export function fillCoverage(program: CoverageProgram, active: Uint8Array, quantity: Float64Array, out: Float64Array): void {
  const { demand, sourceStart, source, left, stamp } = program;
  const mark = nextMark(program);
  for (let r = 0; r < demand.length; r++) {
    let need = demand[r] as number;
    let taken = 0;
    const end = sourceStart[r + 1] as number;
    for (let i = sourceStart[r] as number; i < end && need > 0; i++) {
      const p = source[i] as number;
      // A pledge's remainder is set on first touch in this fill: a fill that ends early reads few pledges.
      const available = stamp[p] === mark ? (left[p] as number) : active[p] === 1 ? (quantity[p] as number) : 0;
      stamp[p] = mark;
      if (available <= 0) {
        left[p] = 0;
        continue;
      }
      const take = available < need ? available : need;
      left[p] = available - take;
      need -= take;
      taken += take;
    }
    out[r] = taken;
  }
}

// A new mark for a fill; the stamps restart before the counter would overflow.
function nextMark(program: CoverageProgram): number {
  if (program.mark >= 0x7ffffff0) {
    program.stamp.fill(0);
    program.mark = 0;
  }
  program.mark += 1;
  return program.mark;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/**
 * fillCoverage for one sample of a batch: pledge p is active when bit `bit` of words[p] is set. Writes the
 * requirements' supplies into out[offset …].
 */
export function fillCoverageFromWords(program: CoverageProgram, words: Uint32Array, bit: number, quantity: Float64Array, out: Float64Array, offset: number): void {
  const { demand, sourceStart, source, left, stamp } = program;
  const mark = nextMark(program);
  for (let r = 0; r < demand.length; r++) {
    let need = demand[r] as number;
    let taken = 0;
    const end = sourceStart[r + 1] as number;
    for (let i = sourceStart[r] as number; i < end && need > 0; i++) {
      const p = source[i] as number;
      const available = stamp[p] === mark ? (left[p] as number) : ((words[p] as number) >>> bit) & 1 ? (quantity[p] as number) : 0;
      stamp[p] = mark;
      if (available <= 0) {
        left[p] = 0;
        continue;
      }
      const take = available < need ? available : need;
      left[p] = available - take;
      need -= take;
      taken += take;
    }
    out[offset + r] = taken;
  }
}
