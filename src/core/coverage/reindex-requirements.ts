import { anyAreaCovers } from '../areas.js';
import type { Pledge, Requirement } from '../types.js';
import { compareText, type CoverageIndex } from './index-coverage.js';

// A coverage index (index-coverage.ts) for changed requirements — what a requirement write does — over the same
// candidate pledges (same ids, capabilities and areas at the same positions), without indexing them all again.
// Which pledges serve a requirement, and in which order, depends only on the requirements of its capability (their
// areas give each pledge of that capability its flexibility): a capability whose requirements have the same ids
// and areas keeps every list, its pledges' flexibility and its positions; only the pledges of the capabilities
// whose requirements changed are matched and sorted again. Equal to indexing anew: property-tested in
// reindex-requirements.property.test.ts and through compiled-candidates.property.test.ts.

/** The index of `requirements` over `pledges`, whose ids, capabilities and areas are those `index` was built for. */
export function reindexRequirements(index: CoverageIndex, requirements: readonly Requirement[], pledges: readonly Pledge[]): CoverageIndex {
  const ordered = [...requirements].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
  const placements = (list: readonly Requirement[]): Map<string, string[]> => {
    const byCapability = new Map<string, string[]>();
    for (const requirement of list) {
      const entries = byCapability.get(requirement.capability) ?? [];
      entries.push(`${requirement.id}\n${requirement.area}`);
      byCapability.set(requirement.capability, entries);
    }
    for (const entries of byCapability.values()) entries.sort();
    return byCapability;
  };
  const before = placements(index.requirements);
  const after = placements(ordered);
  const changed = new Set<string>();
  for (const capability of new Set([...before.keys(), ...after.keys()])) {
    const a = before.get(capability);
    const b = after.get(capability);
    if (!a || !b || a.length !== b.length || a.some((entry, i) => entry !== b[i])) changed.add(capability);
  }
  const oldListOf = new Map<string, Int32Array>();
  index.requirements.forEach((requirement, r) => oldListOf.set(requirement.id, index.source.subarray(index.sourceStart[r] as number, index.sourceStart[r + 1] as number)));
  const flexibility = index.flexibility.slice();
  const matched = index.matched.slice();
  const byCapability = new Map<string, Int32Array>();
  for (const [capability, positions] of index.byCapability) if (!changed.has(capability) && after.has(capability)) byCapability.set(capability, positions);
  const lists = new Map<number, Int32Array>();
  for (const capability of changed) {
    // The pledges of a capability that had no requirement are found by a pass over the candidates.
    const positions = index.byCapability.get(capability) ?? Int32Array.from(pledgePositions(pledges, capability));
    const targets: number[] = [];
    ordered.forEach((requirement, r) => {
      if (requirement.capability === capability) targets.push(r);
    });
    const matching: number[][] = targets.map(() => []);
    const matchesOf = new Map<string, number[]>();
    for (const p of positions) {
      const pledge = pledges[p] as Pledge;
      const key = pledge.areas.join('\n');
      let matches = matchesOf.get(key);
      if (!matches) {
        matches = [];
        targets.forEach((r, t) => {
          if (anyAreaCovers(pledge.areas, (ordered[r] as Requirement).area)) (matches as number[]).push(t);
        });
        matchesOf.set(key, matches);
      }
      flexibility[p] = matches.length;
      matched[p] = matches.length > 0 ? 1 : 0;
      for (const t of matches) (matching[t] as number[]).push(p);
    }
    targets.forEach((r, t) => {
      const list = matching[t] as number[];
      list.sort((a, b) => (flexibility[a] as number) - (flexibility[b] as number) || compareText((pledges[a] as Pledge).id, (pledges[b] as Pledge).id));
      lists.set(r, Int32Array.from(list));
    });
    if (targets.length > 0 && positions.length > 0) byCapability.set(capability, positions);
  }
  const sourceStart = new Int32Array(ordered.length + 1);
  const parts = ordered.map((requirement, r) => lists.get(r) ?? (oldListOf.get(requirement.id) as Int32Array));
  const source = new Int32Array(parts.reduce((sum, list) => sum + list.length, 0));
  let at = 0;
  parts.forEach((list, r) => {
    source.set(list, at);
    at += list.length;
    sourceStart[r + 1] = at;
  });
  return { requirements: ordered, pledges, sourceStart, source, matched, flexibility, byCapability };
}

function pledgePositions(pledges: readonly Pledge[], capability: string): number[] {
  const positions: number[] = [];
  pledges.forEach((pledge, p) => {
    if (pledge.capability === capability) positions.push(p);
  });
  return positions;
}
