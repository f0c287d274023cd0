import type { CandidateOptions } from '../activation/candidates.js';
import { describeExclusion } from '../activation/describe-reasons.js';
import type { Reason } from '../activation/explain-pledge.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import { evaluateScenario, type ScenarioPledge, type ScenarioResult } from '../scenario/evaluate-scenario.js';
import type { FactValue, GuaranteeTerms, IsoDate, Pledge, PledgeStatus, ResponseKind } from '../types.js';
import { coverageChanges, type RequirementChange } from './coverage-changes.js';
import { factsToTry, needsOf } from './fact-needs.js';
import { summariseResponses, type ResponseCover, unansweredParties } from './response-cover.js';

// "What if the ceasefire is violated" (docs/guarantees.md): the scenario as given with the trigger fact false
// (before) and true (after). Which guarantee commitments (pledges with guarantee terms for that trigger) activate,
// what they add per response kind and per requirement, and what stays unanswered: response kinds and coalition
// states without an activated commitment, commitments whose other conditions still fail and the single facts that
// would make them certain, commitments withdrawn. Pure: the scenario evaluation is the core's.

export interface WhatIfOptions extends CandidateOptions {
  /** The scenario's fact values (e.g. ceasefire true); the trigger's own value is set by the analysis. */
  facts?: ReadonlyMap<string, FactValue>;
  /** The fact whose turning true is asked about; default `violation`. */
  trigger?: string;
}

export type ActivationState = 'certain' | 'possible' | 'inactive';

/** A fact a commitment needs, with the value it needs and the value it has after the trigger. */
export interface FactNeed {
  fact: string;
  needs: boolean;
  value: FactValue;
}

export interface CommitmentOutcome {
  id: string;
  party: string;
  status: PledgeStatus;
  condition: string;
  responses: ResponseKind[];
  responseTime: string;
  sources: string[];
  note?: string;
  before: ActivationState;
  after: ActivationState;
  /** False when it is not even a candidate (withdrawn, superseded, not yet announced, below the minimum status). */
  candidate: boolean;
  /** Why it is not a candidate, as a sentence; null when it is one. */
  excluded: string | null;
  /** The scenario's reasons after the trigger (empty when certain): what a client renders in its own language. */
  reasons: Reason[];
  /** Why it is not certain after the trigger (the scenario's explanation); null when certain. */
  explanation: string | null;
  /** Facts its condition still fails on after the trigger (pessimistically). */
  needs: FactNeed[];
  /** Parties whose pledges it waits for. */
  waitsFor: string[];
}

/** A fact value that, set alone on top of the scenario, makes commitments certain that were not. */
export interface WhatIfUnlocker {
  fact: string;
  value: boolean;
  certain: string[];
}

export interface WhatIfResult {
  trigger: string;
  asOf: IsoDate | null;
  minStatus: PledgeStatus;
  /** The facts after the trigger (the trigger true). */
  facts: { id: string; value: FactValue }[];
  commitments: CommitmentOutcome[];
  responses: ResponseCover[];
  coverage: RequirementChange[];
  unlockers: WhatIfUnlocker[];
  unanswered: {
    /** Response kinds (unstated aside) no certain or possible commitment gives. */
    responseKinds: ResponseKind[];
    /** Coalition member states without a certain or possible commitment of their own. */
    parties: string[];
    /** Commitments that are candidates but not certain after the trigger. */
    pending: string[];
    /** Commitments withdrawn (or superseded) by the as-of date. */
    withdrawn: string[];
  };
  summary: { commitments: number; certain: number; possible: number; inactive: number; excluded: number };
}

/** The most single-fact runs the unlockers may take. */
export const MAX_UNLOCK_RUNS = 32;

type Commitment = Pledge & { guarantee: GuaranteeTerms };

