import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, makeRequirement, prepareModel } from '../../../test/support/model-builders.js';
import { allocationRequestSchema, riskRequestSchema, unlockersRequestSchema } from '../../contracts/analyses.schema.js';
import { httpStatusOf } from '../../contracts/error-codes.js';
import { ANALYSIS_LIMITS, runAllocation, runRisk, runUnlockers } from './run-analyses.js';

// Work over the limits is refused before it starts (422 analysis.too_large, naming what to change): an allocation
// LP with more variables than the limit never reaches the worker; unlockers, exact enumeration and Monte Carlo
// runs over their work limits never start.

// 5,001 pledges of 2,000 parties, each fitting all 101 requirements: 505,101 (pledge, requirement) variables.
const crowded = prepareModel(
  makeDataset({
    parties: Array.from({ length: 2000 }, (_, i) => `P${i}`),
    pledges: Array.from({ length: 5001 }, (_, i) => makePledge(`p${i}`, { party: `P${i % 2000}`, areas: ['any'] })),
    requirements: Array.from({ length: 101 }, (_, i) => makeRequirement(`r${i}`, 1000)),
  }),
);

// 25 pledges, each waiting on its own unknown fact.
const uncertain = prepareModel(
  makeDataset({
    parties: ['FR'],
    facts: Object.fromEntries(Array.from({ length: 25 }, (_, i) => [`f${i}`, 'unknown' as const])),
    pledges: Array.from({ length: 25 }, (_, i) => makePledge(`p${i}`, { condition: `f${i}` })),
    requirements: [makeRequirement('r', 10_000)],
  }),
);

describe('analysis limits', () => {
  it('an allocation over the variable limit is refused with 422 before the worker is asked', async () => {
    expect(5001 * 101).toBeGreaterThan(ANALYSIS_LIMITS.allocationVariables);
    let asked = false;
    const answer = runAllocation(crowded, allocationRequestSchema.parse({}), () => {
      asked = true;
      throw new Error('must not be called');
    });
    await expect(answer).rejects.toMatchObject({ code: 'analysis.too_large', message: 'the allocation LP is too large', problems: [{ path: '(model)', message: expect.stringContaining('505,101 variables') }] });
    expect(asked).toBe(false);
    expect(httpStatusOf('analysis.too_large')).toBe(422);
  });

  it('unlockers over the work limit (2,001 fixed-point pairs over 5,001 pledges) are refused with 422', () => {
    expect(() => runUnlockers(crowded, unlockersRequestSchema.parse({}))).toThrow(expect.objectContaining({ code: 'analysis.too_large', message: 'the model is too large for unlockers' }));
  });

  it('exact enumeration of more than 24 unknown facts is refused with 422 naming method; Monte Carlo runs instead', () => {
    expect(() => runRisk(uncertain, riskRequestSchema.parse({ method: 'exact' }))).toThrow(
      expect.objectContaining({ code: 'analysis.too_large', problems: [{ path: 'method', message: '25 unknown facts; exact runs take at most 24: use method monte-carlo' }] }),
    );
    expect(runRisk(uncertain, riskRequestSchema.parse({ samples: 64 }))).toMatchObject({ method: 'monte-carlo', samples: 64 });
  });

  it('a Monte Carlo run over the work limit is refused with 422 naming samples; more than 10^6 samples likewise', () => {
    expect(() => runRisk(crowded, riskRequestSchema.parse({ method: 'monte-carlo', samples: 1_000_000 }))).toThrow(
      expect.objectContaining({ code: 'analysis.too_large', message: 'the risk run is too large', problems: [{ path: 'samples', message: expect.stringContaining('1,000,000 samples over 5,001 pledges') }] }),
    );
    expect(() => runRisk(uncertain, riskRequestSchema.parse({ method: 'monte-carlo', samples: 1_000_001 }))).toThrow(
      expect.objectContaining({ code: 'analysis.too_large', problems: [{ path: 'samples', message: 'at most 1,000,000 samples' }] }),
    );
  });
});
