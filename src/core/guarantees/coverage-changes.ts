import type { RequirementCoverage } from '../coverage/coverage-rows.js';

// What a trigger adds to the coverage of requirements: the rows whose supply or contributing pledges change.

/** One requirement's coverage before and after the trigger, with the pledges that now serve it. */
export interface RequirementChange {
  requirement: string;
  capability: string;
  demand: number | null;
  before: { min: number; max: number };
  after: { min: number; max: number };
  /** Pledges serving it after the trigger that did not before (allocated or without a figure). */
  added: string[];
}

/** The requirements whose coverage changes between the two scenarios (after's order). */
export function coverageChanges(before: readonly RequirementCoverage[], after: readonly RequirementCoverage[]): RequirementChange[] {
  const earlier = new Map(before.map((row) => [row.requirement, row]));
  const serving = (row: RequirementCoverage | undefined): Set<string> =>
    new Set(row ? [...row.allocations.map((allocation) => allocation.pledge), ...row.unquantifiedPledges] : []);
  const changes: RequirementChange[] = [];
  for (const row of after) {
    const old = earlier.get(row.requirement);
    const had = serving(old);
    const added = [...serving(row)].filter((id) => !had.has(id)).sort();
    const beforeRange = { min: old?.supplyMin ?? 0, max: old?.supplyMax ?? 0 };
    if (added.length === 0 && beforeRange.min === row.supplyMin && beforeRange.max === row.supplyMax) continue;
    changes.push({ requirement: row.requirement, capability: row.capability, demand: row.demand, before: beforeRange, after: { min: row.supplyMin, max: row.supplyMax }, added });
  }
  return changes;
}
