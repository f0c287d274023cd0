import { LEAF_FACT, LEAF_FALSE, LEAF_TRUE, NODE_AND, NODE_LEAF } from '../activation/compile-network.js';
import { createScratch, runFixedPoint } from '../activation/run-fixed-point.js';
import type { FactValue } from '../types.js';
import type { AnalysisModel } from './analysis-model.js';
import { fillCoverageFromWords } from './coverage-program.js';
import type { RiskPlan, SampleBatch } from './risk-samples.js';

// Two ways to evaluate a batch of up to 32 samples, with the same output: per pledge a word of active bits (at
// minimum and at maximum quantities) and per sample the supply of every requirement. The bit-parallel way needs
// conditions that are Boolean in the facts (no total/count/active): a pledge's condition then does not depend on
// other pledges, every fixed point is the set of pledges whose condition holds, and one pass of AND/OR over 32-bit
// words evaluates 32 samples. The scalar way runs the engine's fixed points for each sample and serves any model.

export type Coordination = 'greatest' | 'least';

export interface BatchResult {
  activeMin: Uint32Array;
  activeMax: Uint32Array;
  /** Per sample b of the batch: supplies at [b * requirements + r]. */
  supplyMin: Float64Array;
  supplyMax: Float64Array;
}

export type BatchEvaluator = (batch: SampleBatch) => BatchResult;

/** True when every condition of the network is Boolean in the facts, so the bit-parallel path applies. */
export function isBooleanInFacts(model: AnalysisModel): boolean {
  const { nodeKind, leafType } = model.network;
  for (let n = 0; n < nodeKind.length; n++) {
    if (nodeKind[n] !== NODE_LEAF) continue;
    const type = leafType[n];
    if (type !== LEAF_FACT && type !== LEAF_TRUE && type !== LEAF_FALSE) return false;
  }
  return true;
}

/** Fact words of a batch for every network fact: sampled ones from the batch, known ones all ones or all zeros. */
function networkFactWords(model: AnalysisModel, plan: RiskPlan): (batch: SampleBatch) => Uint32Array {
  const words = new Uint32Array(model.network.factIds.length);
  const fixed = model.factValues.map((value) => (value === true ? 0xffffffff : 0));
  return (batch) => {
    for (let f = 0; f < words.length; f++) words[f] = fixed[f] as number;
    plan.uncertain.forEach((fact, j) => (words[fact.index] = batch.factWords[j] as number));
    return words;
  };
}

/** The bit-parallel evaluator: one pass over the nodes per 32 samples. Only for Boolean models (isBooleanInFacts). */
export function createBitEvaluator(model: AnalysisModel, plan: RiskPlan): BatchEvaluator {
  const { network, coverage } = model;
  const { nodeKind, nodeParent, leafType, leafRef, leafAux } = network;
  const nodeCount = nodeKind.length;
  // AND nodes start all ones and are ANDed into; OR nodes start at zero and are ORed into.
  const start = new Uint32Array(nodeCount);
  for (let n = 0; n < nodeCount; n++) if (nodeKind[n] === NODE_AND) start[n] = 0xffffffff;
  const value = new Uint32Array(nodeCount);
  const active = new Uint32Array(network.pledgeIds.length);
  const requirements = coverage.requirements.length;
  const result: BatchResult = { activeMin: active, activeMax: active, supplyMin: new Float64Array(32 * requirements), supplyMax: new Float64Array(32 * requirements) };
  const factWordsOf = networkFactWords(model, plan);
  return (batch) => {
    const facts = factWordsOf(batch);
    value.set(start);
    for (let n = 0; n < nodeCount; n++) {
      let word: number;
      if (nodeKind[n] !== NODE_LEAF) word = value[n] as number;
      else {
        const type = leafType[n];
        if (type === LEAF_FACT) word = (leafAux[n] as number) === 1 ? ~(facts[leafRef[n] as number] as number) : (facts[leafRef[n] as number] as number);
        else word = type === LEAF_TRUE ? 0xffffffff : 0;
      }
      const link = nodeParent[n] as number;
      if (link < 0) active[-1 - link] = word;
      else if ((link & 1) === 1) value[link >> 1] = (value[link >> 1] as number) & word;
      else value[link >> 1] = (value[link >> 1] as number) | word;
    }
    for (let b = 0; b < batch.count; b++) {
      fillCoverageFromWords(coverage, active, b, network.quantityMin, result.supplyMin, b * requirements);
      fillCoverageFromWords(coverage, active, b, network.quantityMax, result.supplyMax, b * requirements);
    }
    return result;
  };
}

/**
 * The scalar evaluator: per sample, the engine's fixed points (greatest, or least without coordination) with every
 * fact known, at minimum and at maximum quantities, then coverage; the active sets are packed into words.
 */
export function createScalarEvaluator(model: AnalysisModel, plan: RiskPlan, coordination: Coordination): BatchEvaluator {
  const { network, coverage } = model;
  const scratch = createScratch(network);
  const pledges = network.pledgeIds.length;
  const requirements = coverage.requirements.length;
  const result: BatchResult = {
    activeMin: new Uint32Array(pledges),
    activeMax: new Uint32Array(pledges),
    supplyMin: new Float64Array(32 * requirements),
    supplyMax: new Float64Array(32 * requirements),
  };
  const values: (FactValue | undefined)[] = [...model.factValues];
  const greatest = coordination === 'greatest';
  return (batch) => {
    result.activeMin.fill(0);
    result.activeMax.fill(0);
    for (let b = 0; b < batch.count; b++) {
      plan.uncertain.forEach((fact, j) => (values[fact.index] = (((batch.factWords[j] as number) >>> b) & 1) === 1));
      // Every fact is known here, so the two modes differ only in quantities; the maximum's fixed point contains the minimum's.
      const atMax = runFixedPoint(network, values, { optimistic: true, greatest }, scratch).active;
      const atMin = runFixedPoint(network, values, greatest ? { optimistic: false, greatest, within: atMax } : { optimistic: false, greatest }, scratch).active;
      const bit = 1 << b;
      for (let p = 0; p < pledges; p++) {
        if (atMin[p] === 1) result.activeMin[p] = ((result.activeMin[p] as number) | bit) >>> 0;
        if (atMax[p] === 1) result.activeMax[p] = ((result.activeMax[p] as number) | bit) >>> 0;
      }
    }
    for (let b = 0; b < batch.count; b++) {
      fillCoverageFromWords(coverage, result.activeMin, b, network.quantityMin, result.supplyMin, b * requirements);
      fillCoverageFromWords(coverage, result.activeMax, b, network.quantityMax, result.supplyMax, b * requirements);
    }
    return result;
  };
}