/** Evaluate the scenario before and after the trigger turns true, and report the guarantee commitments. */
export function computeWhatIfViolated(dataset: PreparedDataset, options: WhatIfOptions = {}): WhatIfResult {
  const trigger = options.trigger ?? 'violation';
  const positions: number[] = [];
  dataset.pledges.forEach((pledge, i) => {
    if (pledge.guarantee?.trigger === trigger) positions.push(i);
  });
  const commitments = positions.map((i) => dataset.pledges[i] as Commitment);
  const withTrigger = (value: FactValue, extra?: [string, FactValue]): ScenarioResult => {
    const facts = new Map(options.facts ?? []);
    facts.set(trigger, value);
    if (extra) facts.set(extra[0], extra[1]);
    return evaluateScenario(dataset, { ...candidateOptions(options), facts });
  };
  const before = withTrigger(false);
  const after = withTrigger(true);
  const beforeStates = before.pledgesAt(positions);
  const afterStates = after.pledgesAt(positions);
  const factValue = new Map(after.facts.map((fact) => [fact.id, fact.value]));
  const outcomes = commitments.map((pledge, k) => outcomeOf(pledge, beforeStates[k] as ScenarioPledge, afterStates[k] as ScenarioPledge));
  const pending = outcomes.filter((outcome) => outcome.excluded === null && outcome.after !== 'certain');
  const unlockers: WhatIfUnlocker[] = [];
  for (const [fact, value] of factsToTry(dataset, pending, factValue, trigger).slice(0, MAX_UNLOCK_RUNS)) {
    const states = withTrigger(true, [fact, value]).pledgesAt(positions);
    const certain = outcomes.filter((outcome, k) => outcome.excluded === null && outcome.after !== 'certain' && states[k]?.state === 'certain').map((outcome) => outcome.id);
    if (certain.length > 0) unlockers.push({ fact, value, certain });
  }
  const responses = summariseResponses(outcomes);
  return {
    trigger,
    asOf: after.asOf,
    minStatus: after.minStatus,
    facts: after.facts.map(({ id, value }) => ({ id, value })),
    commitments: outcomes,
    responses,
    coverage: coverageChanges(before.coverage, after.coverage),
    unlockers,
    unanswered: {
      responseKinds: responses.filter((cover) => cover.kind !== 'unstated' && cover.certain.length + cover.possible.length === 0).map((cover) => cover.kind),
      parties: unansweredParties(dataset, outcomes),
      pending: pending.map((outcome) => outcome.id),
      withdrawn: outcomes.filter((outcome) => outcome.excluded !== null && outcome.excluded.startsWith('withdrawn')).map((outcome) => outcome.id),
    },
    summary: {
      commitments: outcomes.length,
      certain: outcomes.filter((outcome) => outcome.after === 'certain').length,
      possible: outcomes.filter((outcome) => outcome.after === 'possible').length,
      inactive: outcomes.filter((outcome) => outcome.after === 'inactive').length,
      excluded: outcomes.filter((outcome) => outcome.excluded !== null).length,
    },
  };
}

function candidateOptions(options: WhatIfOptions): CandidateOptions {
  const picked: CandidateOptions = {};
  if (options.asOf !== undefined) picked.asOf = options.asOf;
  if (options.minStatus !== undefined) picked.minStatus = options.minStatus;
  return picked;
}

function outcomeOf(pledge: Commitment, before: ScenarioPledge, after: ScenarioPledge): CommitmentOutcome {
  const exclusion = after.reasons.find((reason) => reason.kind === 'excluded');
  const { needs, waitsFor } = needsOf(after.reasons);
  return {
    id: pledge.id,
    party: pledge.party,
    status: pledge.status,
    condition: pledge.condition,
    responses: pledge.guarantee.responses,
    responseTime: pledge.guarantee.responseTime,
    sources: pledge.sources,
    ...(pledge.note !== undefined ? { note: pledge.note } : {}),
    before: before.state,
    after: after.state,
    candidate: after.candidate,
    excluded: exclusion?.kind === 'excluded' ? describeExclusion(exclusion.exclusion) : null,
    reasons: after.state === 'certain' ? [] : [...after.reasons],
    explanation: after.state === 'certain' ? null : after.explanation,
    needs,
    waitsFor,
  };
}
