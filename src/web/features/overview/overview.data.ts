import type { RequirementCoverage } from '../../../core/coverage/compute-coverage.js';
import type { ScenarioFact, ScenarioPledge, ScenarioJson } from '../../../core/scenario/evaluate-scenario.js';
import type { Fact, FactValue, Party, Requirement } from '../../../core/types.js';

// Shapes a scenario result for the overview: fact switches, coverage bars, headline figures, the assurance
// gap and the explanations. Pure: the components only draw what comes out of here.

export interface FactSwitch {
  id: string;
  recorded: FactValue;
  value: FactValue;
  overridden: boolean;
  description: string | undefined;
  /** The fact's short name and one-line explanation in English and German, where the record has them. */
  name?: { en: string; de: string } | undefined;
  explanation?: { en: string; de: string } | undefined;
}

type NamedFact = Fact & { name?: { en: string; de: string }; explanation?: { en: string; de: string } };

/**
 * One switch per fact: the value the records give and the value in the scenario. For a derived fact the records'
 * value is the derived one (`derived`, read from a scenario result), not the stored fallback.
 */
export function buildFactSwitches(
  facts: readonly NamedFact[],
  overrides: ReadonlyMap<string, FactValue>,
  derived: ReadonlyMap<string, FactValue> = new Map(),
): FactSwitch[] {
  return [...facts]
    .sort((a, b) => a.id.localeCompare(b.id))
    .map((fact) => {
      const override = overrides.get(fact.id);
      const recorded = derived.get(fact.id) ?? fact.value;
      return {
        id: fact.id,
        recorded,
        value: override ?? recorded,
        overridden: override !== undefined && override !== recorded,
        description: fact.description,
        name: fact.name,
        explanation: fact.explanation,
      };
    });
}

/**
 * The facts to send with a scenario request: the ones switched away from their stored value, and every switch of a
 * derived fact — the server derives its value from the records, so a switch equal to the stored value still
 * differs from what the server would use.
 */
export function scenarioFacts(facts: readonly Fact[], overrides: ReadonlyMap<string, FactValue>): { id: string; value: FactValue }[] {
  return [...facts]
    .sort((a, b) => a.id.localeCompare(b.id))
    .flatMap((fact) => {
      const value = overrides.get(fact.id);
      return value !== undefined && (value !== fact.value || fact.derivation) ? [{ id: fact.id, value }] : [];
    });
}

/** The derived facts' values of a scenario result (only those not switched carry `derived`). */
export function derivedValues(facts: readonly ScenarioFact[]): Map<string, FactValue> {
  return new Map(facts.flatMap((fact) => (fact.derived ? [[fact.id, fact.value] as const] : [])));
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
  /** How many pledges fill this requirement. */
  pledges: number;
  /** The sources those pledges cite (they back the supply figure). */
  pledgeSources: string[];
}

/** A coverage row as the evaluation answers it by default: without each pledge's allocated share (`pledgeCount` counts them). */
export type CoverageRow = Omit<RequirementCoverage, 'allocations'>;

/** A scenario as the evaluation route answers it by default: coverage rows without their allocations. */
export type ServedScenario = Omit<ScenarioJson, 'coverage'> & { coverage: readonly CoverageRow[] };

