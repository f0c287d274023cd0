import type { AnalysisModel } from './analysis-model.js';
import { createSeededRandom } from './seeded-random.js';

// The samples of a risk run (DESIGN.md §5): every unknown fact a condition names is true with its probability,
// independently; known facts stay as they are. Exact: all 2^k assignments of the k unknown facts, each weighted
// by its probability. Monte Carlo: n draws from a seeded PRNG (sample by sample, fact by fact). Either way the
// samples come in batches of 32, one bit per sample in a 32-bit word per fact.

export type RiskMethod = 'exact' | 'monte-carlo';

export interface RiskPlanOptions {
  method?: RiskMethod;
  /** Monte Carlo sample count (default 10,000). */
  samples?: number;
  seed?: number;
  /** Probabilities that override the facts' recorded ones. */
  probabilities?: ReadonlyMap<string, number>;
}

/** An unknown fact a condition names, and where its probability comes from. */
export interface UncertainFact {
  fact: string;
  /** Index among the network's facts. */
  index: number;
  probability: number;
  source: 'request' | 'record' | 'default';
}

export interface RiskPlan {
  method: RiskMethod;
  samples: number;
  seed: number | null;
  uncertain: UncertainFact[];
}

/** Exact enumeration is the default up to this many unknown facts. */
export const EXACT_DEFAULT_LIMIT = 16;
/** Exact enumeration is refused beyond this many (2^24 assignments). */
export const EXACT_MAX_FACTS = 24;
export const DEFAULT_SAMPLES = 10_000;
export const DEFAULT_SEED = 1;

/** Which facts are uncertain, and how the run will sample them. */
export function planRisk(model: AnalysisModel, options: RiskPlanOptions = {}): RiskPlan {
  const uncertain: UncertainFact[] = [];
  for (const fact of model.facts) {
    if (fact.value !== 'unknown') continue;
    const index = model.network.factIndex.get(fact.id);
    if (index === undefined) continue;
    const requested = options.probabilities?.get(fact.id);
    if (requested !== undefined) uncertain.push({ fact: fact.id, index, probability: requested, source: 'request' });
    else if (fact.probability !== undefined) uncertain.push({ fact: fact.id, index, probability: fact.probability, source: 'record' });
    else uncertain.push({ fact: fact.id, index, probability: 0.5, source: 'default' });
  }
  // By id, so that the samples (which fact is which bit, what the PRNG draws for it) do not depend on record order.
  uncertain.sort((a, b) => (a.fact < b.fact ? -1 : a.fact > b.fact ? 1 : 0));
  const method = options.method ?? (uncertain.length <= EXACT_DEFAULT_LIMIT ? 'exact' : 'monte-carlo');
  if (method === 'exact') return { method, samples: 2 ** uncertain.length, seed: null, uncertain };
  return { method, samples: options.samples ?? DEFAULT_SAMPLES, seed: options.seed ?? DEFAULT_SEED, uncertain };
}

/** One batch: up to 32 samples, a word per uncertain fact (bit b: the fact in sample b), and exact runs' weights. */
export interface SampleBatch {
  /** Index of the batch's first sample. */
  first: number;
  count: number;
  factWords: Uint32Array;
  /** Per sample of the batch: its probability (exact), or null when every sample weighs the same (Monte Carlo). */
  weights: Float64Array | null;
}

/** Call `visit` for each batch of the plan's samples, in order; the batch object is reused. */
export function forEachBatch(plan: RiskPlan, visit: (batch: SampleBatch) => void): void {
  const k = plan.uncertain.length;
  const batch: SampleBatch = { first: 0, count: 0, factWords: new Uint32Array(k), weights: plan.method === 'exact' ? new Float64Array(32) : null };
  const probabilities = plan.uncertain.map((fact) => fact.probability);
  const random = plan.method === 'monte-carlo' ? createSeededRandom(plan.seed ?? DEFAULT_SEED) : undefined;
  for (let first = 0; first < plan.samples; first += 32) {
    const count = Math.min(32, plan.samples - first);
    batch.first = first;
    batch.count = count;
    batch.factWords.fill(0);
    for (let b = 0; b < count; b++) {
      const sample = first + b;
      let weight = 1;
      for (let j = 0; j < k; j++) {
        const p = probabilities[j] as number;
        // Exact: bit j of the sample's number; Monte Carlo: a draw.
        const isTrue = random === undefined ? Math.floor(sample / 2 ** j) % 2 === 1 : random() < p;
        if (isTrue) batch.factWords[j] = ((batch.factWords[j] as number) | (1 << b)) >>> 0;
        if (random === undefined) weight *= isTrue ? p : 1 - p;
      }
      if (batch.weights) batch.weights[b] = weight;
    }
    visit(batch);
  }
}
