import type { AnalysisModel } from './analysis-model.js';
import { type Coordination, createBitEvaluator, createScalarEvaluator, isBooleanInFacts } from './evaluate-samples.js';
import { RiskAccumulator } from './risk-accumulator.js';
import { forEachBatch, planRisk, type RiskMethod, type RiskPlan, type RiskPlanOptions } from './risk-samples.js';
import { summariseDistribution, weightedQuantiles, wilsonInterval } from './risk-statistics.js';

// Risk (DESIGN.md §5): how likely each requirement is met when the unknown facts are uncertain. Per requirement
// P(met) at minimum and at maximum quantities with 95 % intervals, the quantiles and distribution of its supply;
// per pledge P(active); per fact and requirement the sensitivity P(met | fact) − P(met | not fact).

export interface RiskOptions extends RiskPlanOptions {
  /** greatest (default): the coalition moves together; least: nobody moves first. */
  coordination?: Coordination;
  /** Force the scalar path (tests compare it with the bit-parallel one). */
  path?: 'auto' | 'scalar';
}

export interface RiskRequirement {
  requirement: string;
  priority: number;
  demand: number | null;
  /** null without an estimate of the need. */
  pMetMin: number | null;
  pMetMax: number | null;
  ciMin: [number, number] | null;
  ciMax: [number, number] | null;
  quantilesMin: { p5: number; p50: number; p95: number };
  /** The supply at minimum quantities: its values (or bins) with their probabilities. */
  distributionMin: { supply: number; p: number }[];
}

export interface RiskResult {
  method: RiskMethod;
  samples: number;
  seed: number | null;
  coordination: Coordination;
  /** bit-parallel (conditions Boolean in the facts) or scalar (the engine's fixed points per sample). */
  path: 'bit-parallel' | 'scalar';
  facts: { fact: string; probability: number; source: 'request' | 'record' | 'default' }[];
  requirements: RiskRequirement[];
  /** By id. */
  pledges: { pledge: string; pActive: number; pActiveMax: number }[];
  /** delta: P(met at minimum | fact) − P(met at minimum | not fact); deltaMax the same at maximum quantities. */
  sensitivity: { fact: string; requirement: string; delta: number; deltaMax: number }[];
}

/** Run the risk analysis on a model; `plan` (from planRisk) lets the caller check limits first. */
export function computeRisk(model: AnalysisModel, options: RiskOptions = {}, plan: RiskPlan = planRisk(model, options)): RiskResult {
  const coordination = options.coordination ?? 'greatest';
  const bitParallel = options.path !== 'scalar' && isBooleanInFacts(model);
  const evaluate = bitParallel ? createBitEvaluator(model, plan) : createScalarEvaluator(model, plan, coordination);
  const { network, coverage } = model;
  const accumulator = new RiskAccumulator(coverage.demand, network.pledgeIds.length, plan.uncertain.length);
  forEachBatch(plan, (batch) => accumulator.add(batch, evaluate(batch)));
  accumulator.finish();

  const total = accumulator.total;
  const exact = plan.method === 'exact';
  const share = (weight: number): number => (total > 0 ? round(weight / total) : 0);
  const interval = (weight: number): [number, number] => {
    if (exact) return [share(weight), share(weight)];
    const [low, high] = wilsonInterval(weight, total);
    return [round(low), round(high)];
  };
  const requirements: RiskRequirement[] = coverage.requirements.map((requirement, r) => {
    const estimated = requirement.quantity !== null;
    const [p5, p50, p95] = weightedQuantiles(accumulator.supplyMin[r] as Map<number, number>, [0.05, 0.5, 0.95]);
    return {
      requirement: requirement.id,
      priority: requirement.priority,
      demand: requirement.quantity,
      pMetMin: estimated ? share(accumulator.metMin[r] as number) : null,
      pMetMax: estimated ? share(accumulator.metMax[r] as number) : null,
      ciMin: estimated ? interval(accumulator.metMin[r] as number) : null,
      ciMax: estimated ? interval(accumulator.metMax[r] as number) : null,
      quantilesMin: { p5: p5 ?? 0, p50: p50 ?? 0, p95: p95 ?? 0 },
      distributionMin: summariseDistribution(accumulator.supplyMin[r] as Map<number, number>).map(({ supply, p }) => ({ supply, p: round(p) })),
    };
  });
  const pledges = network.pledgeIds.map((pledge, p) => ({ pledge, pActive: share(accumulator.activeMin[p] as number), pActiveMax: share(accumulator.activeMax[p] as number) }));
  pledges.sort((a, b) => compareText(a.pledge, b.pledge));
  const sensitivity: RiskResult['sensitivity'] = [];
  const count = coverage.requirements.length;
  plan.uncertain.forEach((fact, j) => {
    const withFact = accumulator.factTrue[j] as number;
    const without = total - withFact;
    coverage.requirements.forEach((requirement, r) => {
      if (requirement.quantity === null) return;
      const conditional = (met: Float64Array, metWith: Float64Array): number => {
        const given = withFact > 0 ? (metWith[j * count + r] as number) / withFact : 0;
        const givenNot = without > 0 ? ((met[r] as number) - (metWith[j * count + r] as number)) / without : 0;
        return withFact > 0 && without > 0 ? round(given - givenNot) : 0;
      };
      sensitivity.push({ fact: fact.fact, requirement: requirement.id, delta: conditional(accumulator.metMin, accumulator.metMinWithFact), deltaMax: conditional(accumulator.metMax, accumulator.metMaxWithFact) });
    });
  });
  sensitivity.sort((a, b) => Math.abs(b.delta) - Math.abs(a.delta) || Math.abs(b.deltaMax) - Math.abs(a.deltaMax) || compareText(a.fact, b.fact) || compareText(a.requirement, b.requirement));
  return {
    method: plan.method,
    samples: plan.samples,
    seed: plan.seed,
    coordination,
    path: bitParallel ? 'bit-parallel' : 'scalar',
    facts: plan.uncertain.map(({ fact, probability, source }) => ({ fact, probability, source })),
    requirements,
    pledges,
    sensitivity,
  };
}

function round(value: number): number {
  return Math.round(value * 1e9) / 1e9 || 0;
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
