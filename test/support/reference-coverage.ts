import { anyAreaCovers } from '../../src/core/areas.js';
import { describeRow, summarise } from '../../src/core/coverage/coverage-rows.js';
import type { Allocation, CapabilityCoverage, CoveragePledge, CoverageReport, RequirementCoverage } from '../../src/core/coverage/coverage-rows.js';
import type { Pledge, Requirement } from '../../src/core/types.js';

// The reference implementation of coverage (the code before it was indexed; kept for property tests): requirements are served in priority order, each taking from the matching pledges'
// remaining quantity, so no pledge is counted twice. Two passes give the range: certain pledges at their
// minimum, then certain and possible pledges at their maximum.

export type { AggregateCoverage, Allocation, CapabilityCoverage, CoveragePledge, CoverageReport, RequirementCoverage } from '../../src/core/coverage/coverage-rows.js';

export function computeReferenceCoverage(requirements: readonly Requirement[], pledges: readonly CoveragePledge[]): CoverageReport {
  const ordered = [...requirements].sort((a, b) => a.priority - b.priority || compareText(a.id, b.id));
  const matching = ordered.map((requirement) => orderSources(requirement, pledges, requirements));
  const minPass = allocate(ordered, matching, (entry) => (entry.state === 'certain' ? (entry.pledge.quantity?.min ?? 0) : 0));
  const maxPass = allocate(ordered, matching, (entry) => (entry.state === 'inactive' ? 0 : (entry.pledge.quantity?.max ?? 0)));
  const rows = ordered.map((requirement, r) => {
    const sources = matching[r] as CoveragePledge[];
    const minTaken = minPass.taken[r] as Map<string, number>;
    const maxTaken = maxPass.taken[r] as Map<string, number>;
    const allocations: Allocation[] = [];
    for (const entry of sources) {
      const min = minTaken.get(entry.pledge.id) ?? 0;
      const max = maxTaken.get(entry.pledge.id) ?? 0;
      if (min > 0 || max > 0) allocations.push({ pledge: entry.pledge.id, party: entry.pledge.party, min, max });
    }
    const unquantified = sources.filter((e) => e.state !== 'inactive' && e.pledge.quantity === null).map((e) => e.pledge.id);
    return describeRow(requirement, sum(minTaken), sum(maxTaken), allocations, unquantified);
  });
  return {
    requirements: rows,
    capabilities: summariseCapabilities(rows, pledges, minPass.left, maxPass.left),
    packages: summarise(rows, (row) => row.package),
  };
}

// Matching pledges, least flexible first: a pledge that fits fewer requirements is used before one that fits many.
function orderSources(requirement: Requirement, pledges: readonly CoveragePledge[], all: readonly Requirement[]): CoveragePledge[] {
  const fits = (pledge: Pledge, target: Requirement): boolean =>
    pledge.capability === target.capability && anyAreaCovers(pledge.areas, target.area);
  const sources = pledges.filter((entry) => fits(entry.pledge, requirement));
  const flexibility = new Map(sources.map((entry) => [entry.pledge.id, all.filter((other) => fits(entry.pledge, other)).length]));
  return sources.sort(
    (a, b) => (flexibility.get(a.pledge.id) as number) - (flexibility.get(b.pledge.id) as number) || compareText(a.pledge.id, b.pledge.id),
  );
}

function allocate(
  ordered: readonly Requirement[],
  matching: readonly CoveragePledge[][],
  quantityOf: (entry: CoveragePledge) => number,
): { taken: Map<string, number>[]; left: Map<string, number> } {
  const left = new Map<string, number>();
  for (const sources of matching) for (const entry of sources) left.set(entry.pledge.id, quantityOf(entry));
  const taken = ordered.map((requirement, r) => {
    const perPledge = new Map<string, number>();
    let need = requirement.quantity ?? Infinity;
    for (const entry of matching[r] as CoveragePledge[]) {
      if (need <= 0) break;
      const available = left.get(entry.pledge.id) ?? 0;
      const take = Math.min(available, need);
      if (take <= 0) continue;
      perPledge.set(entry.pledge.id, take);
      left.set(entry.pledge.id, available - take);
      need -= take;
    }
    return perPledge;
  });
  return { taken, left };
}

function summariseCapabilities(
  rows: readonly RequirementCoverage[],
  pledges: readonly CoveragePledge[],
  leftMin: Map<string, number>,
  leftMax: Map<string, number>,
): CapabilityCoverage[] {
  const groups = summarise(rows, (row) => row.capability);
  return groups.map((group) => {
    let unallocatedMin = 0;
    let unallocatedMax = 0;
    for (const entry of pledges) {
      if (entry.pledge.capability !== group.id) continue;
      unallocatedMin += leftMin.get(entry.pledge.id) ?? 0;
      unallocatedMax += leftMax.get(entry.pledge.id) ?? 0;
    }
    return { ...group, unallocatedMin, unallocatedMax };
  });
}

function sum(values: Map<string, number>): number {
  let total = 0;
  for (const value of values.values()) total += value;
  return total;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
