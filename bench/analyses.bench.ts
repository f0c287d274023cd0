import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildModelFromPledges } from '../src/core/analyses/analysis-model.js';
import { buildAllocationProblem, prepareAllocationInput } from '../src/core/analyses/compute-allocation.js';
import { reduceAllocationLp } from '../src/core/analyses/reduce-allocation-lp.js';
import { computeRisk } from '../src/core/analyses/compute-risk.js';
import { computeUnlockers } from '../src/core/analyses/compute-unlockers.js';
import { buildApp } from '../src/api/app.js';
import { openStore } from '../src/db/open-store.js';
import { AllocationSolver } from '../src/services/analyses/allocation-solver.js';
import { createServices } from '../src/services/create-services.js';
import { buildAllocationModelData, buildAnalysisModelData, buildDistinctAllocationModelData } from './analyses-models.js';
import { formatNumber, formatTable, makeReference, median, timeMedian } from './bench-support.js';

// The decision analyses against their targets (DESIGN.md §9, docs/analyses.md), three runs each, medians, with
// a reference workload (sorting 10^6 numbers) timed in the same run: risk 100,000 samples on 1,000 pledges
// (bit-parallel) ≤ 2 s; exact risk with 16 unknown facts on 1,000 pledges ≤ 2 s; allocation with 200,000
// variables (none interchangeable), in the worker thread, ≤ 2 s while /health (a real HTTP request every 10 ms)
// answers ≤ 50 ms; unlockers
// on 10,000 pledges, 20 facts, 60 parties ≤ 1 s. Besides: the scalar risk path per sample, for the bit-parallel
// speed-up, and risk on a model with aggregates.

const RUNS = 3;
// BENCH_ONLY=risk,unlockers,allocation runs some of the parts (all by default).
const only = process.env.BENCH_ONLY?.split(',');
const wanted = (part: string): boolean => only === undefined || only.includes(part);
const rows: string[][] = [];
const record = (what: string, ms: number, target: number | undefined, note: string): void => {
  rows.push([what, formatNumber(ms, 1), target === undefined ? '–' : formatNumber(target, 0), target === undefined ? '–' : ms <= target ? 'yes' : 'NO', note]);
  console.log(`${what}: ${formatNumber(ms, 1)} ms${target === undefined ? '' : ` (target ≤ ${target} ms)`} ${note}`);
};

const reference = await timeMedian(RUNS, makeReference(1_000_000, 7));
console.log(`reference (sort 10^6 numbers): ${formatNumber(reference.ms, 1)} ms`);

// Risk, Monte Carlo, bit-parallel: 1,000 pledges, 24 unknown facts (more than 16: Monte Carlo), 100,000 samples.
if (wanted('risk')) {
  const data = buildAnalysisModelData({ pledges: 1000, parties: 40, facts: 30, unknown: 24, aggregates: false, seed: 11 });
  const model = buildModelFromPledges(data.pledges, data.requirements, data.facts);
  const run = await timeMedian(RUNS, () => computeRisk(model, { samples: 100_000, seed: 5 }));
  record('risk, Monte Carlo, 100,000 samples, 1,000 pledges', run.ms, 2000, `path ${run.result.path}, ${run.result.method}; ${formatNumber(run.ms / reference.ms, 2)}× reference`);
  const scalar = await timeMedian(RUNS, () => computeRisk(model, { samples: 5_000, seed: 5, path: 'scalar' }));
  const perSampleBits = run.ms / 100_000;
  const perSampleScalar = scalar.ms / 5_000;
  record('  the same, scalar path, 5,000 samples', scalar.ms, undefined, `per sample ${formatNumber(perSampleScalar * 1000, 1)} µs against ${formatNumber(perSampleBits * 1000, 2)} µs bit-parallel: ${formatNumber(perSampleScalar / perSampleBits, 1)}×`);
}

