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
}

interface Before {
  candidates: readonly Pledge[];
  coverage: { requirements: readonly Requirement[] };
}

/** Which parts compiled for `before` are those of `candidates` (and the dataset's `requirements`). */
export function compareCandidates(before: Before, candidates: readonly Pledge[], dataset: { requirements: readonly Requirement[] }): Sameness {
  const old = before.candidates;
  const differ: Sameness = { positions: false, network: false, coverage: false, appended: false };
  if (old.length > candidates.length) return differ;
  let network = old.length === candidates.length;
  let coverage = sameRequirements(before.coverage.requirements, dataset.requirements);
  for (let i = 0; i < old.length; i++) {
    const a = old[i] as Pledge;
    const b = candidates[i] as Pledge;
    if (a === b) continue;
    if (a.id !== b.id) return differ;
    const placed = a.capability === b.capability && sameList(a.areas, b.areas);
    coverage &&= placed;
    network &&= placed && a.party === b.party && a.condition === b.condition && sameQuantity(a.quantity, b.quantity);
  }
  if (old.length < candidates.length) return { ...differ, appended: coverage };
  return { positions: true, network, coverage, appended: false };
}

// A write replaces only the requirement it changes: the same objects, in any order.
function sameRequirements(indexed: readonly Requirement[], now: readonly Requirement[]): boolean {
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
