import type { BatchResult } from './evaluate-samples.js';
import type { SampleBatch } from './risk-samples.js';

// Sums a risk run's batches into weights: of each requirement being met (at minimum and at maximum quantities),
// of each pledge being active, of each uncertain fact being true and of the requirement being met with it, and
// the distribution of each requirement's supply. Monte Carlo samples weigh 1 each, exact ones their probability.

export class RiskAccumulator {
  total = 0;
  readonly metMin: Float64Array;
  readonly metMax: Float64Array;
  readonly activeMin: Float64Array;
  readonly activeMax: Float64Array;
  readonly factTrue: Float64Array;
  /** [fact * requirements + r]: weight of samples with the fact true and the requirement met (minimum quantities). */
  readonly metMinWithFact: Float64Array;
  readonly metMaxWithFact: Float64Array;
  /** Per requirement: supply at minimum quantities → weight. */
  readonly supplyMin: Map<number, number>[];
  private readonly metMinWords: Uint32Array;
  private readonly metMaxWords: Uint32Array;
  /** Per requirement: the last supply seen and the weight gathered for it, not yet in supplyMin (runs of one value are common). */
  private readonly lastSupply: Float64Array;
  private readonly lastWeight: Float64Array;

  constructor(
    private readonly demand: Float64Array,
    pledges: number,
    private readonly facts: number,
  ) {
    const requirements = demand.length;
    this.metMin = new Float64Array(requirements);
    this.metMax = new Float64Array(requirements);
    this.activeMin = new Float64Array(pledges);
    this.activeMax = new Float64Array(pledges);
    this.factTrue = new Float64Array(facts);
    this.metMinWithFact = new Float64Array(facts * requirements);
    this.metMaxWithFact = new Float64Array(facts * requirements);
    this.supplyMin = Array.from({ length: requirements }, () => new Map<number, number>());
    this.metMinWords = new Uint32Array(requirements);
    this.metMaxWords = new Uint32Array(requirements);
    this.lastSupply = new Float64Array(requirements).fill(NaN);
    this.lastWeight = new Float64Array(requirements);
  }

  /** Move the pending runs into the distributions; call before reading supplyMin. */
  finish(): void {
    for (let r = 0; r < this.lastSupply.length; r++) this.flush(r);
  }

  private flush(r: number): void {
    const weight = this.lastWeight[r] as number;
    if (weight === 0) return;
    const value = this.lastSupply[r] as number;
    const distribution = this.supplyMin[r] as Map<number, number>;
    distribution.set(value, (distribution.get(value) ?? 0) + weight);
    this.lastWeight[r] = 0;
  }

  /** Add one evaluated batch. */
  add(batch: SampleBatch, result: BatchResult): void {
    const requirements = this.demand.length;
    const mask = batch.count === 32 ? 0xffffffff : ((1 << batch.count) - 1) >>> 0;
    const weights = batch.weights;
    const weigh = (word: number): number => weightOf(word & mask, weights);
    this.total += weigh(0xffffffff);
    for (let r = 0; r < requirements; r++) {
      const need = this.demand[r] as number;
      let minWord = 0;
      let maxWord = 0;
      for (let b = 0; b < batch.count; b++) {
        const atMin = result.supplyMin[b * requirements + r] as number;
        if (atMin >= need) minWord |= 1 << b;
        if ((result.supplyMax[b * requirements + r] as number) >= need) maxWord |= 1 << b;
        if (atMin !== this.lastSupply[r]) {
          this.flush(r);
          this.lastSupply[r] = atMin;
        }
        this.lastWeight[r] = (this.lastWeight[r] as number) + (weights ? (weights[b] as number) : 1);
      }
      this.metMinWords[r] = minWord >>> 0;
      this.metMaxWords[r] = maxWord >>> 0;
      this.metMin[r] = (this.metMin[r] as number) + weigh(minWord);
      this.metMax[r] = (this.metMax[r] as number) + weigh(maxWord);
    }
    for (let p = 0; p < this.activeMin.length; p++) {
      const min = result.activeMin[p] as number;
      const max = result.activeMax[p] as number;
      if (min !== 0) this.activeMin[p] = (this.activeMin[p] as number) + weigh(min);
      if (max !== 0) this.activeMax[p] = (this.activeMax[p] as number) + weigh(max);
    }
    for (let j = 0; j < this.facts; j++) {
      const fact = batch.factWords[j] as number;
      this.factTrue[j] = (this.factTrue[j] as number) + weigh(fact);
      for (let r = 0; r < requirements; r++) {
        const both = (this.metMinWords[r] as number) & fact;
        if (both !== 0) this.metMinWithFact[j * requirements + r] = (this.metMinWithFact[j * requirements + r] as number) + weigh(both);
        const bothMax = (this.metMaxWords[r] as number) & fact;
        if (bothMax !== 0) this.metMaxWithFact[j * requirements + r] = (this.metMaxWithFact[j * requirements + r] as number) + weigh(bothMax);
      }
    }
  }
}

// The weight of the samples whose bits are set: their count, or the sum of their probabilities.
function weightOf(word: number, weights: Float64Array | null): number {
  if (word === 0) return 0;
  if (weights === null) return popcount(word);
  let sum = 0;
  let rest = word >>> 0;
  while (rest !== 0) {
    const low = rest & -rest;
    sum += weights[31 - Math.clz32(low)] as number;
    rest = (rest ^ low) >>> 0;
  }
  return sum;
}

function popcount(word: number): number {
  let v = word >>> 0;
  v -= (v >>> 1) & 0x55555555;
  v = (v & 0x33333333) + ((v >>> 2) & 0x33333333);
  return (Math.imul((v + (v >>> 4)) & 0x0f0f0f0f, 0x01010101) >>> 24) & 0xff;
}