/** Coverage rows as bars with the certain–possible range and the demand line. */
export function buildCoverageBars(coverage: readonly CoverageRow[], requirements: readonly Requirement[]): CoverageBar[] {
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
      pledges: row.pledgeCount,
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
export function buildHeadline(result: ServedScenario, parties: readonly Party[]): Headline {
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
  /** A guarantee commitment standing by: its trigger (docs/guarantees.md). */
  standby?: string;
}

/** Every pledge that is not certain, with its explanation in the UI's language (`explain`); inactive first, guarantee commitments standing by last. (Certain pledges of the assurance gap are listed with the gap.) */
export function explainedPledges(result: ServedScenario, explain: (pledge: ScenarioPledge) => string | null, states: readonly Explained['state'][] = ['inactive', 'possible']): Explained[] {
  const order = { inactive: 0, possible: 1, certain: 2 } as const;
  return result.pledges
    .filter((pledge) => states.includes(pledge.state))
    .map((pledge) => ({ id: pledge.id, party: pledge.party, state: pledge.state, explanation: explain(pledge), ...(pledge.standby !== undefined ? { standby: pledge.standby } : {}) }))
    .filter((entry): entry is Explained => entry.explanation !== null)
    .sort((a, b) => Number(a.standby !== undefined) - Number(b.standby !== undefined) || order[a.state] - order[b.state] || a.id.localeCompare(b.id));
}

export interface PackageSeries {
  ids: string[];
  titles: string[];
  certain: number[];
  possible: number[];
  /** The demand of the group when every requirement in it has an estimate, else null (no marker). */
  demand: (number | null)[];
}

/**
 * Per package and unit: certain supply, possible supply on top, and the demand (the package chart's series).
 * Requirements counted in different units (persons, sites, platforms) are never added together: a package
 * with two units gets a bar for each. `title(package, unit)` names a bar.
 */
export function buildPackageSeries(coverage: readonly CoverageRow[], unitOf: (capability: string) => string, title: (pkg: string, unit: string) => string): PackageSeries {
  const groups = new Map<string, { pkg: string; unit: string; certain: number; possible: number; demand: number; estimated: boolean }>();
  for (const row of coverage) {
    const pkg = row.package ?? '';
    const unit = unitOf(row.capability);
    const key = `${pkg}\u0000${unit}`;
    const group = groups.get(key) ?? { pkg, unit, certain: 0, possible: 0, demand: 0, estimated: true };
    group.certain += row.supplyMin;
    group.possible += row.supplyMax - row.supplyMin;
    if (row.demand === null) group.estimated = false;
    else group.demand += row.demand;
    groups.set(key, group);
  }
  const list = [...groups.values()];
  return {
    ids: list.map((group) => `${group.pkg}:${group.unit}`),
    titles: list.map((group) => title(group.pkg, group.unit)),
    certain: list.map((group) => group.certain),
    possible: list.map((group) => group.possible),
    demand: list.map((group) => (group.estimated ? group.demand : null)),
  };
}

export interface Unlock {
  fact: string;
  certain: number;
  possible: number;
}

export interface MissingRow {
  requirement: string;
  capability: string;
  priority: number;
  demand: number;
  supplyMin: number;
  supplyMax: number;
  /** Demand not covered by certain supply, and not covered even at best. */
  missingCertain: number;
  missingAtBest: number;
  /** Facts that would add supply to this requirement if they became true, most certain supply first. */
  unlocks: Unlock[];
}

export interface Unestimated {
  requirement: string;
  capability: string;
  priority: number;
  supplyMin: number;
  supplyMax: number;
  /** Pledges offered for it (with and without a number). */
  pledges: number;
}

/** The part of POST /api/analyses/unlockers the answer reads. */
export interface UnlockerFacts {
  facts: readonly { fact: string; coverage: readonly { requirement: string; supplyMinDelta: number; supplyMaxDelta: number }[] }[];
}

export interface Answer {
  missing: MissingRow[];
  unestimated: Unestimated[];
  /** Pledges offered for requirements without an estimate. */
  unestimatedPledges: number;
}

/** The overview's answer first: per requirement with an estimate, what is missing in its unit and which facts would add supply; the requirements without an estimate apart. */
export function buildAnswer(coverage: readonly CoverageRow[], unlockers: UnlockerFacts | undefined): Answer {
  const missing: MissingRow[] = [];
  const unestimated: Unestimated[] = [];
  for (const row of [...coverage].sort((a, b) => a.priority - b.priority || a.requirement.localeCompare(b.requirement))) {
    const pledges = row.pledgeCount;
    if (row.demand === null || row.demand <= 0) {
      unestimated.push({ requirement: row.requirement, capability: row.capability, priority: row.priority, supplyMin: row.supplyMin, supplyMax: row.supplyMax, pledges });
      continue;
    }
    const unlocks = (unlockers?.facts ?? [])
      .map((fact) => {
        const delta = fact.coverage.find((entry) => entry.requirement === row.requirement);
        return { fact: fact.fact, certain: delta?.supplyMinDelta ?? 0, possible: delta?.supplyMaxDelta ?? 0 };
      })
      .filter((unlock) => unlock.certain > 0 || unlock.possible > 0)
      .sort((a, b) => b.certain - a.certain || b.possible - a.possible || a.fact.localeCompare(b.fact))
      .slice(0, 3);
    missing.push({
      requirement: row.requirement,
      capability: row.capability,
      priority: row.priority,
      demand: row.demand,
      supplyMin: row.supplyMin,
      supplyMax: row.supplyMax,
      missingCertain: Math.max(0, row.demand - row.supplyMin),
      missingAtBest: Math.max(0, row.demand - row.supplyMax),
      unlocks,
    });
  }
  return { missing, unestimated, unestimatedPledges: unestimated.reduce((sum, row) => sum + row.pledges, 0) };
}
