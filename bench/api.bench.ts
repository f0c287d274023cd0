import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { type PostgresCluster, startPostgresCluster } from '../test/support/postgres-cluster.js';
import { createRandom, formatNumber, formatTable, median } from './bench-support.js';
import { type CpuShares, cpuShares, postmasterOf, sampleCpu } from './support/cpu-usage.js';
import { type LoadResult, runLoad } from './support/load-runner.js';
import { runPaced } from './support/paced-load.js';
import { PledgeWrites } from './support/pledge-writes.js';
import { prepareBenchUsers } from './support/bench-users.js';
import { startServerProcess } from './support/server-process.js';

// HTTP API benchmark (DESIGN.md §9, docs/performance.md "HTTP API"): starts `coalition serve --demo` as a child
// process on PGlite (temporary directory) and on PostgreSQL (a throwaway cluster), and drives it with autocannon
// at fixed rates: GET /health (the trivial reference route), GET /api/coverage, GET /api/pledges?limit=50 and
// PUT /api/pledges/:id edits with the current version. Each route runs `--runs` times (interleaved) for
// `--duration` seconds; the table shows medians over the runs and the p99 ratio to /health in the same run.
// After the writes: 0 lost acknowledged writes (final versions, audit history, GET /api/audit/verify).
// Prints PASS/MISS per target and always exits 0 (unless the benchmark itself fails).
// Load: by default a paced open-loop generator (bench/support/paced-load.ts); --generator=autocannon for
// autocannon's bursty overallRate.
// Usage: npm run bench:api [-- --generator=paced|autocannon --duration=10 --runs=3 --warmup=3 --stores=postgres,pglite --routes=reference,read,write
//        --read-connections=20 --write-connections=20 --pg-fast --cpu-prof=DIR]

type RouteKind = 'reference' | 'read' | 'write';

interface Route {
  name: string;
  kind: RouteKind;
  path: string;
  rate: number;
}

const ROUTES: Route[] = [
  { name: 'GET /health', kind: 'reference', path: '/health', rate: 1000 },
  { name: 'GET /api/coverage', kind: 'read', path: '/api/coverage', rate: 1000 },
  { name: 'GET /api/pledges?limit=50', kind: 'read', path: '/api/pledges?limit=50', rate: 1000 },
  { name: 'PUT /api/pledges/:id', kind: 'write', path: '/api/pledges/:id', rate: 200 },
];

const TARGETS = { read: { rate: 1000, p99: 50, store: 'postgres' }, write: { rate: 200, p99: 100, store: undefined } } as const;
const ACHIEVED_SHARE = 0.95;

type StoreKind = 'pglite' | 'postgres';

interface Options {
  durationS: number;
  runs: number;
  warmupS: number;
  stores: StoreKind[];
  readConnections: number;
  writeConnections: number;
  /** Keep the test cluster's fsync=off / synchronous_commit=off for the writes (default: durable settings). */
  pgFast: boolean;
  cpuProfDir: string | undefined;
  /** Only these routes (by kind: reference, read, write; or a path such as /api/coverage). */
  routes: string[] | undefined;
  /** `paced` (default): evenly spaced open-loop arrivals; `autocannon`: its bursty overallRate. */
  generator: 'paced' | 'autocannon';
}

function readOptions(): Options {
  const flag = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const has = (name: string): boolean => process.argv.includes(`--${name}`);
  const stores = (flag('stores') ?? 'postgres,pglite').split(',').filter((store): store is StoreKind => store === 'pglite' || store === 'postgres');
  return {
    durationS: Number(flag('duration') ?? 10),
    runs: Number(flag('runs') ?? 3),
    warmupS: Number(flag('warmup') ?? 3),
    stores,
    readConnections: Number(flag('read-connections') ?? 20),
    writeConnections: Number(flag('write-connections') ?? 20),
    pgFast: has('pg-fast'),
    cpuProfDir: flag('cpu-prof'),
    routes: flag('routes')?.split(','),
    generator: flag('generator') === 'autocannon' ? 'autocannon' : 'paced',
  };
}

interface Row {
  store: StoreKind;
  route: Route;
  runs: LoadResult[];
  /** p99 / p99 of /health, per run. */
  ratios: number[];
  loads: number[];
  cpu: CpuShares[];
}

