import { anyAreaCovers } from '../areas.js';
import type { Pledge, Requirement } from '../types.js';
import { compareText, type CoverageIndex } from './index-coverage.js';

// A coverage index (index-coverage.ts) after a few candidates were removed, inserted or replaced — a deleted pledge,
// one whose capability or areas changed — without indexing the others again. The kept pledges keep their
// capability, areas and id (diffCandidates pairs only those), hence their flexibility and their order in every
// requirement's list: their positions are renumbered, the removed ones dropped, and the new ones matched against
// their capability's requirements and merged in. A created pledge is the case of one appended, every position kept
// (appendToCoverage). Linear in the index's size, no sorting of what was sorted. Equal to indexing anew: property-tested through
// compiled-candidates.property.test.ts and remap-coverage.property.test.ts.

/**
 * The index of `pledges`, made from `index` (of the previous candidates, the same requirements): `oldToNew` gives
 * each previous candidate's new position (-1: gone), increasing; `inserted` the new positions of the others, ascending.
 */
export function remapCoverage(index: CoverageIndex, pledges: readonly Pledge[], oldToNew: Int32Array, inserted: readonly number[]): CoverageIndex {
  const { requirements } = index;
  const requirementsOf = new Map<string, number[]>();
  requirements.forEach((requirement, r) => {
    const list = requirementsOf.get(requirement.capability) ?? [];
    list.push(r);
    requirementsOf.set(requirement.capability, list);
  });
  const flexibility = new Int32Array(pledges.length);
  const matched = new Uint8Array(pledges.length);
  for (let p = 0; p < oldToNew.length; p++) {
    const q = oldToNew[p] as number;
    if (q < 0) continue;
    flexibility[q] = index.flexibility[p] as number;
    matched[q] = index.matched[p] as number;
  }
  const added: number[][] = requirements.map(() => []);
  const insertedOf = new Map<string, number[]>();
  for (const p of inserted) {
    const pledge = pledges[p] as Pledge;
    const candidates = requirementsOf.get(pledge.capability);
    if (!candidates) continue;
    const matches = candidates.filter((r) => anyAreaCovers(pledge.areas, (requirements[r] as Requirement).area));
    flexibility[p] = matches.length;
    if (matches.length > 0) matched[p] = 1;
    for (const r of matches) (added[r] as number[]).push(p);
    const list = insertedOf.get(pledge.capability) ?? [];
    list.push(p);
    insertedOf.set(pledge.capability, list);
  }
  const order = (a: number, b: number): number => (flexibility[a] as number) - (flexibility[b] as number) || compareText((pledges[a] as Pledge).id, (pledges[b] as Pledge).id);
  const source = new Int32Array(index.source.length + added.reduce((sum, list) => sum + list.length, 0));
  const sourceStart = new Int32Array(requirements.length + 1);
  let at = 0;
  added.forEach((list, r) => {
    list.sort(order);
    at = mergeInto(source, at, index.source, index.sourceStart[r] as number, index.sourceStart[r + 1] as number, oldToNew, list, order);
    sourceStart[r + 1] = at;
  });
  const byCapability = new Map<string, Int32Array>();
  for (const capability of new Set([...index.byCapability.keys(), ...insertedOf.keys()])) {
    const old = index.byCapability.get(capability) ?? EMPTY;
    const list = insertedOf.get(capability) ?? [];
    const merged = new Int32Array(old.length + list.length);
    const length = mergeInto(merged, 0, old, 0, old.length, oldToNew, list, (a, b) => a - b);
    if (length > 0) byCapability.set(capability, merged.slice(0, length));
  }
  return { requirements, pledges, sourceStart, source: source.slice(0, at), matched, flexibility, byCapability };
}

/** The index of `pledges`, whose first `index.pledges.length` entries are the indexed ones (a create appends). */
export function appendToCoverage(index: CoverageIndex, pledges: readonly Pledge[]): CoverageIndex {
  const before = index.pledges.length;
  const kept = new Int32Array(before);
  for (let p = 0; p < before; p++) kept[p] = p;
  const appended: number[] = [];
  for (let p = before; p < pledges.length; p++) appended.push(p);
  return remapCoverage(index, pledges, kept, appended);
}

const EMPTY = new Int32Array(0);

// Writes into `out` from `at` the kept entries of old[from, to) renumbered, merged with `list` (new positions), both in
// `order`; returns where it stopped.
function mergeInto(out: Int32Array, at: number, old: Int32Array, from: number, to: number, oldToNew: Int32Array, list: readonly number[], order: (a: number, b: number) => number): number {
  let i = from;
  let j = 0;
  for (;;) {
    while (i < to && (oldToNew[old[i] as number] as number) < 0) i++;
    if (i >= to && j >= list.length) return at;
    const kept = i < to ? (oldToNew[old[i] as number] as number) : -1;
    if (j >= list.length || (kept >= 0 && order(kept, list[j] as number) <= 0)) {
      out[at++] = kept;
      i++;
    } else out[at++] = list[j++] as number;
  }
}