// Risk, exact: 16 unknown facts (65,536 assignments), 1,000 pledges.
if (wanted('risk')) {
  const data = buildAnalysisModelData({ pledges: 1000, parties: 40, facts: 20, unknown: 16, aggregates: false, seed: 12 });
  const model = buildModelFromPledges(data.pledges, data.requirements, data.facts);
  const run = await timeMedian(RUNS, () => computeRisk(model));
  record('risk, exact, 16 unknown facts, 1,000 pledges', run.ms, 2000, `path ${run.result.path}, ${run.result.samples} assignments; ${formatNumber(run.ms / reference.ms, 2)}× reference`);
}

// Risk on a model with aggregates (the engine's fixed points per sample).
if (wanted('risk')) {
  const data = buildAnalysisModelData({ pledges: 1000, parties: 40, facts: 30, unknown: 24, aggregates: true, seed: 13 });
  const model = buildModelFromPledges(data.pledges, data.requirements, data.facts);
  const run = await timeMedian(RUNS, () => computeRisk(model, { samples: 10_000, seed: 5 }));
  record('risk, Monte Carlo, 10,000 samples, 1,000 pledges with aggregates', run.ms, undefined, `path ${run.result.path}; ${formatNumber(run.ms / reference.ms, 2)}× reference`);
}

// Unlockers: 10,000 pledges, 20 facts (12 unknown), 60 parties, facts and aggregates.
if (wanted('unlockers')) {
  const data = buildAnalysisModelData({ pledges: 10_000, parties: 60, facts: 20, unknown: 12, aggregates: true, seed: 14 });
  const compile = await timeMedian(RUNS, () => buildModelFromPledges(data.pledges, data.requirements, data.facts));
  const model = compile.result;
  const run = await timeMedian(RUNS, () => computeUnlockers(model));
  record('unlockers, 10,000 pledges, 20 facts, 60 parties', run.ms, 1000, `${run.result.facts.length} facts + ${run.result.parties.length} parties; compiling the model ${formatNumber(compile.ms, 1)} ms more; ${formatNumber(run.ms / reference.ms, 2)}× reference`);
}

