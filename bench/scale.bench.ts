import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type PostgresCluster, startPostgresCluster } from '../test/support/postgres-cluster.js';
import { formatTable, median } from './bench-support.js';
import { percentile } from './support/load-runner.js';
import { runPaced } from './support/paced-load.js';
import { rssMb, ScaleClient, timeOverview } from './support/scale-client.js';
import { buildScaleStore } from './support/scale-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// Scale benchmark (issue 24, DESIGN.md §9, docs/performance.md "Scale"): builds stores of 1k / 10k / 100k generated
// pledges (60 parties, 25 requirements; pledges imported with `coalition import`), starts `coalition serve` on each
// and times through HTTP what a user waits for: scenario evaluation (steady median / p99, and the first after a
// write of each kind: the update/create mix, a pledge create, a pledge delete, a requirement write), a pledge write
// at 20 writes/s (p99), coverage right after a write, the dashboard's data (the requests the overview makes:
// src/web/lib/load-scenario-view.ts, first and later visit), the import, and the server's RSS; the same evaluation
// and overview rows for a delegate whose view hides others' confidential pledges; at the largest size a soak of
// --soak distinct scenarios with RSS sampled every 100. Each figure is printed with its target, its growth from the
// second-largest to the largest size, and GET /health in the same run.
// Usage: npm run bench:scale [-- --sizes=1000,10000,100000 --store=pglite|postgres --evals=N --soak=1000 --write-seconds=10]
// (--evals: timed steady evaluations per size and user; default 200 at the largest size, 50 below)

interface Options {
  sizes: number[];
  store: 'pglite' | 'postgres';
  /** Timed steady evaluations per size; by default 200 at the largest size (so the p99 is one), 50 below. */
  evals?: number;
  soak: number;
  writeSeconds: number;
}

function readOptions(): Options {
  const flag = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  return {
    sizes: (flag('sizes') ?? '1000,10000,100000').split(',').map(Number),
    store: flag('store') === 'postgres' ? 'postgres' : 'pglite',
    evals: flag('evals') === undefined ? undefined : Number(flag('evals')),
    soak: Number(flag('soak') ?? 1000),
    writeSeconds: Number(flag('write-seconds') ?? 10),
  };
}

interface Figures {
  importS: number;
  healthMs: number;
  evalMedianMs: number;
  evalP99Ms: number;
  evals: number;
  evalMb: number;
  firstEvalFreshMs: number;
  firstEvalAfterWriteMs: number;
  firstEvalAfterCreateMs: number;
  firstEvalAfterDeleteMs: number;
  requirementWriteMs: number;
  firstEvalAfterRequirementMs: number;
  writeP99Ms: number;
  writeP50Ms: number;
  writeNon2xx: number;
  coverageAfterWriteMs: number;
  overviewFirstMs: number;
  overviewLaterMs: number;
  overviewMb: number;
  viewer: { hidden: number; firstEvalFreshMs: number; evalMedianMs: number; evalP99Ms: number; firstEvalAfterWriteMs: number; overviewFirstMs: number; overviewLaterMs: number };
  rssMb: number;
  soak?: { rssAt100Mb: number; rssAtEndMb: number; maxMb: number; samples: number[]; scenarios: number };
}

/** Evaluations of new scenarios after three untimed ones, sorted. */
async function steadyEvaluations(client: ScaleClient, count: number, headers: Record<string, string>): Promise<number[]> {
  for (let i = 0; i < 3; i++) await client.evaluate(headers);
  const evals: number[] = [];
  for (let i = 0; i < count; i++) evals.push(await client.evaluate(headers));
  return evals.sort((a, b) => a - b);
}

/** `times` times: `write`, then the default evaluation as `headers` (the first after that write); the median. */
async function afterWrites(times: number, write: () => Promise<unknown>, client: ScaleClient, headers: Record<string, string>): Promise<number> {
  const ms: number[] = [];
  for (let i = 0; i < times; i++) {
    await write();
    ms.push((await client.evaluateDefault(headers)).ms);
  }
  return median(ms);
}

/** `times` times: a write, then the overview's data twice (first visit after the write, and a later one); medians. */
async function overviews(times: number, client: ScaleClient, server: ServerProcess, headers: Record<string, string>): Promise<{ first: number; later: number; bytes: number }> {
  const first: number[] = [];
  const later: number[] = [];
  let bytes = 0;
  for (let i = 0; i < times; i++) {
    await client.writeOne();
    const visit = await timeOverview(server, headers);
    first.push(visit.ms);
    bytes = visit.bytes;
    later.push((await timeOverview(server, headers)).ms);
  }
  return { first: median(first), later: median(later), bytes };
}

