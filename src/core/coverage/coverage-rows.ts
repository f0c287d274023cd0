import type { Pledge, Requirement } from '../types.js';

// The rows of a coverage report (DESIGN.md §5) and how they are summed up per capability and package.

export interface CoveragePledge {
  pledge: Pledge;
  state: 'certain' | 'possible' | 'inactive';
}

export interface Allocation {
  pledge: string;
  party: string;
  min: number;
  max: number;
}

export interface RequirementCoverage {
  requirement: string;
  capability: string;
  area: string;
  priority: number;
  package?: string;
  estimate: boolean;
  /** null when there is no public estimate of the need. */
  demand: number | null;
  supplyMin: number;
  supplyMax: number;
  /** Demand not covered: best case (from supplyMax) and worst case (from supplyMin); null without demand. */
  shortfallMin: number | null;
  shortfallMax: number | null;
  /** Share of demand covered, 0–1; null without demand. */
  coveredMin: number | null;
  coveredMax: number | null;
  allocations: Allocation[];
  /** Matching certain or possible pledges that give no number. */
  unquantifiedPledges: string[];
  /** How many pledges serve the requirement: the allocated and the unquantified ones, each once. */
  pledgeCount: number;
  /** The sources the allocated and unquantified pledges cite, each once (a scenario's rows have them). */
  pledgeSources?: string[];
}

export interface AggregateCoverage {
  id: string;
  /** Sum of the quantified demands; requirements without an estimate add nothing. */
  demand: number;
  supplyMin: number;
  supplyMax: number;
  requirements: number;
  unestimatedRequirements: number;
}

export interface CapabilityCoverage extends AggregateCoverage {
  /** Supply left over after every requirement took its share. */
  unallocatedMin: number;
  unallocatedMax: number;
}

export interface CoverageReport {
  requirements: RequirementCoverage[];
  capabilities: CapabilityCoverage[];
  packages: AggregateCoverage[];
}

/** One requirement's row from what it got. */
export function describeRow(
  requirement: Requirement,
  supplyMin: number,
  supplyMax: number,
  allocations: Allocation[],
  unquantifiedPledges: string[],
): RequirementCoverage {
  const demand = requirement.quantity;
  const share = (supply: number): number | null => (demand === null ? null : demand === 0 ? 1 : supply / demand);
  const row: RequirementCoverage = {
    requirement: requirement.id,
    capability: requirement.capability,
    area: requirement.area,
    priority: requirement.priority,
    estimate: requirement.estimate,
    demand,
    supplyMin,
    supplyMax,
    shortfallMin: demand === null ? null : demand - supplyMax,
    shortfallMax: demand === null ? null : demand - supplyMin,
    coveredMin: share(supplyMin),
    coveredMax: share(supplyMax),
    allocations,
    unquantifiedPledges,
    pledgeCount: countServingPledges(allocations, unquantifiedPledges),
  };
  if (requirement.package !== undefined) row.package = requirement.package;
  return row;
}

/** The distinct pledges among a row's allocations and unquantified pledges. */
export function countServingPledges(allocations: readonly Allocation[], unquantifiedPledges: readonly string[]): number {
  // A requirement lists each matching pledge once, and a pledge that gives no number is never allocated, so the
  // two lists are disjoint and without repeats (the fill's property test checks this against a set).
  return allocations.length + unquantifiedPledges.length;
}

/** Sums of rows grouped by capability or package, sorted by id. */
export function summarise(rows: readonly RequirementCoverage[], groupOf: (row: RequirementCoverage) => string | undefined): AggregateCoverage[] {
  const groups = new Map<string, AggregateCoverage>();
  for (const row of rows) {
    const id = groupOf(row);
    if (id === undefined) continue;
    const group = groups.get(id) ?? { id, demand: 0, supplyMin: 0, supplyMax: 0, requirements: 0, unestimatedRequirements: 0 };
    group.demand += row.demand ?? 0;
    group.supplyMin += row.supplyMin;
    group.supplyMax += row.supplyMax;
    group.requirements += 1;
    if (row.demand === null) group.unestimatedRequirements += 1;
    groups.set(id, group);
  }
  return [...groups.values()].sort((a, b) => compareText(a.id, b.id));
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
