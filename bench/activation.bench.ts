import os from 'node:os';
import { compileNetwork } from '../src/core/activation/compile-network.js';
import { type ActivationResult, evaluateActivation } from '../src/core/activation/evaluate-activation.js';
import { createScratch, runFixedPoint } from '../src/core/activation/run-fixed-point.js';
import { type ActivationModel, buildChainModel, buildRandomModel, countLiterals } from './activation-models.js';
import { formatNumber, formatTable, makeReference, timeMedian } from './bench-support.js';

// Activation benchmark (DESIGN.md §9, docs/performance.md): times evaluateActivation (four fixed points,
// explanations, waiting groups) from 10^3 to 10^6 pledges on deterministic models, with a reference workload
// measured in the same run. Prints PASS/MISS per target and always exits 0.
// Usage: npm run bench [-- --max=100000 --families=random,chain --phases]
// --phases: also time the parts at the largest size, one run each (compile; the four fixed points; the rest —
// explanations, waiting groups, the result objects — as the whole call minus those).

const TARGET_MS_AT_MILLION = 2000;
const TARGET_GROWTH = 12;
const SEED = 20_240_601;

type Family = { name: string; build: (n: number) => ActivationModel };

const FAMILIES: Family[] = [
  { name: 'random', build: (n) => buildRandomModel(n, SEED) },
  { name: 'chain', build: (n) => buildChainModel(n, 'chain', SEED) },
  { name: 'chain-head-inactive', build: (n) => buildChainModel(n, 'chain-head-inactive', SEED) },
  { name: 'ring', build: (n) => buildChainModel(n, 'ring', SEED) },
];

interface Measurement {
  n: number;
  literals: number;
  buildMs: number;
  activationMs: number;
  activationCpuMs: number;
  activationGcMs: number;
  referenceMs: number;
  shares: { certain: number; possible: number; inactive: number; gap: number };
  groups: number;
  largestGroup: number;
}

/** The families named by `--families=a,b`, or all. */
function readFamilies(): Family[] {
  const flag = process.argv.find((arg) => arg.startsWith('--families='));
  const names = flag?.slice('--families='.length).split(',');
  return names === undefined ? FAMILIES : FAMILIES.filter((family) => names.includes(family.name));
}

/** CPU ms of the parts of one evaluation (see --phases); a full GC before. */
async function measurePhases(model: ActivationModel): Promise<string> {
  const part = async <T>(work: () => T): Promise<{ ms: number; result: T }> => {
    const timed = await timeMedian(1, work);
    return { ms: timed.cpuMs, result: timed.result };
  };
  const compiled = await part(() => compileNetwork(model.pledges));
  const network = compiled.result;
  const values = network.factIds.map((id) => model.facts.get(id));
  const scratch = createScratch(network);
  const runs: number[] = [];
  for (const [optimistic, greatest] of [[false, true], [true, true], [false, false], [true, false]] as const) {
    runs.push((await part(() => runFixedPoint(network, values, { optimistic, greatest }, scratch))).ms);
  }
  const whole = await part(() => evaluateActivation(model.pledges, model.facts));
  const rest = whole.ms - compiled.ms - runs.reduce((sum, ms) => sum + ms, 0);
  return `cpu ms: whole ${whole.ms.toFixed(0)} = compile ${compiled.ms.toFixed(0)} + fixed points ${runs.map((ms) => ms.toFixed(0)).join(' / ')} (pess. greatest, opt. greatest, pess. least, opt. least) + the rest ${rest.toFixed(0)}`;
}

/** Sizes 10^3 … 10^6, or up to `--max=N`. */
function readSizes(): number[] {
  const flag = process.argv.find((arg) => arg.startsWith('--max='));
  const max = flag === undefined ? 1_000_000 : Number(flag.slice('--max='.length));
  return [1_000, 10_000, 100_000, 1_000_000].filter((n) => n <= max);
}

function runsFor(n: number): number {
  return n >= 1_000_000 ? 3 : 5;
}

function describeResult(result: ActivationResult): Pick<Measurement, 'shares' | 'groups' | 'largestGroup'> {
  const counts = { certain: 0, possible: 0, inactive: 0 };
  for (const pledge of result.pledges) counts[pledge.state]++;
  const total = Math.max(1, result.pledges.length);
  return {
    shares: {
      certain: counts.certain / total,
      possible: counts.possible / total,
      inactive: counts.inactive / total,
      gap: result.assuranceGap.length / total,
    },
    groups: result.waitingGroups.length,
    largestGroup: result.waitingGroups.reduce((max, group) => Math.max(max, group.length), 0),
  };
}

async function measure(family: Family, n: number): Promise<Measurement> {
  const built = await timeMedian(1, () => family.build(n));
  const model = built.result;
  const runs = runsFor(n);
  const reference = await timeMedian(runs, makeReference(n, SEED));
  const activation = await timeMedian(runs, () => evaluateActivation(model.pledges, model.facts));
  return {
    n,
    literals: countLiterals(model.pledges) / n,
    buildMs: built.ms,
    activationMs: activation.ms,
    activationCpuMs: activation.cpuMs,
    activationGcMs: activation.gcMs,
    referenceMs: reference.ms,
    ...describeResult(activation.result),
  };
}

