import { describe, expect, it } from 'vitest';
import { activationPledge } from '../../../test/support/model-builders.js';
import { buildModelFromPledges } from './analysis-model.js';
import { computeRisk } from './compute-risk.js';
import { summariseDistribution, weightedQuantiles, wilsonInterval } from './risk-statistics.js';

// Risk on hand-made models: the method chosen, reproducibility from the seed, and the statistics.

const requirement = { id: 'r1', capability: 'land.personnel', quantity: 2000, estimate: false, priority: 1, area: 'ua.rear', sources: [] };

describe('computeRisk', () => {
  const model = buildModelFromPledges(
    [activationPledge('fr', 'FR', 'us_backstop'), activationPledge('gb', 'GB', 'us_backstop and ceasefire'), activationPledge('de', 'DE', 'not ceasefire')],
    [requirement],
    [
      { id: 'us_backstop', value: 'unknown', probability: 0.5, sources: [] },
      { id: 'ceasefire', value: 'unknown', probability: 0.2, sources: [] },
    ],
  );

  it('enumerates exactly when few facts are unknown: P(met) = P(backstop) (fr+gb, or fr+de) = 0.5; supply 0 with probability 0.1', () => {
    const result = computeRisk(model);
    expect(result).toMatchObject({ method: 'exact', samples: 4, seed: null, path: 'bit-parallel' });
    expect(result.requirements[0]).toMatchObject({ requirement: 'r1', pMetMin: 0.5, pMetMax: 0.5, ciMin: [0.5, 0.5], quantilesMin: { p5: 0, p50: 1000, p95: 2000 } });
    expect(result.pledges).toEqual([
      { pledge: 'de', pActive: 0.8, pActiveMax: 0.8 },
      { pledge: 'fr', pActive: 0.5, pActiveMax: 0.5 },
      { pledge: 'gb', pActive: 0.1, pActiveMax: 0.1 },
    ]);
    expect(result.sensitivity.find((s) => s.fact === 'us_backstop')).toMatchObject({ requirement: 'r1', delta: 1 });
    expect(result.sensitivity.find((s) => s.fact === 'ceasefire')).toMatchObject({ requirement: 'r1', delta: 0 });
  });

  it('Monte Carlo: the same seed gives the same result, and the interval contains the exact value', () => {
    const a = computeRisk(model, { method: 'monte-carlo', samples: 5000, seed: 7 });
    const b = computeRisk(model, { method: 'monte-carlo', samples: 5000, seed: 7 });
    expect(a).toEqual(b);
    expect(a).toMatchObject({ method: 'monte-carlo', samples: 5000, seed: 7 });
    const [low, high] = a.requirements[0]?.ciMin ?? [0, 0];
    expect(low).toBeLessThan(0.5);
    expect(high).toBeGreaterThan(0.5);
    expect(computeRisk(model, { method: 'monte-carlo', samples: 5000, seed: 8 })).not.toEqual(a);
  });

  it('thresholds on other pledges take the scalar path; least coordination leaves mutual pledges out', () => {
    const mutual = buildModelFromPledges([activationPledge('fr', 'FR', 'active(GB) and us_backstop'), activationPledge('gb', 'GB', 'active(FR)')], [requirement], [{ id: 'us_backstop', value: 'unknown', probability: 0.3, sources: [] }]);
    expect(computeRisk(mutual)).toMatchObject({ path: 'scalar', requirements: [{ pMetMin: 0.3 }] });
    expect(computeRisk(mutual, { coordination: 'least' })).toMatchObject({ coordination: 'least', requirements: [{ pMetMin: 0 }] });
  });
});

describe('risk statistics', () => {
  it('Wilson interval: 0 of 10 → [0, 0.2775]; 50 of 100 → [0.4038, 0.5962]', () => {
    const [low, high] = wilsonInterval(0, 10);
    expect(low).toBe(0);
    expect(high).toBeCloseTo(0.2775, 4);
    const [l2, h2] = wilsonInterval(50, 100);
    expect(l2).toBeCloseTo(0.4038, 4);
    expect(h2).toBeCloseTo(0.5962, 4);
  });

  it('weighted quantiles are the smallest value whose cumulative weight reaches q', () => {
    const distribution = new Map([
      [10, 0.04],
      [20, 0.5],
      [30, 0.46],
    ]);
    expect(weightedQuantiles(distribution, [0.05, 0.5, 0.95])).toEqual([20, 20, 30]);
  });

  it('a distribution with more values than bins is binned by equal width', () => {
    const many = new Map(Array.from({ length: 100 }, (_, i) => [i, 1] as [number, number]));
    const bins = summariseDistribution(many, 10);
    expect(bins).toHaveLength(10);
    expect(bins[0]).toEqual({ supply: 0, p: 0.1 });
  });
});
