import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { clearCache } from '../src/web/lib/cache.js';
import { loadScenarioView } from '../src/web/lib/load-scenario-view.js';
import { type PostgresCluster, startPostgresCluster } from '../test/support/postgres-cluster.js';
import { formatTable, median } from './bench-support.js';
import { percentile } from './support/load-runner.js';
import { runPaced } from './support/paced-load.js';
import { buildScaleStore, type ScaleStore, scenarioFacts } from './support/scale-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// Scale benchmark (issue 24, DESIGN.md §9, docs/performance.md "Scale"): builds stores of 1k / 10k / 100k generated
// pledges (60 parties, 25 requirements; pledges imported with `coalition import`), starts `coalition serve` on each
// and times through HTTP what a user waits for: scenario evaluation (steady median / p99, and the first after a
// write), a pledge write at 20 writes/s (p99), coverage right after a write, the dashboard's data (the requests
// the overview makes: src/web/lib/load-scenario-view.ts, first and later visit), the import, and the server's RSS;
// at the largest size a soak of --soak distinct scenarios with RSS sampled every 100. Each figure is printed with
// its target, its growth from the second-largest to the largest size, and GET /health in the same run.
// Usage: npm run bench:scale [-- --sizes=1000,10000,100000 --store=pglite|postgres --evals=30 --soak=1000 --write-seconds=10]

interface Options {
  sizes: number[];
  store: 'pglite' | 'postgres';
  evals: number;
  soak: number;
  writeSeconds: number;
}

function readOptions(): Options {
  const flag = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  return {
    sizes: (flag('sizes') ?? '1000,10000,100000').split(',').map(Number),
    store: flag('store') === 'postgres' ? 'postgres' : 'pglite',
    evals: Number(flag('evals') ?? 30),
    soak: Number(flag('soak') ?? 1000),
    writeSeconds: Number(flag('write-seconds') ?? 10),
  };
}

interface Figures {
  importS: number;
  healthMs: number;
  evalMedianMs: number;
  evalP99Ms: number;
  evalMb: number;
  firstEvalAfterWriteMs: number;
  writeP99Ms: number;
  writeP50Ms: number;
  writeNon2xx: number;
  coverageAfterWriteMs: number;
  overviewFirstMs: number;
  overviewLaterMs: number;
  overviewMb: number;
  rssMb: number;
  soak?: { rssAt100Mb: number; rssAtEndMb: number; maxMb: number; samples: number[]; scenarios: number };
}

class Client {
  private scenario = 0;
  private writes = 0;
  private readonly versions = new Map<string, number>();
  private readonly records = new Map<string, Record<string, unknown>>();
  private created = 0;

  constructor(
    private readonly server: ServerProcess,
    private readonly store: ScaleStore,
    private readonly label: string,
  ) {}