async function benchStore(
  store: StoreKind,
  env: Record<string, string>,
  options: Options,
  postmaster: number | undefined,
): Promise<{ rows: Row[]; writeCheck: Awaited<ReturnType<PledgeWrites['checkAcknowledged']>> }> {
  const nodeArgs = options.cpuProfDir ? ['--cpu-prof', `--cpu-prof-dir=${options.cpuProfDir}`, `--cpu-prof-name=server-${store}-${Date.now()}.cpuprofile`] : [];
  // Users and API tokens first (the server then finds the demo loaded); every request is authenticated.
  const credentials = await prepareBenchUsers(env);
  const server = await startServerProcess(env, nodeArgs);
  console.log(`[${store}] server ${server.url} (pid ${server.pid}) up in ${server.startupMs} ms`);
  try {
    const writes = new PledgeWrites(`bench-${store}`, createRandom(20_261_121), credentials);
    const pledges = await writes.load(server.url);
    if (pledges <= options.writeConnections) throw new Error(`${pledges} pledges: need more than --write-connections=${options.writeConnections}`);
    const load = async (route: Route, durationS: number): Promise<LoadResult> => {
      if (options.generator === 'paced') {
        const next = route.kind === 'write' ? () => writes.nextPaced() : () => ({ method: 'GET', path: route.path, headers: credentials.reader });
        return runPaced({ url: server.url, title: route.name, rate: route.rate, durationS, next });
      }
      const result = await runLoad({
        url: server.url,
        title: route.name,
        rate: route.rate,
        connections: route.kind === 'write' ? options.writeConnections : options.readConnections,
        durationS,
        path: route.kind === 'write' ? '/' : route.path,
        headers: credentials.reader,
        ...(route.kind === 'write' ? { requests: [writes.request()] } : {}),
      });
      return result;
    };
    const routes = ROUTES.filter((route) => !options.routes || options.routes.includes(route.kind) || options.routes.includes(route.path));
    // autocannon drops the requests in flight when a run ends; the server still commits them: resync after writes.
    const settle = async (route: Route): Promise<void> => {
      if (route.kind === 'write') await writes.resync(server.url);
    };
    for (const route of routes) {
      await load(route, options.warmupS);
      await settle(route);
    }
    const rows: Row[] = routes.map((route) => ({ store, route, runs: [], ratios: [], loads: [], cpu: [] }));
    for (let run = 1; run <= options.runs; run++) {
      let reference = Number.NaN;
      for (const row of rows) {
        const loadAverage = os.loadavg()[0] ?? Number.NaN;
        const before = sampleCpu(server.pid, postmaster);
        const result = await load(row.route, options.durationS);
        const cpu = cpuShares(before, sampleCpu(server.pid, postmaster));
        await settle(row.route);
        row.cpu.push(cpu);
        if (row.route.kind === 'reference') reference = result.p99;
        row.runs.push(result);
        row.ratios.push(result.p99 / reference);
        row.loads.push(loadAverage);
        console.log(
          `[${store}] run ${run} ${row.route.name}: ${result.achievedRate.toFixed(0)}/s, p50 ${result.p50.toFixed(1)} ms, p99 ${result.p99.toFixed(1)} ms, ` +
            `max ${result.max.toFixed(0)} ms, errors ${result.errors}, statuses ${JSON.stringify(result.statusCounts)}, load ${loadAverage.toFixed(1)}; ` +
            `CPU: server ${cpu.server.toFixed(0)}%, postgres ${cpu.postgres.toFixed(0)}%, load generator ${cpu.client.toFixed(0)}% of a core, machine ${cpu.machine.toFixed(0)}% busy`,
        );
      }
    }
    const writeCheck = await writes.checkAcknowledged(server.url);
    console.log(
      `[${store}] writes: ${writes.counts.ok} acknowledged (200), ${writes.counts.conflicts} conflicts (409), ${writes.counts.otherNon2xx} other non-2xx; ` +
        `${writeCheck.checked} acknowledged writes checked, ${writeCheck.problems.length} problems, audit chain ${writeCheck.auditEntries} entries`,
    );
    for (const problem of writeCheck.problems.slice(0, 20)) console.log(`  LOST/BAD: ${problem}`);
    return { rows, writeCheck };
  } catch (error) {
    console.error(`[${store}] server stderr:\n${server.stderr()}`);
    throw error;
  } finally {
    await server.stop();
  }
}

/**
 * Prepare the throwaway cluster: turn durability back on unless `fast` (it starts with fsync and
 * synchronous_commit off), and return the postmaster's pid for the CPU accounting.
 */
async function prepareCluster(cluster: PostgresCluster, fast: boolean): Promise<number> {
  const url = new URL(cluster.url);
  url.username = 'postgres';
  url.pathname = '/postgres';
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    if (!fast) {
      for (const setting of ['fsync = on', 'synchronous_commit = on', 'full_page_writes = on']) await admin.query(`ALTER SYSTEM SET ${setting}`);
      await admin.query('SELECT pg_reload_conf()');
    }
    const backend = await admin.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    return postmasterOf(Number(backend.rows[0]?.pid));
  } finally {
    await admin.end();
  }
}

function verdict(row: Row, lost: number): { target: string; result: string } {
  const p99 = median(row.runs.map((run) => run.p99));
  const achieved = median(row.runs.map((run) => run.achievedRate));
  const failures = row.runs.reduce((sum, run) => sum + run.errors, 0);
  if (row.route.kind === 'reference') return { target: '-', result: '' };
  const target = TARGETS[row.route.kind];
  if (target.store && target.store !== row.store) return { target: `(${target.rate}/s, p99 ≤ ${target.p99} ms on PG)`, result: 'info' };
  const non2xx = row.runs.reduce((sum, run) => sum + run.non2xx, 0);
  const ok = achieved >= ACHIEVED_SHARE * target.rate && p99 <= target.p99 && failures === 0 && non2xx === 0 && lost === 0;
  return { target: `${target.rate}/s, p99 ≤ ${target.p99} ms`, result: ok ? 'PASS' : 'MISS' };
}

