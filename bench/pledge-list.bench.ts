import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import { clearCache } from '../src/web/lib/cache.js';
import { loadPledgePage, loadReferenceWithoutPledges } from '../src/web/lib/load-scenario-view.js';
import { loadEveryPledge } from './load-every-pledge.js';
import { median } from './bench-support.js';
import { buildScaleStore } from './support/scale-store.js';
import { startServerProcess, type ServerProcess } from './support/server-process.js';

// The Pledges page's data at scale (issue 24): what the page loaded before it could draw — every pledge record and
// every evaluated pledge (bench/load-every-pledge.ts) — against what it loads now — the names and one page of the
// server's pledge list (loadPledgePage) — through HTTP on a generated store, interleaved, median of --rounds,
// bytes as received. Also searched pages, the first page sorted by every column, later pages, and the first
// request after a write (the list's per-dataset search texts and sort orders are built again then). Usage: node --import tsx bench/pledge-list.bench.ts [-- --size=100000 --rounds=3 --before=0]

const flag = (name: string): string | undefined => process.argv.find((arg) => arg.startsWith(`--${name}=`))?.slice(name.length + 3);
const size = Number(flag('size') ?? 100_000);
const rounds = Number(flag('rounds') ?? 3);
/** --before=0 leaves out the old way (every pledge: minutes at 100k). */
const before = flag('before') !== '0';

// One pledge's note rewritten through PUT /api/pledges/:id (a write as a delegate makes it).
async function writePledge(server: ServerProcess, headers: Record<string, string>, id: string, note: string): Promise<void> {
  const url = `${server.url}/api/pledges/${encodeURIComponent(id)}`;
  const current = (await (await fetch(url, { headers })).json()) as Record<string, unknown>;
  const { createdAt: _created, updatedAt: _updated, ...record } = current;
  const response = await fetch(url, { method: 'PUT', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify({ ...record, note }) });
  if (!response.ok) throw new Error(`PUT ${id}: ${response.status} ${(await response.text()).slice(0, 300)}`);
}

async function timed(server: ServerProcess, headers: Record<string, string>, load: () => Promise<unknown>): Promise<{ ms: number; bytes: number }> {
  const original = globalThis.fetch;
  let bytes = 0;
  globalThis.fetch = async (input, init) => {
    const response = await original(`${server.url}${String(input)}`, { ...init, headers: { ...(init?.headers as Record<string, string>), ...headers } });
    const text = await response.text();
    bytes += Buffer.byteLength(text);
    if (!response.ok) throw new Error(`${String(input)}: ${response.status} ${text.slice(0, 300)}`);
    return new Response(text, { status: response.status, headers: response.headers });
  };
  try {
    clearCache();
    const started = performance.now();
    await load();
    return { ms: performance.now() - started, bytes };
  } finally {
    globalThis.fetch = original;
  }
}

