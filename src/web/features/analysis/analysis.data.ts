import type { AllocationResult } from '../../../core/analyses/compute-allocation.js';
import type { RiskResult } from '../../../core/analyses/compute-risk.js';
import type { UnlockersResult } from '../../../core/analyses/compute-unlockers.js';

// The Analysis page's figures from the API's answers (docs/analyses.md): the ranked unlockers as bars, P(met) per
// requirement with its interval, one requirement's supply distribution, the sensitivity tornado, the allocation
// table. Pure, tested without a browser.

export interface UnlockerBars {
  labels: string[];
  /** Per fact: the share of demand gained on estimated requirements (certain minimum, possible maximum), in %. */
  min: number[];
  max: number[];
}

/** The top facts (already ranked) as bars of demand share gained (their sentences: analysis-sentences.ts). */
export function buildUnlockerBars(result: UnlockersResult, demandOf: ReadonlyMap<string, number | null>, top = 8): UnlockerBars {
  const facts = result.facts.slice(0, top);
  const share = (deltas: { requirement: string; supplyMinDelta: number; supplyMaxDelta: number }[], pick: 'supplyMinDelta' | 'supplyMaxDelta'): number => {
    let sum = 0;
    for (const delta of deltas) {
      const demand = demandOf.get(delta.requirement);
      if (demand !== null && demand !== undefined && demand > 0) sum += (delta[pick] / demand) * 100;
    }
    return Math.round(sum * 10) / 10;
  };
  return {
    labels: facts.map((fact) => fact.fact),
    min: facts.map((fact) => share(fact.coverage, 'supplyMinDelta')),
    max: facts.map((fact) => share(fact.coverage, 'supplyMaxDelta')),
  };
}

export interface RiskRow {
  requirement: string;
  demand: number;
  /** Percentages, one decimal. */
  pMin: number;
  pMax: number;
  lowMin: number;
  highMin: number;
}

/** P(met) per requirement with an estimate, at minimum and maximum quantities, with the 95 % interval of the minimum. */
export function buildRiskRows(result: RiskResult): RiskRow[] {
  const percent = (value: number): number => Math.round(value * 1000) / 10;
  return result.requirements
    .filter((row) => row.demand !== null && row.pMetMin !== null)
    .map((row) => ({
      requirement: row.requirement,
      demand: row.demand ?? 0,
      pMin: percent(row.pMetMin ?? 0),
      pMax: percent(row.pMetMax ?? 0),
      lowMin: percent(row.ciMin?.[0] ?? 0),
      highMin: percent(row.ciMin?.[1] ?? 0),
    }));
}

/** The supply distribution (at minimum quantities) of one requirement: supplies and probabilities in %. */
export function buildDistribution(result: RiskResult, requirement: string): { supplies: number[]; percents: number[]; quantiles: { p5: number; p50: number; p95: number } | null } {
  const row = result.requirements.find((entry) => entry.requirement === requirement);
  if (!row) return { supplies: [], percents: [], quantiles: null };
  return { supplies: row.distributionMin.map((point) => point.supply), percents: row.distributionMin.map((point) => Math.round(point.p * 1000) / 10), quantiles: row.quantilesMin };
}

/** The tornado of one requirement: each fact's sensitivity in percentage points, largest effect first. */
export function buildTornado(result: RiskResult, requirement: string): { facts: string[]; points: number[] } {
  const entries = result.sensitivity.filter((entry) => entry.requirement === requirement).sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || (a.fact < b.fact ? -1 : 1));
  return { facts: entries.map((entry) => entry.fact), points: entries.map((entry) => Math.round(entry.delta * 1000) / 10) };
}

export interface AllocationRow {
  requirement: string;
  priority: number;
  demand: number | null;
  filled: number;
  greedy: number;
  shortfall: number | null;
  /** Who fills it and how much, in assignment order (the page formats the numbers). */
  fillers: { pledge: string; quantity: number }[];
  binds: boolean;
}

/** The allocation as table rows: who fills each requirement, against greedy, and whether its demand binds. */
export function buildAllocationRows(result: AllocationResult): AllocationRow[] {
  const greedy = new Map(result.greedy.map((row) => [row.requirement, row.filled]));
  const binding = new Set(result.binding.filter((entry) => entry.kind === 'demand').map((entry) => entry.id));
  return result.requirements.map((row) => ({
    requirement: row.requirement,
    priority: row.priority,
    demand: row.demand,
    filled: row.filled,
    greedy: greedy.get(row.requirement) ?? 0,
    shortfall: row.shortfall,
    fillers: result.assignments.filter((assignment) => assignment.requirement === row.requirement).map(({ pledge, quantity }) => ({ pledge, quantity })),
    binds: binding.has(row.requirement),
  }));
}

/** The requirement the distribution and tornado show first: the highest-priority one with an estimate. */
export function defaultRequirement(result: RiskResult): string | undefined {
  return [...result.requirements].filter((row) => row.demand !== null).sort((a, b) => a.priority - b.priority)[0]?.requirement;
}
