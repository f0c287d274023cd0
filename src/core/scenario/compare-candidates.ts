import type { Pledge, Requirement } from '../types.js';

// What of a compiled form (compiled-candidates.ts) still holds for a new selection of candidates. The network is
// built from each candidate's id, party, capability, quantity, areas and condition (its parse depends on the text
// alone), in candidate order; the coverage index from the candidates' ids, capabilities and areas, in candidate
// order, and the requirements (quantities are read when a scenario fills it). A write leaves every other
// candidate the same object, so only the objects that differ are compared field by field.

export interface Sameness {
  /** The same candidate ids at the same positions. */
  positions: boolean;
  network: boolean;
  coverage: boolean;
  /** The coverage index holds for the first candidates and the rest were appended (a created pledge). */
  appended: boolean;
  /** The candidates are placed as the coverage index has them (ids, capabilities, areas); the requirements may differ. */
  placed: boolean;
  /** The same candidate ids at the same positions, and more after them. */
  prefix: boolean;
}

interface Before {
  candidates: readonly Pledge[];
  coverage: { requirements: readonly Requirement[] };
}

/** Which parts compiled for `before` are those of `candidates` (and the dataset's `requirements`). */
export function compareCandidates(before: Before, candidates: readonly Pledge[], dataset: { requirements: readonly Requirement[] }): Sameness {
  const old = before.candidates;
  const differ: Sameness = { positions: false, network: false, coverage: false, appended: false, prefix: false, placed: false };
  if (old.length > candidates.length) return differ;
  let network = old.length === candidates.length;
  let placed = true;
  for (let i = 0; i < old.length; i++) {
    const a = old[i] as Pledge;
    const b = candidates[i] as Pledge;
    if (a === b) continue;
    if (a.id !== b.id) return differ;
    const same = a.capability === b.capability && sameList(a.areas, b.areas);
    placed &&= same;
    network &&= same && sameActivation(a, b);
  }
  const coverage = placed && sameRequirements(before.coverage.requirements, dataset.requirements);
  if (old.length < candidates.length) return { ...differ, appended: coverage, prefix: true };
  return { positions: true, network, coverage, appended: false, prefix: false, placed };
}

/** Where each old candidate is among the new ones, and which new ones are not old ones (see diffCandidates). */
export interface CandidateDiff {
  /** Per old candidate, its new position (-1: gone, or replaced by a pledge the network compiles otherwise); increasing. */
  oldToNew: Int32Array;
  /** New positions of candidates that are not kept ones, ascending. */
  inserted: number[];
}

/**
 * The candidates as the old ones with a few removed, inserted or replaced (at most `limit` of those in all), or
 * undefined when more changed. Both lists keep the dataset's order, so one pass over them pairs the kept ones:
 * an old candidate whose id is not the next new one's is gone when the new one is an old id (further on), and
 * the new one is inserted otherwise. A candidate whose activation inputs changed counts as replaced.
 */
export function diffCandidates(old: readonly Pledge[], candidates: readonly Pledge[], oldIds: ReadonlyMap<string, number>, limit: number): CandidateDiff | undefined {
  const oldToNew = new Int32Array(old.length).fill(-1);
  const inserted: number[] = [];
  let removed = 0;
  let i = 0;
  let j = 0;
  while (i < old.length || j < candidates.length) {
    const a = old[i];
    const b = candidates[j];
    if (a !== undefined && b !== undefined && a.id === b.id) {
      if (a === b || sameActivation(a, b)) oldToNew[i] = j;
      else {
        removed++;
        inserted.push(j);
      }
      i++;
      j++;
    } else if (a !== undefined && (b === undefined || oldIds.has(b.id))) {
      removed++;
      i++;
    } else {
      inserted.push(j);
      j++;
    }
    if (removed + inserted.length > limit) return undefined;
  }
  return { oldToNew, inserted };
}

// What the network reads of a pledge besides its id (the condition's parse depends on its text alone).
function sameActivation(a: Pledge, b: Pledge): boolean {
  return sameNames(a, b) && sameQuantity(a.quantity, b.quantity);
}

/** Whether two versions of a pledge name the same party, capability, areas and condition (its quantity may differ). */
export function sameNames(a: Pledge, b: Pledge): boolean {
  return a.party === b.party && a.capability === b.capability && sameList(a.areas, b.areas) && a.condition === b.condition;
}

// A write replaces only the requirement it changes: the same objects, in any order.
export function sameRequirements(indexed: readonly Requirement[], now: readonly Requirement[]): boolean {
  if (indexed.length !== now.length) return false;
  const known = new Set(indexed);
  return now.every((requirement) => known.has(requirement));
}

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((item, i) => item === b[i]);
}

function sameQuantity(a: Pledge['quantity'], b: Pledge['quantity']): boolean {
  return a === b || (a !== null && b !== null && a.min === b.min && a.max === b.max);
}
