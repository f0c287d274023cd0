import { afterAll, describe, expect, it } from 'vitest';
import { buildAnalysisModel, buildModelFromPledges } from '../../core/analyses/analysis-model.js';
import { allocate, prepareAllocationInput } from '../../core/analyses/compute-allocation.js';
import { buildDistinctAllocationModelData } from '../../../bench/analyses-models.js';
import { demoDataDirectory, loadDatasetDirectory } from '../load-dataset.js';
import { AllocationSolver } from './allocation-solver.js';
import { solveAllocationFlow } from '../../core/analyses/solve-allocation-flow.js';
import { solveLexicographic } from './solve-lexicographic.js';

// The worker thread gets the compiled input and does the rest (build, solve by max flow, read): its answer is the one
// the same code gives on this thread, typed arrays and all, for the demo data and for a model the reduction cannot
// shrink; with `engine: 'highs'` it is HiGHS's.

describe('AllocationSolver (worker thread)', () => {
  const solver = new AllocationSolver();
  afterAll(() => solver.close());

  it('answers as the in-thread allocation does, on the demo data (both bounds) and a model of distinct pledges', async () => {
    const dataset = await loadDatasetDirectory(demoDataDirectory());
    const demo = buildAnalysisModel(dataset, { facts: new Map([['ceasefire', true]]) });
    const data = buildDistinctAllocationModelData({ pledges: 300, requirements: 12, areasPerPledge: 4, seed: 3 });
    const distinct = buildModelFromPledges(data.pledges, data.requirements, data.facts);
    for (const [model, bound] of [[demo, 'min'], [demo, 'max'], [distinct, 'min']] as const) {
      const input = prepareAllocationInput(model, bound);
      const inWorker = await solver.allocate(input);
      const here = await allocate(input, (lp) => Promise.resolve(solveAllocationFlow(lp)));
      expect(inWorker.status).toBe('optimal');
      expect(inWorker).toEqual(here);
    }
  });

  it('solves with HiGHS in the worker when asked (the reference engine)', async () => {
    const highs = new AllocationSolver({ engine: 'highs' });
    try {
      const dataset = await loadDatasetDirectory(demoDataDirectory());
      const input = prepareAllocationInput(buildAnalysisModel(dataset, { facts: new Map([['ceasefire', true]]) }), 'max');
      expect(await highs.allocate(input)).toEqual(await allocate(input, (lp) => solveLexicographic(lp)));
    } finally {
      await highs.close();
    }
  });
});