function percent(share: number): string {
  return `${(share * 100).toFixed(1)}%`;
}

function growthOf(rows: readonly Measurement[], index: number, field: 'activationMs' | 'referenceMs'): number | undefined {
  const previous = rows[index - 1];
  const current = rows[index];
  return previous && current && current.n === previous.n * 10 ? current[field] / previous[field] : undefined;
}

function printFamily(name: string, rows: readonly Measurement[]): void {
  const header = ['pledges', 'lits/pl', 'runs', 'activation ms', 'cpu ms', 'gc ms', 'growth/10x', 'reference ms', 'ref growth', 'act/ref', 'certain', 'possible', 'inactive', 'gap', 'groups', 'largest'];
  const body = rows.map((row, i) => [
    row.n.toLocaleString('en-US'),
    formatNumber(row.literals, 2),
    String(runsFor(row.n)),
    formatNumber(row.activationMs, 1),
    formatNumber(row.activationCpuMs, 0),
    formatNumber(row.activationGcMs, 0),
    formatNumber(growthOf(rows, i, 'activationMs'), 2),
    formatNumber(row.referenceMs, 1),
    formatNumber(growthOf(rows, i, 'referenceMs'), 2),
    formatNumber(row.activationMs / row.referenceMs, 2),
    percent(row.shares.certain),
    percent(row.shares.possible),
    percent(row.shares.inactive),
    percent(row.shares.gap),
    String(row.groups),
    String(row.largestGroup),
  ]);
  console.log(`\n== ${name} ==`);
  console.log(formatTable(header, body));
}

/** PASS/MISS lines for one family; returns the number of misses. */
function checkTargets(name: string, rows: readonly Measurement[]): number {
  let misses = 0;
  const verdict = (ok: boolean): string => {
    if (!ok) misses++;
    return ok ? 'PASS' : 'MISS';
  };
  const million = rows.find((row) => row.n === 1_000_000);
  if (million) {
    const ok = million.activationMs <= TARGET_MS_AT_MILLION;
    console.log(`  ${verdict(ok)}  ${name}: 10^6 pledges in ${million.activationMs.toFixed(0)} ms (target <= ${TARGET_MS_AT_MILLION} ms)`);
  } else {
    console.log(`  SKIP  ${name}: 10^6 pledges not measured (--max)`);
  }
  const growths = rows.map((_, i) => growthOf(rows, i, 'activationMs')).filter((g): g is number => g !== undefined);
  const worst = Math.max(...growths);
  if (growths.length > 0) {
    const ok = worst <= TARGET_GROWTH;
    console.log(`  ${verdict(ok)}  ${name}: worst growth per 10x = ${worst.toFixed(2)}x (target <= ${TARGET_GROWTH}x)`);
  }
  const last = rows[rows.length - 1];
  const before = rows[rows.length - 2];
  if (last && before) {
    const drift = last.activationMs / last.referenceMs / (before.activationMs / before.referenceMs);
    console.log(`  info  ${name}: act/ref ratio ${last.n.toLocaleString('en-US')} vs ${before.n.toLocaleString('en-US')} = ${drift.toFixed(2)}x (1 = scales like the reference)`);
  }
  return misses;
}

async function main(): Promise<void> {
  const sizes = readSizes();
  const cpus = os.cpus();
  console.log(`Activation benchmark — ${new Date().toISOString()}`);
  console.log(`node ${process.version}, ${cpus.length} cores (${cpus[0]?.model ?? 'unknown cpu'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB`);
  console.log('Timed: evaluateActivation (compile, four fixed points, explanations, waiting groups); median of runs, a full GC before each.');
  console.log(`Load average now: ${os.loadavg().map((load) => load.toFixed(1)).join(' ')} (cpu ms > wall ms means GC helper threads; wall >> cpu means a busy machine).`);
  console.log('Reference: sort n seeded random numbers with a comparator, same run, same runs count.');
  console.log('gc ms: garbage-collection pauses inside the timed activation runs (median).');
  // Warm-up of every family's code paths, so that the first size is not mostly JIT compilation.
  for (const family of FAMILIES) {
    const warm = family.build(2_000);
    for (let i = 0; i < 3; i++) evaluateActivation(warm.pledges, warm.facts);
  }

  const results: { name: string; rows: Measurement[] }[] = [];
  for (const family of readFamilies()) {
    const rows: Measurement[] = [];
    for (const n of sizes) rows.push(await measure(family, n));
    printFamily(family.name, rows);
    if (process.argv.includes('--phases')) {
      const n = sizes[sizes.length - 1] as number;
      console.log(`phases at ${n.toLocaleString('en-US')}, one run each, ${await measurePhases(family.build(n))}`);
    }
    results.push({ name: family.name, rows });
  }

  console.log('\n== targets (DESIGN.md §9) ==');
  const misses = results.reduce((sum, { name, rows }) => sum + checkTargets(name, rows), 0);
  console.log(misses === 0 ? '\nRESULT: ALL TARGETS PASS' : `\nRESULT: ${misses} TARGET(S) MISSED`);
  process.exitCode = 0;
}

await main();
