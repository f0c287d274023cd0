import { execFileSync } from 'node:child_process';
import { cp, mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { median } from './bench-support.js';
import { percentile } from './support/load-runner.js';
import { buildScaleStore, scenarioFacts } from './support/scale-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// Steady scenario evaluation, old code against new on one machine at one time (docs/performance.md: never judge
// speed on one run under load). Starts `coalition serve` from the working tree and from a git ref (extracted with
// git archive), each on its own copy of one scale store (bench/support/scale-store.ts), sends both the same
// distinct scenarios — one to each server in turn, the order alternating — prints each round's median and p99 with
// the load average, and counts the responses whose bodies differ (an optimisation must not change an answer).
// Usage: node --import tsx bench/scenario-ab.bench.ts -- --base=main [--size=100000 --evals=30 --rounds=3
//   --store-dir=DIR (kept and reused: building 100k takes minutes) --query=?pledges=noncertain]

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const flag = (name: string, fallback: string): string => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3) ?? fallback;

interface Side {
  label: string;
  server: ServerProcess;
  times: number[];
}

async function ensureStore(directory: string, size: number): Promise<{ data: string; reader: Record<string, string> }> {
  const saved = join(directory, 'credentials.json');
  const data = join(directory, 'data');
  try {
    return { data, reader: (JSON.parse(await readFile(saved, 'utf8')) as { reader: Record<string, string> }).reader };
  } catch {
    await mkdir(directory, { recursive: true });
    const env = { COALITION_DATA: data };
    const store = await buildScaleStore({ size, storeOptions: { kind: 'pglite', dataDirectory: data }, env, directory, writerParties: 1 });
    await writeFile(saved, JSON.stringify({ reader: store.credentials.reader }));
    return { data, reader: store.credentials.reader };
  }
}

async function extractRef(ref: string, directory: string): Promise<string> {
  const target = join(directory, 'base');
  await mkdir(target, { recursive: true });
  const archive = execFileSync('git', ['archive', ref], { cwd: ROOT, maxBuffer: 1 << 30 });
  execFileSync('tar', ['-x', '-C', target], { input: archive });
  await symlink(join(ROOT, 'node_modules'), join(target, 'node_modules'));
  return target;
}

async function main(): Promise<void> {
  const size = Number(flag('size', '100000'));
  const evals = Number(flag('evals', '30'));
  const rounds = Number(flag('rounds', '3'));
  const query = flag('query', '');
  const work = await mkdtemp(join(os.tmpdir(), 'coalition-ab-'));
  const storeDirectory = flag('store-dir', join(work, 'store'));
  const sides: Side[] = [];
  try {
    const { data, reader } = await ensureStore(storeDirectory, size);
    const roots: [string, string][] = [
      [`base (${flag('base', 'main')})`, await extractRef(flag('base', 'main'), work)],
      ['new (working tree)', ROOT],
    ];
    for (const [i, [label, root]] of roots.entries()) {
      const copy = join(work, `data-${i}`);
      await cp(data, copy, { recursive: true });
      const { startServerProcess: start } = (await import(join(root, 'bench/support/server-process.ts'))) as { startServerProcess: typeof startServerProcess };
      sides.push({ label, server: await start({ COALITION_DATA: copy }), times: [] });
    }
    const post = async (side: Side, body: unknown): Promise<{ ms: number; text: string }> => {
      const started = performance.now();
      const response = await fetch(`${side.server.url}/api/scenarios/evaluate${query}`, { method: 'POST', headers: { ...reader, 'content-type': 'application/json' }, body: JSON.stringify(body) });
      const text = await response.text();
      if (response.status !== 200) throw new Error(`${side.label}: ${response.status} ${text.slice(0, 300)}`);
      return { ms: performance.now() - started, text };
    };
    // Warm up: the first evaluation prepares the dataset; a few more let the JIT settle.
    for (const side of sides) for (let i = 0; i < 4; i++) await post(side, { facts: i === 0 ? [] : scenarioFacts(100_000 + i) });
    let scenario = 200_000;
    let differing = 0;
    for (let round = 1; round <= rounds; round++) {
      for (const side of sides) side.times = [];
      for (let e = 0; e < evals; e++) {
        const body = { facts: scenarioFacts(scenario++) };
        const order = (round + e) % 2 === 0 ? sides : [...sides].reverse();
        const texts: string[] = [];
        for (const side of order) {
          const answer = await post(side, body);
          side.times.push(answer.ms);
          texts.push(answer.text);
        }
        if (texts.some((text) => text !== texts[0])) differing++;
      }
      const load = os.loadavg().map((l) => l.toFixed(1)).join(' ');
      const figures = sides.map((side) => `${side.label}: median ${median(side.times).toFixed(0)} ms, p99 ${percentile([...side.times].sort((a, b) => a - b), 0.99).toFixed(0)} ms`);
      console.log(`round ${round} (load ${load}) ${figures.join(' | ')}`);
    }
    console.log(`${size} pledges, ${evals} distinct scenarios a round; responses whose bodies differ: ${differing}`);
  } finally {
    for (const side of sides) await side.server.stop();
    await rm(work, { recursive: true, force: true });
  }
}

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
await main();
