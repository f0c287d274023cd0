import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import { suggest } from '../core/conditions/check-condition.js';
import { evaluateScenario, type ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import type { DerivedFacts } from '../core/facts/derive-facts.js';
import type { FactValue, IsoDate, PledgeStatus } from '../core/types.js';
import { InputError, type InputProblem } from '../contracts/input-error.js';

// The scenario use case shared by the CLI and the API: check the requested facts, evaluate (a fact the request
// switches keeps the switched value even when it is derived).

export interface ScenarioRequest {
  facts?: { id: string; value: FactValue }[];
  asOf?: IsoDate;
  minStatus?: Exclude<PledgeStatus, 'withdrawn'>;
}

/** The derived facts' values at the request's date (the store's records; absent for a file's dataset). */
export interface ScenarioContext {
  derived?: DerivedFacts;
}

/** Evaluate a scenario on a prepared dataset; unknown facts are refused with a suggestion. */
export function runScenario(dataset: PreparedDataset, request: ScenarioRequest, context: ScenarioContext = {}): ScenarioResult {
  const known = new Set(dataset.facts.map((fact) => fact.id));
  const problems: InputProblem[] = [];
  const overrides = new Map<string, FactValue>();
  (request.facts ?? []).forEach((fact, i) => {
    if (!known.has(fact.id)) {
      const hint = suggest(fact.id, known) || `; known facts: ${[...known].sort().join(', ')}`;
      problems.push({ path: `facts[${i}].id`, message: `unknown fact '${fact.id}'${hint}` });
    }
    else overrides.set(fact.id, fact.value);
  });
  if (problems.length > 0) throw new InputError('input.invalid', 'invalid scenario', problems);
  const options: Parameters<typeof evaluateScenario>[1] = { facts: overrides };
  if (context.derived !== undefined) options.derived = context.derived;
  if (request.asOf !== undefined) options.asOf = request.asOf;
  if (request.minStatus !== undefined) options.minStatus = request.minStatus;
  return evaluateScenario(dataset, options);
}
