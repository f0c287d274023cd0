import { anyAreaCovers } from '../areas.js';
import type { Pledge, Requirement } from '../types.js';
import { compareText, type CoverageIndex } from './index-coverage.js';

// A coverage index (index-coverage.ts) with pledges appended — what a created pledge does to the candidates —
// without indexing the others again: each new pledge is matched against the requirements of its capability,
// and each requirement's list is merged with its new pledges in the order coverage takes them (least flexible
// first, then id). The existing pledges keep their positions and flexibility (the requirements are the same).
// Linear in the index's size (copies of typed arrays), no sorting of what was sorted. Equal to indexing anew:
// property-tested through compiled-candidates.property.test.ts.

/** The index of `pledges`, whose first `index.pledges.length` entries are the indexed ones (same ids, capabilities, areas). */
export function appendToCoverage(index: CoverageIndex, pledges: readonly Pledge[]): CoverageIndex {
  const { requirements } = index;
  const before = index.pledges.length;
  const requirementsOf = new Map<string, number[]>();
  requirements.forEach((requirement, r) => {
    const list = requirementsOf.get(requirement.capability) ?? [];
    list.push(r);
    requirementsOf.set(requirement.capability, list);
  });
  const flexibility = new Int32Array(pledges.length);
  flexibility.set(index.flexibility);
  const matched = new Uint8Array(pledges.length);
  matched.set(index.matched);
  const added: number[][] = requirements.map(() => []);
  const appended = new Map<string, number[]>();
  for (let p = before; p < pledges.length; p++) {
    const pledge = pledges[p] as Pledge;
    const candidates = requirementsOf.get(pledge.capability);
    if (!candidates) continue;
    const matches = candidates.filter((r) => anyAreaCovers(pledge.areas, (requirements[r] as Requirement).area));
    flexibility[p] = matches.length;
    if (matches.length > 0) matched[p] = 1;
    for (const r of matches) (added[r] as number[]).push(p);
    const list = appended.get(pledge.capability) ?? [];
    list.push(p);
    appended.set(pledge.capability, list);
  }
  const order = (a: number, b: number): number => (flexibility[a] as number) - (flexibility[b] as number) || compareText((pledges[a] as Pledge).id, (pledges[b] as Pledge).id);
  const total = index.source.length + added.reduce((sum, list) => sum + list.length, 0);
  const source = new Int32Array(total);
  const sourceStart = new Int32Array(requirements.length + 1);
  let at = 0;
  added.forEach((list, r) => {
    list.sort(order);
    let i = index.sourceStart[r] as number;
    const end = index.sourceStart[r + 1] as number;
    let j = 0;
    while (i < end || j < list.length) {
      const take = j >= list.length || (i < end && order(index.source[i] as number, list[j] as number) <= 0);
      source[at++] = take ? (index.source[i++] as number) : (list[j++] as number);
    }
    sourceStart[r + 1] = at;
  });
  const byCapability = new Map(index.byCapability);
  for (const [capability, list] of appended) {
    const old = byCapability.get(capability);
    const merged = new Int32Array((old?.length ?? 0) + list.length);
    if (old) merged.set(old);
    merged.set(list, old?.length ?? 0);
    byCapability.set(capability, merged);
  }
  return { requirements, pledges, sourceStart, source, matched, flexibility, byCapability };
}
