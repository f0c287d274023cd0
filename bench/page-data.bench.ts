import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { loadMapView } from '../src/web/features/map/load-map-view.js';
import { loadRequirementsView } from '../src/web/features/requirements/load-requirements-view.js';
import { loadEditorReference, loadEvaluatedPledge, loadPledgePreview } from '../src/web/features/pledges/load-pledge-editor.js';
import type { Pledge } from '../src/core/types.js';
import { apiGet } from '../src/web/lib/api-client.js';
import { clearCache } from '../src/web/lib/cache.js';
import type { PledgeRecord } from '../src/web/lib/records.js';
import { formatTable, median } from './bench-support.js';
import { loadEveryPledge } from './load-every-pledge.js';
import { buildScaleStore } from './support/scale-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// What the Map, Requirements and pledge editor (/pledges/<id>) pages load before they draw, on a store of --size
// generated pledges (bench/support/scale-store.ts): the loaders the pages call (their fetches go to a `coalition serve`
// on the store with a reader's token, or a delegate's for the editor), timed and weighed in Node — the time until the
// data to draw is in hand, not the browser's drawing. Compared in the same run, interleaved, on the same server: what
// the pages loaded before they asked the server for what they draw (every pledge record and every evaluated pledge,
// bench/load-every-pledge.ts; the editor then also evaluated every pledge twice in the browser for its preview, not
// timed here) against their loaders now (the map aggregate; the requirements with coverage from an evaluation without
// pledges; the editor's pledge, reference data and the server's preview of the draft, or for a reader the pledge's row
// of the pledge list).
// The scenario is evaluated once before (steady state: the server holds the evaluation), and the browser cache is
// empty at every visit. Medians of --runs.
// Usage: node --import tsx bench/page-data.bench.ts [-- --size=100000 --runs=3 --before=0] (--before=0 leaves out the
// old way: minutes at 100k).

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

/** Time a loader with the page's fetches sent to the server with the reader's token; milliseconds and bytes received. */
async function timeLoad(server: ServerProcess, headers: Record<string, string>, load: () => Promise<unknown>): Promise<{ ms: number; bytes: number; requests: number }> {
  const original = globalThis.fetch;
  let bytes = 0;
  let requests = 0;
  globalThis.fetch = async (input, init) => {
    const response = await original(`${server.url}${String(input)}`, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } });
    const text = await response.text();
    bytes += Buffer.byteLength(text);
    requests += 1;
    return new Response(text, { status: response.status, headers: response.headers });
  };
  try {
    clearCache();
    const started = performance.now();
    await load();
    return { ms: performance.now() - started, bytes, requests };
  } finally {
    globalThis.fetch = original;
  }
}

async function main(): Promise<void> {
  const size = option('size', 100_000);
  const runs = option('runs', 3);
  const directory = await mkdtemp(join(os.tmpdir(), 'coalition-page-data-'));
  const env = { COALITION_DATA: join(directory, 'data') };
  try {
    console.log(`[${size}] building the store …`);
    const store = await buildScaleStore({ size, storeOptions: { kind: 'pglite', dataDirectory: env.COALITION_DATA }, env, directory, writerParties: 1 });
    console.log(`[${size}] imported in ${(store.importMs / 1000).toFixed(1)} s`);
    const server = await startServerProcess(env);
    try {
      const headers = store.credentials.reader;
      const noSwitch = new Map<string, never>();
      // Steady state: the evaluation of the scenario is held by the server (as after the overview's first visit).
      await timeLoad(server, headers, () => loadRequirementsView(undefined, noSwitch));
      // The editor opens a pledge of the party whose delegate the store has.
      const party = [...store.credentials.writers][0] ?? '';
      const delegate = store.credentials.writerOf(party);
      // One from the middle of the party's pledges: the first ones are those that first used a name, whose edits
      // more often compile the network anew (docs/performance.md).
      const own = store.pledges.filter((pledge) => pledge.party === party);
      const target = own[own.length >> 1]?.id ?? '';
      const record = () => apiGet<PledgeRecord>(`/api/pledges/${encodeURIComponent(target)}`);
      const asDraft = ({ version: _v, createdAt: _c, updatedAt: _u, ...pledge }: PledgeRecord): Pledge => pledge;
      let edits = 0;
      // The delegate's scope has its own evaluation on the server: held before timing, as the reader's.
      await timeLoad(server, delegate, async () => loadPledgePreview(undefined, noSwitch, asDraft(await record())));
      const cases = [
        ...(process.argv.includes('--before=0') ? [] : [{ name: 'before: every pledge (map, requirements and editor alike)', headers, load: () => loadEveryPledge() }]),
        { name: 'map now: parties + aggregate', headers, load: () => loadMapView(undefined, noSwitch) },
        { name: 'requirements now: requirements, packages, coverage', headers, load: () => loadRequirementsView(undefined, noSwitch) },
        {
          name: 'editor now, delegate: pledge, reference, preview',
          headers: delegate,
          load: async () => {
            const [stored] = await Promise.all([record(), loadEditorReference(undefined)]);
            return loadPledgePreview(undefined, noSwitch, asDraft(stored));
          },
        },
        {
          name: 'editor now, delegate: one preview of a quantity edit',
          headers: delegate,
          load: async () => loadPledgePreview(undefined, noSwitch, { ...asDraft(await record()), quantity: { min: 1, max: 1000 + edits++ } }),
        },
        {
          name: 'editor now, delegate: one preview of a condition edit',
          headers: delegate,
          load: async () => loadPledgePreview(undefined, noSwitch, { ...asDraft(await record()), quantity: { min: 1, max: 1000 + edits++ }, condition: 'true' }),
        },
        {
          name: 'editor now, reader: pledge, reference, its list row',
          headers,
          load: async () => {
            const [stored] = await Promise.all([record(), loadEditorReference(undefined)]);
            return loadEvaluatedPledge(undefined, noSwitch, stored, 'en');
          },
        },
      ];
      const figures = new Map(cases.map((entry) => [entry.name, [] as { ms: number; bytes: number; requests: number }[]]));
      for (let run = 0; run < runs; run++) {
        for (const entry of run % 2 === 0 ? cases : [...cases].reverse()) figures.get(entry.name)?.push(await timeLoad(server, entry.headers, entry.load));
      }
      const rows = cases.map((entry) => {
        const list = figures.get(entry.name) ?? [];
        return [entry.name, `${median(list.map((f) => f.ms)).toFixed(0)} ms`, `${(median(list.map((f) => f.bytes)) / 1e6).toFixed(2)} MB`, String(list[0]?.requests ?? 0), list.map((f) => f.ms.toFixed(0)).join(' / ')];
      });
      console.log(`\npage data at ${size} pledges, median of ${runs}, load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
      console.log(formatTable(['loader', 'time', 'received', 'requests', 'runs (ms)'], rows));
    } finally {
      await server.stop();
    }
  } finally {
    await rm(directory, { recursive: true, force: true });
  }
}

process.on('SIGINT', () => process.exit(130));
process.on('SIGTERM', () => process.exit(143));
await main();