async function measureSize(size: number, options: Options, env: Record<string, string>, directory: string, largest: boolean): Promise<Figures> {
  const parties = 10;
  const evalCount = options.evals ?? (largest ? 200 : 50);
  console.log(`\n[${size}] building the store …`);
  const store = await buildScaleStore({ size, storeOptions: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDirectory: env.COALITION_DATA ?? '' }, env, directory, writerParties: parties });
  const progressLines = store.importProgress.split(/[\r\n]/).filter((line) => line.trim() !== '');
  console.log(`[${size}] imported in ${(store.importMs / 1000).toFixed(1)} s (progress: ${progressLines.length} updates; last: ${progressLines.at(-1)?.trim() ?? '-'})`);
  const { viewer, viewerParty } = store.credentials;
  const hidden = store.pledges.filter((pledge) => pledge.party !== viewerParty && (pledge.confidentiality === 'restricted' || (pledge.confidentiality === 'bilateral' && !pledge.shared_with.split(';').includes(viewerParty)))).length;
  const hiddenFromReader = store.pledges.filter((pledge) => pledge.confidentiality === 'bilateral').length;
  console.log(`[${size}] confidential: the viewer (delegate of ${viewerParty}) cannot see ${hidden} pledges, a coordinator ${hiddenFromReader} (bilateral)`);
  const server = await startServerProcess(env);
  console.log(`[${size}] server ${server.url} (pid ${server.pid}) up in ${server.startupMs} ms`);
  try {
    const client = new ScaleClient(server, store, `scale-${size}`);
    const health: number[] = [];
    for (let i = 0; i < 20; i++) health.push((await client.timed('GET', '/health')).ms);
    // The first evaluation waits for what is left of the start-up warm-up (reading, preparing, compiling).
    const warm = await client.evaluateDefault();
    console.log(`[${size}] first evaluation on a fresh server: ${warm.ms.toFixed(0)} ms, ${(warm.bytes / 1e6).toFixed(2)} MB`);
    // The delegate's first: after the warm-up, what their own view costs.
    const viewerWarm = await client.evaluateDefault(viewer);
    console.log(`[${size}] the delegate's first evaluation on a fresh server: ${viewerWarm.ms.toFixed(0)} ms`);
    const evals = await steadyEvaluations(client, evalCount, store.credentials.reader);
    const viewerEvals = await steadyEvaluations(client, evalCount, viewer);
    await client.loadTargets(400, 5, store.credentials.writers);
    const firstAfterWrite: number[] = [];
    const coverageAfterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      await client.writeOne();
      firstAfterWrite.push((await client.evaluateDefault()).ms);
      await client.writeOne();
      coverageAfterWrite.push((await client.timed('GET', '/api/coverage')).ms);
    }
    const firstAfterCreate = await afterWrites(5, () => client.createOne(), client, store.credentials.reader);
    const firstAfterDelete = await afterWrites(5, () => client.deleteOne(), client, store.credentials.reader);
    const requirementWrites: number[] = [];
    const firstAfterRequirement = await afterWrites(5, async () => requirementWrites.push(await client.writeRequirement(`scale-req-${requirementWrites.length}`)), client, store.credentials.reader);
    const viewerAfterWrite = await afterWrites(5, () => client.writeOne(), client, viewer);
    console.log(`[${size}] after writes: update/create mix ${median(firstAfterWrite).toFixed(0)} ms, create ${firstAfterCreate.toFixed(0)}, delete ${firstAfterDelete.toFixed(0)}, requirement ${firstAfterRequirement.toFixed(0)} (its write ${median(requirementWrites).toFixed(0)}), the delegate after another party's write ${viewerAfterWrite.toFixed(0)}`);
    const writes = await runPaced({ url: server.url, title: 'writes', rate: 20, durationS: options.writeSeconds, next: () => client.nextWrite() });
    const overview = await overviews(3, client, server, store.credentials.reader);
    const viewerOverview = await overviews(3, client, server, viewer);
    const figures: Figures = {
      importS: store.importMs / 1000,
      healthMs: median(health),
      evalMedianMs: median(evals),
      evalP99Ms: percentile(evals, 0.99),
      evals: evalCount,
      evalMb: warm.bytes / 1e6,
      firstEvalFreshMs: warm.ms,
      firstEvalAfterWriteMs: median(firstAfterWrite),
      firstEvalAfterCreateMs: firstAfterCreate,
      firstEvalAfterDeleteMs: firstAfterDelete,
      requirementWriteMs: median(requirementWrites),
      firstEvalAfterRequirementMs: firstAfterRequirement,
      writeP99Ms: writes.p99,
      writeP50Ms: writes.p50,
      writeNon2xx: writes.non2xx + writes.errors,
      coverageAfterWriteMs: median(coverageAfterWrite),
      overviewFirstMs: overview.first,
      overviewLaterMs: overview.later,
      overviewMb: overview.bytes / 1e6,
      viewer: { hidden, firstEvalFreshMs: viewerWarm.ms, evalMedianMs: median(viewerEvals), evalP99Ms: percentile(viewerEvals, 0.99), firstEvalAfterWriteMs: viewerAfterWrite, overviewFirstMs: viewerOverview.first, overviewLaterMs: viewerOverview.later },
      rssMb: rssMb(server.pid),
    };
    console.log(`[${size}] ${JSON.stringify(figures)}`);
    if (largest && options.soak > 0) figures.soak = await soak(client, server, options.soak, size);
    return figures;
  } finally {
    await server.stop();
  }
}

