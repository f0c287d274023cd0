import { KNOWN_AREAS } from '../areas.js';
import { explainChain, type Explanation } from '../activation/explanation-chain.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import { positionsOf } from '../dataset/record-positions.js';
import type { ScenarioPledge, ScenarioResult } from './evaluate-scenario.js';

// What a draft pledge would do under a scenario (the pledge editor's preview, POST /api/scenarios/pledge-preview):
// the draft as the evaluation answers a pledge, with its explanation chain, and each requirement whose coverage
// moves, before → after. Both results come from evaluateScenario: `before` on the dataset as it is, `after` on
// the dataset with the draft written into it.

/** A requirement whose supply range changes with the draft. */
export interface CoverageChange {
  requirement: string;
  demand: number | null;
  before: { min: number; max: number };
  after: { min: number; max: number };
}

/** The draft evaluated, and what it changes. */
export interface PledgePreview {
  asOf: string | null;
  /** Whether the draft replaces a pledge of the same id the caller may see, or adds one. */
  change: 'create' | 'update';
  /** The draft as POST /api/scenarios/evaluate lists a pledge, with the structure its explanation is rendered from. */
  pledge: ScenarioPledge & { explanationChain: Explanation | null };
  coverageChanges: CoverageChange[];
  /** The areas a condition may name here (the known ones, and those the requirements and the caller's pledges use). */
  areas: string[];
}

/** The preview of the draft `id` from the results before and after it was written into `after` (the changed dataset). */
export function describePledgePreview(options: { before: ScenarioResult; after: ScenarioResult; changed: PreparedDataset; id: string; change: 'create' | 'update'; areas: readonly string[] }): PledgePreview {
  const { before, after, changed, id } = options;
  const positions = positionsOf(changed.pledges);
  const at = positions.get(id);
  if (at === undefined) throw new Error(`the draft '${id}' is not in the changed dataset`);
  const [entry] = after.pledgesAt([at]) as [ScenarioPledge];
  // The chain follows "waits for" among the candidates, as the pledge list and the web's explainer do.
  const lookup = (other: string): ScenarioPledge | undefined => {
    const position = positions.get(other);
    const found = position === undefined ? undefined : after.pledgesAt([position])[0];
    return found?.candidate === false ? undefined : found;
  };
  const chain = entry.state !== 'certain' && entry.candidate === false && entry.reasons.length === 0 ? undefined : explainChain(entry, lookup);
  return { asOf: after.asOf, change: options.change, pledge: { ...entry, explanationChain: chain ?? null }, coverageChanges: coverageChanges(before, after), areas: [...options.areas] };
}

/** The requirements whose supply range differs between two results, in the order of `after`. */
export function coverageChanges(before: ScenarioResult, after: ScenarioResult): CoverageChange[] {
  const rows = new Map(before.coverage.map((row) => [row.requirement, row]));
  const changes: CoverageChange[] = [];
  for (const row of after.coverage) {
    const previous = rows.get(row.requirement);
    if (!previous || (previous.supplyMin === row.supplyMin && previous.supplyMax === row.supplyMax)) continue;
    changes.push({ requirement: row.requirement, demand: row.demand, before: { min: previous.supplyMin, max: previous.supplyMax }, after: { min: row.supplyMin, max: row.supplyMax } });
  }
  return changes;
}

/** The areas a condition may name in a dataset: the known ones and those its pledges and requirements use, sorted. */
export function conditionAreas(dataset: PreparedDataset): string[] {
  const areas = new Set<string>(KNOWN_AREAS);
  for (const pledge of dataset.pledges) for (const area of pledge.areas) areas.add(area);
  for (const requirement of dataset.requirements) areas.add(requirement.area);
  return [...areas].sort();
}
