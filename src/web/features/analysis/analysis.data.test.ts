import { describe, expect, it } from 'vitest';
import type { AllocationResult } from '../../../core/analyses/compute-allocation.js';
import type { RiskResult } from '../../../core/analyses/compute-risk.js';
import type { UnlockersResult } from '../../../core/analyses/compute-unlockers.js';
import { buildAllocationRows, buildDistribution, buildRiskRows, buildTornado, buildUnlockerBars, defaultRequirement } from './analysis.data.js';

// The Analysis page's figures from the API's answers.

const risk: RiskResult = {
  method: 'exact',
  samples: 4,
  seed: null,
  coordination: 'greatest',
  path: 'bit-parallel',
  facts: [{ fact: 'ceasefire', probability: 0.3, source: 'record' }],
  requirements: [
    { requirement: 'air', priority: 2, demand: null, pMetMin: null, pMetMax: null, ciMin: null, ciMax: null, quantilesMin: { p5: 0, p50: 0, p95: 0 }, distributionMin: [] },
    { requirement: 'land', priority: 1, demand: 30000, pMetMin: 0.3, pMetMax: 0.55, ciMin: [0.25, 0.35], ciMax: [0.5, 0.6], quantilesMin: { p5: 0, p50: 0, p95: 30000 }, distributionMin: [{ supply: 0, p: 0.7 }, { supply: 30000, p: 0.3 }] },
  ],
  pledges: [],
  sensitivity: [
    { fact: 'us_backstop', requirement: 'land', delta: 0.1, deltaMax: 0 },
    { fact: 'ceasefire', requirement: 'land', delta: 1, deltaMax: 1 },
  ],
};

describe('analysis page data', () => {
  it('unlocker bars: the share of estimated demand gained, in %, per fact in rank order', () => {
    const result: UnlockersResult = {
      facts: [{ fact: 'ceasefire', from: false, pledgesImproved: ['a'], coverage: [{ requirement: 'land', supplyMinDelta: 3000, supplyMaxDelta: 15000 }, { requirement: 'air', supplyMinDelta: 4, supplyMaxDelta: 4 }], capabilities: [], explanation: 'ceasefire …' }],
      parties: [],
    };
    expect(buildUnlockerBars(result, new Map([['land', 30000], ['air', null]]))).toEqual({ labels: ['ceasefire'], min: [10], max: [50] });
  });

  it('risk rows only for estimated requirements, in %; the distribution and tornado of one requirement', () => {
    expect(buildRiskRows(risk)).toEqual([{ requirement: 'land', demand: 30000, pMin: 30, pMax: 55, lowMin: 25, highMin: 35 }]);
    expect(defaultRequirement(risk)).toBe('land');
    expect(buildDistribution(risk, 'land')).toEqual({ supplies: [0, 30000], percents: [70, 30], quantiles: { p5: 0, p50: 0, p95: 30000 } });
    expect(buildDistribution(risk, 'nothing').quantiles).toBeNull();
    expect(buildTornado(risk, 'land')).toEqual({ facts: ['ceasefire', 'us_backstop'], points: [100, 10] });
  });

  it('allocation rows: fillers, greedy beside, binding demand', () => {
    const result: AllocationResult = {
      bound: 'min',
      objective: [],
      assignments: [{ pledge: 'b', requirement: 'r1', quantity: 10 }, { pledge: 'a', requirement: 'r2', quantity: 10 }],
      requirements: [
        { requirement: 'r1', priority: 1, demand: 10, filled: 10, shortfall: 0, shadowPrice: 0, explanation: '' },
        { requirement: 'r2', priority: 1, demand: 10, filled: 10, shortfall: 0, shadowPrice: 0, explanation: '' },
      ],
      greedy: [{ requirement: 'r1', filled: 10, difference: 0 }, { requirement: 'r2', filled: 0, difference: 10 }],
      binding: [{ kind: 'demand', id: 'r1', shadowPrice: 1 }],
      variables: 4,
    };
    expect(buildAllocationRows(result).map((row) => [row.requirement, row.filled, row.greedy, row.fillers, row.binds])).toEqual([
      ['r1', 10, 10, [{ pledge: 'b', quantity: 10 }], true],
      ['r2', 10, 0, [{ pledge: 'a', quantity: 10 }], false],
    ]);
  });
});
