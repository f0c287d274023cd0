import { spawn } from 'node:child_process';
import { cp, mkdir, readdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { loadavg } from 'node:os';
import pg from 'pg';
import { startPostgresCluster } from '../test/support/postgres-cluster.js';
import { buildScaleStore } from './support/scale-store.js';

// `coalition import` of bench:scale's generated pledge file, A/B: the same prepared store (the demo plus the
// scale parties and facts) copied afresh before every run, the checkouts interleaved, the median of the runs.
//   node --import tsx bench/import-ab.bench.ts --size=100000 --runs=3 --store=pglite|postgres CHECKOUT...
// A checkout is a directory holding this repository (e.g. /work/main and a worktree); each runs its own CLI.

interface Options {
  size: number;
  runs: number;
  store: 'pglite' | 'postgres';
  checkouts: string[];
  /** Leave the prepared store and file in place (for profiling), and say where. */
  keep: boolean;
}

function parse(argv: readonly string[]): Options {
  const value = (name: string): string | undefined => argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
  const checkouts = argv.filter((arg) => !arg.startsWith('--')).map((dir) => resolve(dir));
  return { size: Number(value('size') ?? 100_000), runs: Number(value('runs') ?? 3), store: value('store') === 'postgres' ? 'postgres' : 'pglite', checkouts: checkouts.length > 0 ? checkouts : [process.cwd()], keep: argv.includes('--keep') };
}

async function timeImport(checkout: string, file: string, env: Record<string, string>): Promise<number> {
  const started = performance.now();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'import', file], { cwd: checkout, stdio: ['ignore', 'pipe', 'pipe'], env: { ...process.env, ...env } });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const code = await new Promise<number | null>((done) => child.once('exit', done));
  if (code !== 0) throw new Error(`import in ${checkout} exited ${String(code)}:\n${output.slice(-4000)}`);
  return performance.now() - started;
}

const median = (values: readonly number[]): number => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)] ?? Number.NaN;

async function main(): Promise<void> {
  const options = parse(process.argv.slice(2));
  const directory = join('/tmp', `import-ab-${process.pid}`);
  await mkdir(directory, { recursive: true });
  const cluster = options.store === 'postgres' ? await startPostgresCluster() : undefined;
  try {
    const admin = cluster ? new pg.Client({ connectionString: cluster.url }) : undefined;
    await admin?.connect();
    const urlOf = (name: string): string => {
      const url = new URL(cluster?.url ?? '');
      url.pathname = `/${name}`;
      return url.toString();
    };
    const base = join(directory, 'base');
    if (admin) await admin.query('CREATE DATABASE import_base');
    // The prepared store without the pledges: buildScaleStore's own import is pointed at a store that does not exist.
    await buildScaleStore({
      size: options.size,
      storeOptions: admin ? { kind: 'postgres', url: urlOf('import_base') } : { kind: 'pglite', dataDirectory: base },
      env: { DATABASE_URL: 'postgres://nobody@127.0.0.1:1/none' },
      directory,
      writerParties: 0,
    }).then(
      () => Promise.reject(new Error('the import into no store succeeded')),
      () => undefined,
    );
    const file = join(directory, `scale-${options.size}.json`);
    if (!(await readdir(directory)).includes(`scale-${options.size}.json`)) throw new Error('the import file was not written');
    const times = new Map<string, number[]>(options.checkouts.map((checkout) => [checkout, []]));
    for (let run = 0; run < options.runs; run++) {
      for (const checkout of options.checkouts) {
        const name = `run_${run}_${options.checkouts.indexOf(checkout)}`;
        let env: Record<string, string>;
        if (admin) {
          await admin.query(`CREATE DATABASE ${name} TEMPLATE import_base`);
          env = { DATABASE_URL: urlOf(name) };
        } else {
          await cp(base, join(directory, name), { recursive: true });
          env = { COALITION_DATA: join(directory, name) };
        }
        const load = loadavg()[0]?.toFixed(2);
        const ms = await timeImport(checkout, file, env);
        times.get(checkout)?.push(ms);
        console.log(`${checkout} run ${run + 1}: ${(ms / 1000).toFixed(1)} s (load before ${load})`);
        if (admin) await admin.query(`DROP DATABASE ${name}`);
        else await rm(join(directory, name), { recursive: true, force: true });
      }
    }
    for (const [checkout, ms] of times) console.log(`${checkout}: median ${(median(ms) / 1000).toFixed(1)} s of ${ms.map((m) => (m / 1000).toFixed(1)).join(', ')}`);
    console.log(`load average now ${loadavg().map((l) => l.toFixed(2)).join(' ')}`);
    await admin?.end();
  } finally {
    if (options.keep) console.log(`kept ${directory}`);
    else {
      await cluster?.stop();
      await rm(directory, { recursive: true, force: true });
    }
  }
}

await main();