async function soak(client: ScaleClient, server: ServerProcess, scenarios: number, size: number): Promise<NonNullable<Figures['soak']>> {
  const samples: number[] = [];
  const started = performance.now();
  for (let i = 1; i <= scenarios; i++) {
    await client.evaluate();
    if (i % 100 === 0) {
      samples.push(rssMb(server.pid));
      console.log(`[${size}] soak: ${i} scenarios, RSS ${samples.at(-1)?.toFixed(0)} MB, ${((performance.now() - started) / 1000).toFixed(0)} s`);
    }
  }
  return { rssAt100Mb: samples[0] ?? Number.NaN, rssAtEndMb: samples.at(-1) ?? Number.NaN, maxMb: Math.max(...samples), samples, scenarios };
}

async function createDatabase(cluster: PostgresCluster, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: cluster.url });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  const url = new URL(cluster.url);
  url.pathname = `/${name}`;
  return url.toString();
}

function printTable(options: Options, results: Map<number, Figures>): void {
  const sizes = [...results.keys()];
  const last = sizes.at(-1) as number;
  const before = sizes.at(-2);
  const fmt = (value: number, decimals = 0): string => (Number.isFinite(value) ? value.toFixed(decimals) : '-');
  type Row = { name: string; pick: (f: Figures) => number; target: string; limit?: number; decimals?: number };
  const n = (results.get(last) as Figures).evals;
  const rows: Row[] = [
    { name: 'POST /api/scenarios/evaluate, steady, median ms', pick: (f) => f.evalMedianMs, target: '≤ 150', limit: 150 },
    { name: `POST /api/scenarios/evaluate, steady, p99 ms (of ${n})`, pick: (f) => f.evalP99Ms, target: '≤ 400', limit: 400 },
    { name: 'its response (default), MB', pick: (f) => f.evalMb, target: '', decimals: 2 },
    { name: 'first evaluation on a fresh server, ms', pick: (f) => f.firstEvalFreshMs, target: '' },
    { name: 'first evaluation after a write (update/create mix), ms', pick: (f) => f.firstEvalAfterWriteMs, target: '≤ 400', limit: 400 },
    { name: 'first evaluation after a pledge create, ms', pick: (f) => f.firstEvalAfterCreateMs, target: '≤ 400', limit: 400 },
    { name: 'first evaluation after a pledge delete, ms', pick: (f) => f.firstEvalAfterDeleteMs, target: '≤ 400', limit: 400 },
    { name: 'PUT /api/requirements/<id> (coordinator), ms', pick: (f) => f.requirementWriteMs, target: '' },
    { name: 'first evaluation after a requirement write, ms', pick: (f) => f.firstEvalAfterRequirementMs, target: '≤ 400', limit: 400 },
    { name: 'pledge write (update/create) p99 at 20/s, ms', pick: (f) => f.writeP99Ms, target: '≤ 60', limit: 60 },
    { name: 'pledge write p50 at 20/s, ms', pick: (f) => f.writeP50Ms, target: '' },
    { name: 'GET /api/coverage after a write, ms', pick: (f) => f.coverageAfterWriteMs, target: '≤ 400', limit: 400 },
    { name: 'dashboard overview data, first visit, ms', pick: (f) => f.overviewFirstMs, target: '≤ 3000', limit: 3000 },
    { name: 'dashboard overview data, later visit, ms', pick: (f) => f.overviewLaterMs, target: '≤ 1000', limit: 1000 },
    { name: 'dashboard overview data, MB', pick: (f) => f.overviewMb, target: '', decimals: 2 },
    { name: 'delegate (view hides pledges): first evaluation, fresh server, ms', pick: (f) => f.viewer.firstEvalFreshMs, target: '' },
    { name: 'delegate: evaluation, steady, median ms', pick: (f) => f.viewer.evalMedianMs, target: '≤ 150', limit: 150 },
    { name: `delegate: evaluation, steady, p99 ms (of ${n})`, pick: (f) => f.viewer.evalP99Ms, target: '≤ 400', limit: 400 },
    { name: "delegate: first evaluation after another party's write, ms", pick: (f) => f.viewer.firstEvalAfterWriteMs, target: '≤ 400', limit: 400 },
    { name: 'delegate: dashboard overview data, first visit, ms', pick: (f) => f.viewer.overviewFirstMs, target: '≤ 3000', limit: 3000 },
    { name: 'delegate: dashboard overview data, later visit, ms', pick: (f) => f.viewer.overviewLaterMs, target: '≤ 1000', limit: 1000 },
    { name: 'import of the pledges (coalition import), s', pick: (f) => f.importS, target: '≤ 30', limit: 30, decimals: 1 },
    { name: 'server RSS after the above, MB', pick: (f) => f.rssMb, target: '≤ 1536', limit: 1536 },
    { name: 'GET /health (reference), median ms', pick: (f) => f.healthMs, target: 'reference', decimals: 2 },
  ];
  const table = rows.map((row) => {
    const values = sizes.map((size) => fmt(row.pick(results.get(size) as Figures), row.decimals ?? 0));
    const lastValue = row.pick(results.get(last) as Figures);
    const growth = before === undefined ? Number.NaN : lastValue / row.pick(results.get(before) as Figures);
    const verdict = row.limit === undefined ? '' : lastValue <= row.limit ? 'PASS' : 'MISS';
    return [row.name, ...values, row.target, fmt(growth, 1), verdict];
  });
  console.log(`\nscale benchmark, store ${options.store}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  console.log(formatTable(['figure', ...sizes.map(String), `target (${last})`, before === undefined ? 'growth' : `growth ${before}→${last}`, 'verdict'], table));
  const soaked = results.get(last)?.soak;
  if (soaked) {
    const flat = soaked.rssAtEndMb <= soaked.rssAt100Mb * 1.1;
    console.log(`\nsoak at ${last}: ${soaked.scenarios} distinct scenarios; RSS after 100: ${fmt(soaked.rssAt100Mb)} MB, after ${soaked.scenarios}: ${fmt(soaked.rssAtEndMb)} MB, max ${fmt(soaked.maxMb)} MB (every 100: ${soaked.samples.map((s) => fmt(s)).join(' ')})`);
    console.log(`  ≤ 1.5 GB: ${soaked.maxMb <= 1536 ? 'PASS' : 'MISS'}; flat (end ≤ 1.1 × after 100): ${flat ? 'PASS' : 'MISS'}`);
  }
  const writes = [...results.values()].map((f) => f.writeNon2xx);
  console.log(`write errors/non-2xx per size: ${writes.join(' / ')}`);
}

async function main(): Promise<void> {
  const options = readOptions();
  const directory = await mkdtemp(join(os.tmpdir(), 'coalition-scale-'));
  let cluster: PostgresCluster | undefined;
  const results = new Map<number, Figures>();
  try {
    if (options.store === 'postgres') cluster = await startPostgresCluster();
    for (const [i, size] of options.sizes.entries()) {
      const env: Record<string, string> = cluster ? { DATABASE_URL: await createDatabase(cluster, `scale_${size}`) } : { COALITION_DATA: join(directory, `data-${size}`) };
      results.set(size, await measureSize(size, options, env, directory, i === options.sizes.length - 1));
      printTable(options, results);
    }
  } finally {
    if (cluster) await cluster.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
await main();