async function main(): Promise<void> {
  const options = readOptions();
  console.log(
    `HTTP API benchmark: ${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? '?'}), Node ${process.version}, load average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}; ` +
      `${options.runs} runs × ${options.durationS} s per route, reads ${options.readConnections} connections, writes ${options.writeConnections}`,
  );
  const rows: Row[] = [];
  const lost = new Map<StoreKind, number>();
  let cluster: PostgresCluster | undefined;
  let directory: string | undefined;
  process.on('exit', () => {
    if (directory) rmSync(directory, { recursive: true, force: true });
  });
  try {
    for (const store of options.stores) {
      let env: Record<string, string>;
      let postmaster: number | undefined;
      if (store === 'postgres') {
        cluster = await startPostgresCluster();
        postmaster = await prepareCluster(cluster, options.pgFast);
        console.log(`[postgres] cluster up in ${cluster.startupMs} ms (${options.pgFast ? 'fsync off, synchronous_commit off' : 'fsync on, synchronous_commit on'})`);
        env = { DATABASE_URL: cluster.url };
      } else {
        directory = await mkdtemp(join(os.tmpdir(), 'coalition-bench-'));
        env = { COALITION_DATA: join(directory, 'data') };
      }
      try {
        const result = await benchStore(store, env, options, postmaster);
        rows.push(...result.rows);
        lost.set(store, result.writeCheck.problems.length);
      } finally {
        if (cluster) await cluster.stop();
        cluster = undefined;
        if (directory) await rm(directory, { recursive: true, force: true });
        directory = undefined;
      }
    }
  } finally {
    await cluster?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  }
  printTable(rows, lost);
}

function printTable(rows: Row[], lost: Map<StoreKind, number>): void {
  const sum = (row: Row, pick: (run: LoadResult) => number): number => row.runs.reduce((total, run) => total + pick(run), 0);
  const table = rows.map((row) => {
    const { target, result } = verdict(row, row.route.kind === 'write' ? (lost.get(row.store) ?? 0) : 0);
    const conflicts = row.route.kind === 'write' ? sum(row, (run) => run.statusCounts['409'] ?? 0) : 0;
    return [
      row.route.name,
      row.store,
      String(row.route.rate),
      formatNumber(median(row.runs.map((run) => run.achievedRate)), 0),
      formatNumber(median(row.runs.map((run) => run.p50)), 1),
      formatNumber(median(row.runs.map((run) => run.p99)), 1),
      row.runs.map((run) => run.p99.toFixed(0)).join('/'),
      String(sum(row, (run) => run.errors)),
      String(sum(row, (run) => run.non2xx)) + (conflicts > 0 ? ` (${conflicts}×409)` : ''),
      row.route.kind === 'reference' ? '1' : formatNumber(median(row.ratios), 1),
      row.route.kind === 'write' ? String(lost.get(row.store) ?? '?') : '-',
      formatNumber(median(row.runs.map((run, index) => cpuMsPerRequest(row.cpu[index]?.server, run))), 2),
      row.store === 'postgres' ? formatNumber(median(row.runs.map((run, index) => cpuMsPerRequest(row.cpu[index]?.postgres, run))), 2) : '-',
      formatNumber(median(row.cpu.map((cpu) => cpu.server)), 0),
      formatNumber(median(row.cpu.map((cpu) => cpu.machine)), 0),
      formatNumber(median(row.loads), 1),
      target,
      result,
    ];
  });
  const header = [
    'route',
    'store',
    'rate',
    'achieved/s',
    'p50 ms',
    'p99 ms',
    'p99 per run',
    'errors',
    'non-2xx',
    'p99 ÷ /health',
    'lost acks',
    'server CPU ms/req',
    'pg CPU ms/req',
    'server %core',
    'machine %busy',
    'load',
    'target',
    '',
  ];
  console.log(`\n${formatTable(header, table)}`);
  console.log(
    '\nMedians over the runs; latencies over every response (paced: from the scheduled send time of each request; autocannon: its per-request times). CPU: user + system time of the server process ' +
      '(PGlite runs inside it) and of the PostgreSQL processes per completed request; "server %core" of one core; "machine %busy" of all ' +
      'cores, other users of the machine included; "load" is the 1-minute load average when the run started.',
  );
}

function cpuMsPerRequest(percentOfCore: number | undefined, run: LoadResult): number {
  if (percentOfCore === undefined || run.completed === 0) return Number.NaN;
  return (percentOfCore / 100) * run.durationS * 1000 / run.completed;
}

// Ctrl-C or kill: exit through process.exit so the 'exit' handlers stop the server and the cluster.
for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => process.exit(130));

main().catch((error: unknown) => {
  console.error(error);
  process.exitCode = 1;
});
