import { type AnalysisModel, type AnalysisOptions, buildAnalysisModel } from '../../core/analyses/analysis-model.js';
import { type AllocationResult, prepareAllocationInput } from '../../core/analyses/compute-allocation.js';
import { computeRisk, type RiskResult } from '../../core/analyses/compute-risk.js';
import { computeUnlockers, type UnlockersResult } from '../../core/analyses/compute-unlockers.js';
import { isBooleanInFacts } from '../../core/analyses/evaluate-samples.js';
import { EXACT_MAX_FACTS, planRisk, type RiskPlan } from '../../core/analyses/risk-samples.js';
import { suggest } from '../../core/conditions/check-condition.js';
import type { PreparedDataset } from '../../core/dataset/prepare-dataset.js';
import type { DerivedFacts } from '../../core/facts/derive-facts.js';
import type { FactValue } from '../../core/types.js';
import { type AllocationRequest, MAX_RISK_SAMPLES, type RiskRequest, type UnlockersRequest } from '../../contracts/analyses.schema.js';
import { AppError, InputError, type InputProblem } from '../../contracts/input-error.js';
import type { AllocationRunner } from './allocation-solver.js';

// The analyses on a prepared dataset (the caller's view of the store, or a file), shared by the service and the
// CLI: check the request against the dataset, refuse work over the limits before starting it (422
// analysis.too_large), run the core.

/** Work limits: fixed-point runs × network size, LP columns, and samples × per-sample work. */
export const ANALYSIS_LIMITS = {
  unlockerWork: 200_000_000,
  allocationVariables: 500_000,
  riskWork: 3_000_000_000,
} as const;

type ScenarioPart = Pick<UnlockersRequest, 'facts' | 'asOf' | 'minStatus'> & Derived;

/** The derived facts' values at the request's date (the service's deriveFacts; absent for a file's dataset). */
type Derived = { derived?: DerivedFacts };

/** Unlockers: what each fact turning true would unlock, what each party's absence would cost. */
export function runUnlockers(dataset: PreparedDataset, request: UnlockersRequest & Derived): UnlockersResult {
  const model = buildAnalysisModel(dataset, scenarioOptions(dataset, request));
  const runs = model.facts.filter((fact) => fact.value !== true).length + new Set(model.partyOfPledge).size + 1;
  const work = runs * 2 * (model.network.pledgeIds.length + model.network.nodeKind.length + model.coverage.source.length);
  if (work > ANALYSIS_LIMITS.unlockerWork) {
    throw tooLarge('the model is too large for unlockers', `${runs} fixed-point pairs over ${model.network.pledgeIds.length} pledges exceed the limit; narrow it with asOf or minStatus`);
  }
  return computeUnlockers(model);
}

/** Allocation by linear program: the model and its input here, the LP built, solved and read by `run` (the worker thread). */
export async function runAllocation(dataset: PreparedDataset, request: AllocationRequest & Derived, run: AllocationRunner): Promise<AllocationResult> {
  const model = buildAnalysisModel(dataset, scenarioOptions(dataset, request));
  if (model.coverage.source.length > ANALYSIS_LIMITS.allocationVariables) {
    throw tooLarge('the allocation LP is too large', `up to ${model.coverage.source.length.toLocaleString('en')} variables (pledge, requirement); the limit is ${ANALYSIS_LIMITS.allocationVariables.toLocaleString('en')}; narrow it with asOf or minStatus`);
  }
  const outcome = await run(prepareAllocationInput(model, request.bound));
  // A solve that reaches the solver's time limit is a model too large, not a server error.
  if (outcome.status === 'time_limit') throw tooLarge('the allocation LP took too long to solve', `the solver stopped at its time limit on ${outcome.variables.toLocaleString('en')} variables; narrow it with asOf or minStatus`);
  if (outcome.status !== 'optimal') throw new Error(`allocation LP not solved: ${outcome.message}`);
  return outcome.result;
}