// Allocation, in the worker thread, while a real HTTP server on this thread answers GET /health every 10 ms. The
// main model: 10,000 pledges, each allowed in its own 20 of 100 sectors with its own quantity, so no two pledges
// are interchangeable: 200,000 variables, 10,100 rows. Besides: 10,000 interchangeable pledges × 20 requirements.
// The worker solves by lexicographic max flow (solve-allocation-flow.ts) on the full LP; BENCH_ENGINE=highs times
// HiGHS instead (the reference, on the exact reduction, reduce-allocation-lp.ts).
if (wanted('allocation')) {
  const distinct = buildDistinctAllocationModelData({ pledges: 10_000, requirements: 100, areasPerPledge: 20, seed: 15 });
  const interchangeable = buildAllocationModelData(10_000, 20, 15);
  const directory = await mkdtemp(join(tmpdir(), 'coalition-bench-analyses-'));
  const store = await openStore({ kind: 'pglite', dataDirectory: join(directory, 'data') });
  const services = createServices(store);
  const app = await buildApp(services);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  // A longer time limit than the server's 30 s: on a loaded machine the figure is measured, not cut off.
  const engine = process.env.BENCH_ENGINE === 'highs' ? 'highs' : 'flow';
  const solver = new AllocationSolver({ timeLimitSeconds: 600, engine });
  try {
    // The same-run reference for /health: its slowest answer over 3 s without a solve, three times.
    // Besides, the event loop's utilisation (the share of time it was busy, /health's own handling included): the
    // machine's load delays every answer alike, the utilisation shows whether the loop itself was blocked.
    const idleHealth: number[] = [];
    const idleBusy: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      const until = performance.now() + 3000;
      const before = performance.eventLoopUtilization();
      idleHealth.push(Math.max(...(await pollHealth(address, () => performance.now() < until))));
      idleBusy.push(performance.eventLoopUtilization(before).utilization * 100);
    }
    console.log(`/health without a solve, slowest over 3 s: ${idleHealth.map((ms) => formatNumber(ms, 1)).join(', ')} ms; event loop busy ${idleBusy.map((p) => formatNumber(p, 1)).join(', ')} %`);
    // Warm the worker (start, WASM compile) once: a server keeps it.
    await solver.allocate(prepareAllocationInput(buildModelFromPledges(distinct.pledges.slice(0, 10), distinct.requirements, []), 'min'));
    for (const [name, data] of [['distinct pledges', distinct], ['interchangeable pledges', interchangeable]] as const) {
      const model = buildModelFromPledges(data.pledges, data.requirements, data.facts);
      // The LP's size (computed here once, outside the timing; the worker does the same).
      const full = buildAllocationProblem(prepareAllocationInput(model, 'min')).lp;
      const reduced = reduceAllocationLp(full).lp;
      const size = `${engine === 'flow' ? 'max flow' : 'HiGHS'}; LP ${formatNumber(full.numCols, 0)} columns × ${formatNumber(full.numRows, 0)} rows (its reduction for HiGHS: ${formatNumber(reduced.numCols, 0)} × ${formatNumber(reduced.numRows, 0)})`;
      const times: number[] = [];
      const onThread: number[] = [];
      const healthMax: number[] = [];
      const busy: number[] = [];
      let variables = 0;
      for (let run = 0; run < RUNS; run++) {
        let solving = true;
        const poll = pollHealth(address, () => solving);
        const loop = performance.eventLoopUtilization();
        const start = performance.now();
        const input = prepareAllocationInput(model, 'min');
        onThread.push(performance.now() - start);
        const outcome = await solver.allocate(input);
        times.push(performance.now() - start);
        busy.push(performance.eventLoopUtilization(loop).utilization * 100);
        solving = false;
        const latencies = await poll;
        if (outcome.status !== 'optimal') throw new Error(`allocation not solved: ${outcome.message}`);
        variables = outcome.result.variables;
        healthMax.push(Math.max(...latencies));
        console.log(`  allocation (${name}) run ${run + 1}: ${formatNumber(times[run] ?? 0, 1)} ms, ${latencies.length} /health requests, slowest ${formatNumber(Math.max(...latencies), 1)} ms; event loop busy ${formatNumber(busy[run] ?? 0, 1)} %`);
      }
      record(`allocation, ${formatNumber(variables, 0)} variables, ${name}, in the worker`, median(times), 2000, `${size}; input on the request thread ${formatNumber(median(onThread), 1)} ms, the rest (LP build + solve + read) in the worker; ${formatNumber(median(times) / reference.ms, 2)}× reference`);
      record(`  /health during the allocation (${name}), slowest of each run (median)`, median(healthMax), 50, `real HTTP on the same event loop; without a solve (same run) the slowest was ${formatNumber(median(idleHealth), 1)} ms; event loop busy ${formatNumber(median(busy), 1)} % during the solve, ${formatNumber(median(idleBusy), 1)} % without`);
    }
  } finally {
    await solver.close();
    await app.close();
    await services.analyses.close();
    await store.close();
    await rm(directory, { recursive: true, force: true });
  }
}

/** GET /health every 10 ms while `going()`; the latencies. */
async function pollHealth(address: string, going: () => boolean): Promise<number[]> {
  const latencies: number[] = [];
  while (going()) {
    const start = performance.now();
    const response = await fetch(`${address}/health`);
    await response.text();
    latencies.push(performance.now() - start);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return latencies;
}

console.log(`\n${formatTable(['what', 'median ms', 'target ms', 'met', 'note'], rows)}`);
console.log(`reference: ${formatNumber(reference.ms, 1)} ms (sorting 10^6 numbers, same run)`);