  async timed(method: string, path: string, body?: unknown, headers: Record<string, string> = this.store.credentials.reader): Promise<{ ms: number; status: number; text: string }> {
    const started = performance.now();
    const response = await fetch(`${this.server.url}${path}`, {
      method,
      headers: { ...headers, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await response.text();
    return { ms: performance.now() - started, status: response.status, text };
  }

  /** A scenario no earlier request asked (so the server cannot answer it from its result cache). */
  nextScenario(): { facts: { id: string; value: boolean | 'unknown' }[] } {
    return { facts: scenarioFacts(++this.scenario) };
  }

  async evaluate(): Promise<number> {
    const answer = await this.timed('POST', '/api/scenarios/evaluate', this.nextScenario());
    if (answer.status !== 200) throw new Error(`evaluate: ${answer.status} ${answer.text.slice(0, 500)}`);
    return answer.ms;
  }

  /** Load the write targets' current records (a few pledges of the parties with a delegate). */
  async loadTargets(count: number, parties: ReadonlySet<string>): Promise<void> {
    const targets = this.store.pledges.filter((pledge) => parties.has(pledge.party)).slice(0, count);
    for (const target of targets) {
      const answer = await this.timed('GET', `/api/pledges/${target.id}`);
      if (answer.status !== 200) throw new Error(`GET pledge ${target.id}: ${answer.status}`);
      const { version, createdAt: _c, updatedAt: _u, ...record } = JSON.parse(answer.text) as Record<string, unknown> & { version: number };
      this.records.set(target.id, record);
      this.versions.set(target.id, version);
    }
  }

  /** One write: four in five update a pledge (a new note), one in five creates one. */
  nextWrite(): { method: string; path: string; body: string; headers: Record<string, string>; done: (status: number, body: string) => void } {
    const n = ++this.writes;
    const ids = [...this.records.keys()];
    const id = ids[n % ids.length] as string;
    const record = this.records.get(id) as Record<string, unknown>;
    const headers = { ...this.store.credentials.writerOf(String(record.party)), 'content-type': 'application/json' };
    if (n % 5 === 0) {
      const fresh = `${this.label}-new-${++this.created}`;
      const body = JSON.stringify({ ...record, id: fresh, note: `created by write ${n}`, version: undefined });
      return { method: 'POST', path: '/api/pledges', body, headers, done: () => undefined };
    }
    const body = JSON.stringify({ ...record, note: `write ${n}`, version: this.versions.get(id) });
    return {
      method: 'PUT',
      path: `/api/pledges/${id}`,
      body,
      headers,
      done: (status, text) => {
        if (status === 200) this.versions.set(id, (JSON.parse(text) as { version: number }).version);
      },
    };
  }

  async writeOne(): Promise<void> {
    const write = this.nextWrite();
    const answer = await this.timed(write.method, write.path, JSON.parse(write.body), write.headers);
    write.done(answer.status, answer.text);
    if (answer.status !== 200 && answer.status !== 201) throw new Error(`${write.method} ${write.path}: ${answer.status} ${answer.text.slice(0, 500)}`);
  }
}

function rssMb(pid: number): number {
  const status = readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? Number.NaN);
  return kb / 1024;
}

/** Time the dashboard's data as the web app loads it (its fetch calls go to the server with the reader's token). */
async function timeOverview(server: ServerProcess, headers: Record<string, string>): Promise<{ ms: number; bytes: number }> {
  const original = globalThis.fetch;
  let bytes = 0;
  globalThis.fetch = async (input, init) => {
    const response = await original(`${server.url}${String(input)}`, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } });
    const text = await response.text();
    bytes += text.length;
    return new Response(text, { status: response.status, headers: response.headers });
  };
  try {
    clearCache();
    const started = performance.now();
    await loadScenarioView(undefined, new Map(), 'overview');
    return { ms: performance.now() - started, bytes };
  } finally {
    globalThis.fetch = original;
  }
}