/** Risk: P(met) per requirement, P(active) per pledge, sensitivity per fact. */
export function runRisk(dataset: PreparedDataset, request: RiskRequest & Derived): RiskResult {
  const model = buildAnalysisModel(dataset, scenarioOptions(dataset, request));
  const known = new Set(dataset.facts.map((fact) => fact.id));
  const problems: InputProblem[] = [];
  const probabilities = new Map<string, number>();
  request.probabilities.forEach((entry, i) => {
    if (!known.has(entry.fact)) problems.push({ path: `probabilities[${i}].fact`, message: unknownFact(entry.fact, known) });
    else probabilities.set(entry.fact, entry.probability);
  });
  if (request.samples !== undefined && request.method === 'exact') problems.push({ path: 'samples', message: 'an exact run enumerates every assignment: leave samples out, or use method monte-carlo' });
  if (problems.length > 0) throw new InputError('input.invalid', 'invalid risk request', problems);
  if (request.samples !== undefined && request.samples > MAX_RISK_SAMPLES) throw tooLarge('too many samples', `at most ${MAX_RISK_SAMPLES.toLocaleString('en')} samples`, 'samples');
  const options = {
    probabilities,
    coordination: request.coordination ?? 'greatest',
    ...(request.method === undefined ? {} : { method: request.method }),
    ...(request.samples === undefined ? {} : { samples: request.samples }),
    ...(request.seed === undefined ? {} : { seed: request.seed }),
  };
  const plan = planRisk(model, options);
  checkRiskWork(model, plan);
  return computeRisk(model, options, plan);
}

function checkRiskWork(model: AnalysisModel, plan: RiskPlan): void {
  if (plan.method === 'exact' && plan.uncertain.length > EXACT_MAX_FACTS) {
    throw tooLarge('too many unknown facts to enumerate', `${plan.uncertain.length} unknown facts; exact runs take at most ${EXACT_MAX_FACTS}: use method monte-carlo`, 'method');
  }
  const { network, coverage } = model;
  const nodes = network.nodeKind.length;
  const pledges = network.pledgeIds.length;
  // Per sample: the bit-parallel pass costs a 32nd of the nodes; the scalar one two fixed points. Both fill coverage twice.
  const perSample = (isBooleanInFacts(model) ? nodes / 32 : 4 * (pledges + nodes)) + 2 * coverage.source.length + pledges / 16 + plan.uncertain.length * coverage.requirements.length / 32;
  if (plan.samples * perSample > ANALYSIS_LIMITS.riskWork) {
    throw tooLarge('the risk run is too large', `${plan.samples.toLocaleString('en')} samples over ${pledges.toLocaleString('en')} pledges exceed the work limit; ask for fewer samples`, 'samples');
  }
}

/** The request's scenario checked against the dataset (unknown facts refused, naming them). */
export function scenarioOptions(dataset: PreparedDataset, request: ScenarioPart): AnalysisOptions {
  const known = new Set(dataset.facts.map((fact) => fact.id));
  const problems: InputProblem[] = [];
  const overrides = new Map<string, FactValue>();
  request.facts.forEach((fact, i) => {
    if (!known.has(fact.id)) problems.push({ path: `facts[${i}].id`, message: unknownFact(fact.id, known) });
    else overrides.set(fact.id, fact.value);
  });
  if (problems.length > 0) throw new InputError('input.invalid', 'invalid scenario', problems);
  const options: AnalysisOptions = { facts: overrides };
  if (request.derived !== undefined) options.derived = request.derived;
  if (request.asOf !== undefined) options.asOf = request.asOf;
  if (request.minStatus !== undefined) options.minStatus = request.minStatus;
  return options;
}

/** The message for an unknown fact id, with a suggestion or the known facts. */
export function unknownFact(id: string, known: ReadonlySet<string>): string {
  return `unknown fact '${id}'${suggest(id, known) || `; known facts: ${[...known].sort().join(', ')}`}`;
}

function tooLarge(message: string, detail: string, path = '(model)'): AppError {
  return new AppError('analysis.too_large', message, [{ path, message: detail }]);
}