const directory = await mkdtemp(join(os.tmpdir(), 'pledge-list-bench-'));
try {
  const env = { COALITION_DATA: join(directory, 'data') };
  console.log(`building a store of ${size} pledges …`);
  const store = await buildScaleStore({ size, storeOptions: { kind: 'pglite', dataDirectory: env.COALITION_DATA }, env, directory, writerParties: 1 });
  console.log(`imported in ${(store.importMs / 1000).toFixed(1)} s`);
  const server = await startServerProcess(env);
  try {
    const headers = store.credentials.reader;
    const none = new Map();
    const sorts = ['id', '-party', 'capability', 'quantity', 'status', 'condition', 'state', 'explanation', 'sources'];
    const cases: [string, () => Promise<unknown>][] = [
      ...(before ? [['before: every pledge record and evaluated pledge (loadEveryPledge)', () => loadEveryPledge()] as [string, () => Promise<unknown>]] : []),
      ['GET /health (reference)', () => fetch('/health').then((response) => response.text())],
      ['names + first page of 100 (loadPledgePage)', () => Promise.all([loadReferenceWithoutPledges(undefined), loadPledgePage(undefined, none, { offset: 0, limit: 100 }, 'en')])],
      ['a page searched for "land ukraine"', () => loadPledgePage(undefined, none, { q: 'land ukraine', offset: 0, limit: 100 }, 'en')],
      ['a page searched for "bodentruppen" (German)', () => loadPledgePage(undefined, none, { q: 'bodentruppen', offset: 0, limit: 100 }, 'de')],
      ['a party\'s page searched for "waits" (explanations read)', () => loadPledgePage(undefined, none, { party: 'DE', q: 'waits', offset: 0, limit: 100 }, 'en')],
      ...sorts.map((sort): [string, () => Promise<unknown>] => [`first page sorted by ${sort}`, () => loadPledgePage(undefined, none, { sort, offset: 0, limit: 100 }, sort === '-party' ? 'de' : 'en')]),
      ['a later page (offset 50,000) sorted by capability', () => loadPledgePage(undefined, none, { sort: 'capability', offset: Math.floor(size / 2), limit: 100 }, 'en')],
      ['the last page sorted by condition', () => loadPledgePage(undefined, none, { sort: 'condition', offset: size - 100, limit: 100 }, 'en')],
      ['the state filter, sorted by -quantity', () => loadPledgePage(undefined, none, { state: 'possible', sort: '-quantity', offset: 0, limit: 100 }, 'en')],
    ];
    // The first request evaluates and caches the scenario on the server: timed apart.
    const first = await timed(server, headers, () => loadPledgePage(undefined, none, { offset: 0, limit: 100 }, 'en'));
    console.log(`first page on a fresh server (evaluation included): ${first.ms.toFixed(0)} ms, ${(first.bytes / 1e3).toFixed(1)} kB`);
    const results = new Map<string, { ms: number[]; bytes: number }>();
    const record = (name: string, figure: { ms: number; bytes: number }): void => {
      const entry = results.get(name) ?? { ms: [], bytes: 0 };
      entry.ms.push(figure.ms);
      entry.bytes = figure.bytes;
      results.set(name, entry);
    };
    const target = store.pledges.find((pledge) => store.credentials.writers.has(pledge.party));
    for (let round = 0; round < rounds; round++) {
      for (const [name, load] of cases) record(name, await timed(server, headers, load));
      // A write moves the audit head: the next request evaluates the new dataset and builds what the list keeps per dataset.
      for (const [name, request] of [['first request after a write: sorted by condition', { sort: 'condition' }], ['first request after a write: searched for "land ukraine"', { q: 'land ukraine' }]] as const) {
        if (!target) break;
        await writePledge(server, store.credentials.writerOf(target.party), target.id, `bench ${round} ${name}`);
        record(name, await timed(server, headers, () => loadPledgePage(undefined, none, { ...request, offset: 0, limit: 100 }, 'en')));
      }
    }
    console.log(`\nload average ${os.loadavg().map((value) => value.toFixed(1)).join(' ')}; median of ${rounds}, interleaved`);
    for (const [name, entry] of results) console.log(`${name}: ${median(entry.ms).toFixed(0)} ms (${entry.ms.map((ms) => ms.toFixed(0)).join(', ')}), ${(entry.bytes / 1e6).toFixed(3)} MB`);
    // What the server's caches hold now (the list's own: `pledge-list`).
    const health = (await (await fetch(`${server.url}/health`)).json()) as { caches: { name: string; entries: number; bytes: number; maxBytes: number | null }[] };
    console.log(`\ncaches: ${health.caches.map((cache) => `${cache.name} ${cache.entries} entries, ${(cache.bytes / 1e6).toFixed(1)} MB${cache.maxBytes === null ? '' : ` of ${(cache.maxBytes / 1e6).toFixed(0)} MB`}`).join('; ')}`);
  } finally {
    await server.stop();
  }
} finally {
  await rm(directory, { recursive: true, force: true });
}
