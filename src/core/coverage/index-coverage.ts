import { anyAreaCovers } from '../areas.js';
import type { Pledge, Requirement } from '../types.js';

// Coverage (DESIGN.md §5) in two steps: the index, once per set of candidate pledges (which pledges can serve which
// requirement, in the order coverage takes them: least flexible first, then by id), and the fill, once per
// scenario (fill-coverage.ts: the pledges' states decide what each gives). Indexing groups pledges by capability
// and tests each (capability, area list) against the requirements of that capability once: O(R + P log P).
// computeCoverage (compute-coverage.ts) is the same in one call.

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

export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
