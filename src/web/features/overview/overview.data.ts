import type { AggregateCoverage, RequirementCoverage } from '../../../core/coverage/compute-coverage.js';
import type { ScenarioPledge, ScenarioJson } from '../../../core/scenario/evaluate-scenario.js';
import type { Fact, FactValue, Party, Requirement, RequirementPackage } from '../../../core/types.js';

// Shapes a scenario result for the overview: fact switches, coverage bars, headline figures, the assurance
// gap and the explanations. Pure: the components only draw what comes out of here.

export interface FactSwitch {
  id: string;
  recorded: FactValue;
  value: FactValue;
  overridden: boolean;
  description: string | undefined;
}

/** One switch per fact: the recorded value and the value in the scenario. */
export function buildFactSwitches(facts: readonly Fact[], overrides: ReadonlyMap<string, FactValue>): FactSwitch[] {
  return [...facts]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((fact) => {
      const override = overrides.get(fact.id);
      return { id: fact.id, recorded: fact.value, value: override ?? fact.value, overridden: override !== undefined && override !== fact.value, description: fact.description };
    });
}

/** The facts to send with a scenario request: only the ones switched away from their recorded value. */
export function scenarioFacts(facts: readonly Fact[], overrides: ReadonlyMap<string, FactValue>): { id: string; value: FactValue }[] {
  return buildFactSwitches(facts, overrides)
    .filter((entry) => entry.overridden)
    .map((entry) => ({ id: entry.id, value: entry.value }));
}

export interface CoverageBar {
  requirement: string;
  title: string;
  capability: string;
  area: string;
  priority: number;
  demand: number | null;
  estimate: boolean;
  min: number;
  max: number;
  /** Widths in % of the bar's scale (the larger of demand and best-case supply). */
  certainPct: number;
  possiblePct: number;
  demandPct: number | null;
  coveredMin: number | null;
  coveredMax: number | null;
  unquantified: number;
  sources: string[];
  /** Pledges that fill this requirement. */
  pledges: string[];
  /** The sources those pledges cite (they back the supply figure). */
  pledgeSources: string[];
}

/** Coverage rows as bars with the certain–possible range and the demand line. */
export function buildCoverageBars(coverage: readonly RequirementCoverage[], requirements: readonly Requirement[]): CoverageBar[] {
  const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
  return coverage.map((row) => {
    const requirement = byId.get(row.requirement);
    const scale = Math.max(row.demand ?? 0, row.supplyMax, 1);
    const pct = (value: number): number => Math.round((value / scale) * 1000) / 10;
    return {
      requirement: row.requirement,
      title: requirement?.title ?? row.requirement,
      capability: row.capability,
      area: row.area,
      priority: row.priority,
      demand: row.demand,
      estimate: row.estimate,
      min: row.supplyMin,
      max: row.supplyMax,
      certainPct: pct(row.supplyMin),
      possiblePct: pct(row.supplyMax - row.supplyMin),
      demandPct: row.demand === null ? null : pct(row.demand),
      coveredMin: row.coveredMin === null ? null : Math.round(row.coveredMin * 100),
      coveredMax: row.coveredMax === null ? null : Math.round(row.coveredMax * 100),
      unquantified: row.unquantifiedPledges.length,
      sources: requirement?.sources ?? [],
      pledges: [...new Set([...row.allocations.map((allocation) => allocation.pledge), ...row.unquantifiedPledges])],
      pledgeSources: row.pledgeSources ?? [],
    };
  });
}

export interface Headline {
  members: number;
  pledging: number;
  certain: number;
  possible: number;
  inactive: number;
  contributingParties: number;
  estimated: number;
  metAtBest: number;
}

/** The headline figures, counted from the data ("26 of 35 states pledge in some domain"). */
export function buildHeadline(result: ScenarioJson, parties: readonly Party[]): Headline {
  const members = new Set(parties.filter((party) => party.kind === 'state' && party.groups.includes('coalition')).map((party) => party.id));
  const pledging = new Set(result.summary.candidateParties.filter((party) => members.has(party)));
  const estimated = result.coverage.filter((row) => row.demand !== null && row.demand > 0);
  return {
    members: members.size,
    pledging: pledging.size,
    certain: result.summary.certain,
    possible: result.summary.possible,
    inactive: result.summary.inactive,
    contributingParties: result.summary.contributingParties,
    estimated: estimated.length,
    metAtBest: estimated.filter((row) => row.supplyMax >= (row.demand as number)).length,
  };
}

export interface Explained {
  id: string;
  party: string;
  state: 'certain' | 'possible' | 'inactive';
  explanation: string;
}

/** Every pledge that is not plainly certain, with its explanation in the UI's language (`explain`); inactive first. */
export function explainedPledges(result: ScenarioJson, explain: (pledge: ScenarioPledge) => string | null): Explained[] {
  const order = { inactive: 0, possible: 1, certain: 2 } as const;
  return result.pledges
    .map((pledge) => ({ id: pledge.id, party: pledge.party, state: pledge.state, explanation: explain(pledge) }))
    .filter((entry): entry is Explained => entry.explanation !== null)
    .sort((a, b) => order[a.state] - order[b.state] || a.id.localeCompare(b.id));
}

export interface PackageSeries {
  ids: string[];
  titles: string[];
  certain: number[];
  possible: number[];
  demand: number[];
}

/** Per package: certain supply, possible supply on top, and demand (the package chart's series). */
export function buildPackageSeries(packages: readonly AggregateCoverage[], records: readonly RequirementPackage[]): PackageSeries {
  const titles = new Map(records.map((record) => [record.id, record.title]));
  return {
    ids: packages.map((pkg) => pkg.id),
    titles: packages.map((pkg) => shorten(titles.get(pkg.id) ?? pkg.id, 40)),
    certain: packages.map((pkg) => pkg.supplyMin),
    possible: packages.map((pkg) => pkg.supplyMax - pkg.supplyMin),
    demand: packages.map((pkg) => pkg.demand),
  };
}

function shorten(text: string, length: number): string {
  return text.length <= length ? text : `${text.slice(0, length - 1)}…`;
}