async function measureSize(size: number, options: Options, env: Record<string, string>, directory: string, largest: boolean): Promise<Figures> {
  const parties = 10;
  console.log(`\n[${size}] building the store …`);
  const store = await buildScaleStore({ size, storeOptions: env.DATABASE_URL ? { kind: 'postgres', url: env.DATABASE_URL } : { kind: 'pglite', dataDirectory: env.COALITION_DATA ?? '' }, env, directory, writerParties: parties });
  const progressLines = store.importProgress.split(/[\r\n]/).filter((line) => line.trim() !== '');
  console.log(`[${size}] imported in ${(store.importMs / 1000).toFixed(1)} s (progress: ${progressLines.length} updates; last: ${progressLines.at(-1)?.trim() ?? '-'})`);
  const server = await startServerProcess(env);
  console.log(`[${size}] server ${server.url} (pid ${server.pid}) up in ${server.startupMs} ms`);
  try {
    const client = new Client(server, store, `scale-${size}`);
    const health: number[] = [];
    for (let i = 0; i < 20; i++) health.push((await client.timed('GET', '/health')).ms);
    // Warm up: the first evaluation prepares and compiles the dataset.
    const warm = await client.timed('POST', '/api/scenarios/evaluate', { facts: [] });
    console.log(`[${size}] first evaluation on a fresh server: ${warm.ms.toFixed(0)} ms, ${(warm.text.length / 1e6).toFixed(2)} MB`);
    for (let i = 0; i < 3; i++) await client.evaluate();
    const evals: number[] = [];
    for (let i = 0; i < options.evals; i++) evals.push(await client.evaluate());
    evals.sort((a, b) => a - b);
    await client.loadTargets(400, store.credentials.writers);
    const firstAfterWrite: number[] = [];
    const coverageAfterWrite: number[] = [];
    for (let i = 0; i < 5; i++) {
      await client.writeOne();
      firstAfterWrite.push((await client.timed('POST', '/api/scenarios/evaluate', { facts: [] })).ms);
      await client.writeOne();
      coverageAfterWrite.push((await client.timed('GET', '/api/coverage')).ms);
    }
    const writes = await runPaced({ url: server.url, title: 'writes', rate: 20, durationS: options.writeSeconds, next: () => client.nextWrite() });
    const overviewFirst: number[] = [];
    const overviewLater: number[] = [];
    let overviewBytes = 0;
    for (let i = 0; i < 3; i++) {
      await client.writeOne();
      const first = await timeOverview(server, store.credentials.reader);
      overviewFirst.push(first.ms);
      overviewBytes = first.bytes;
      overviewLater.push((await timeOverview(server, store.credentials.reader)).ms);
    }
    const figures: Figures = {
      importS: store.importMs / 1000,
      healthMs: median(health),
      evalMedianMs: median(evals),
      evalP99Ms: percentile(evals, 0.99),
      evalMb: warm.text.length / 1e6,
      firstEvalAfterWriteMs: median(firstAfterWrite),
      writeP99Ms: writes.p99,
      writeP50Ms: writes.p50,
      writeNon2xx: writes.non2xx + writes.errors,
      coverageAfterWriteMs: median(coverageAfterWrite),
      overviewFirstMs: median(overviewFirst),
      overviewLaterMs: median(overviewLater),
      overviewMb: overviewBytes / 1e6,
      rssMb: rssMb(server.pid),
    };
    console.log(`[${size}] ${JSON.stringify(figures)}`);
    if (largest && options.soak > 0) figures.soak = await soak(client, server, options.soak, size);
    return figures;
  } finally {
    await server.stop();
  }
}

async function soak(client: Client, server: ServerProcess, scenarios: number, size: number): Promise<NonNullable<Figures['soak']>> {
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
  const rows: Row[] = [
    { name: 'POST /api/scenarios/evaluate, steady, median ms', pick: (f) => f.evalMedianMs, target: '≤ 150', limit: 150 },
    { name: 'POST /api/scenarios/evaluate, steady, p99 ms', pick: (f) => f.evalP99Ms, target: '≤ 400', limit: 400 },
    { name: 'its response (default), MB', pick: (f) => f.evalMb, target: '', decimals: 2 },
    { name: 'first evaluation after a write, ms', pick: (f) => f.firstEvalAfterWriteMs, target: '≤ 400', limit: 400 },
    { name: 'pledge write (update/create) p99 at 20/s, ms', pick: (f) => f.writeP99Ms, target: '≤ 60', limit: 60 },
    { name: 'pledge write p50 at 20/s, ms', pick: (f) => f.writeP50Ms, target: '' },
    { name: 'GET /api/coverage after a write, ms', pick: (f) => f.coverageAfterWriteMs, target: '≤ 400', limit: 400 },
    { name: 'dashboard overview data, first visit, ms', pick: (f) => f.overviewFirstMs, target: '≤ 3000', limit: 3000 },
    { name: 'dashboard overview data, later visit, ms', pick: (f) => f.overviewLaterMs, target: '≤ 1000', limit: 1000 },
    { name: 'dashboard overview data, MB', pick: (f) => f.overviewMb, target: '', decimals: 2 },
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
