import type { PreparedDataset } from '../../core/dataset/prepare-dataset.js';
import { computeWhatIfViolated, type WhatIfResult } from '../../core/guarantees/what-if-violated.js';
import type { GuaranteesRequest } from '../../contracts/guarantees.schema.js';
import { InputError } from '../../contracts/input-error.js';
import { scenarioOptions, unknownFact } from './run-analyses.js';

// "What if the ceasefire is violated" on a prepared dataset (the caller's view of the store, or a file), shared by
// the service and the CLI: the scenario and the trigger checked against the dataset, then the core.

/** Which guarantee commitments the trigger activates, what they add, what stays unanswered. */
export function runGuarantees(dataset: PreparedDataset, request: GuaranteesRequest): WhatIfResult {
  const options = scenarioOptions(dataset, request);
  const trigger = request.trigger ?? 'violation';
  const known = new Set(dataset.facts.map((fact) => fact.id));
  if (!known.has(trigger)) throw new InputError('input.invalid', 'invalid trigger', [{ path: 'trigger', message: unknownFact(trigger, known) }]);
  return computeWhatIfViolated(dataset, { ...options, trigger });
}
