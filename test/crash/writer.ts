import { writeSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { pledgeEntity } from '../../src/db/entities/dataset-entities.js';
import { openStore, type Store, type StoreOptions } from '../../src/db/open-store.js';
import { listAllRecords } from '../../src/db/record.repository.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { createServices } from '../../src/services/create-services.js';
import { createRandom } from '../support/seeded-random.js';

// The crash test's victim (DESIGN.md §10, test/crash/crash.test.ts), run as `node --import tsx test/crash/writer.ts`.
// Opens the store (taking over the lock a killed predecessor left), loads the demo data if the store is empty,
// reports what it finds (`state`, `audit`, `ready`), then writes pledge edits through RecordService as fast as
// it can until it is killed, printing `ack <pledgeId> <version> <note>` after each COMMITTED write.
// stdout is written with writeSync on fd 1: the line is in the pipe before the next write starts, and never
// before the transaction committed.

const { values } = parseArgs({
  options: {
    kind: { type: 'string' },
    dir: { type: 'string' },
    url: { type: 'string' },
    seed: { type: 'string', default: '1' },
    cycle: { type: 'string', default: '0' },
    workers: { type: 'string', default: '4' },
    wait: { type: 'boolean', default: false },
  },
});

function emit(line: string): void {
  writeSync(1, `${line}\n`);
}

function storeOptions(): StoreOptions {
  if (values.kind === 'pglite' && values.dir) return { kind: 'pglite', dataDirectory: values.dir };
  if (values.kind === 'postgres' && values.url) return { kind: 'postgres', url: values.url };
  throw new Error('usage: writer.ts --kind pglite --dir DIR | --kind postgres --url URL [--seed N] [--cycle N] [--workers N]');
}

async function report(store: Store): Promise<void> {
  const pledges = await listAllRecords(store.db, pledgeEntity);
  for (const item of pledges) emit(`state ${JSON.stringify({ id: item.record.id, version: item.version, note: item.record.note ?? null })}`);
  emit(`audit ${JSON.stringify(await verifyAudit(store.db))}`);
}

async function writeForever(store: Store, worker: number, workers: number): Promise<never> {
  const services = createServices(store);
  const cycle = Number(values.cycle);
  const random = createRandom(Number(values.seed) * 7919 + worker);
  const ids = (await listAllRecords(store.db, pledgeEntity)).map((item) => item.record.id).filter((_, index) => index % workers === worker);
  if (ids.length === 0) throw new Error(`worker ${worker} has no pledges to write`);
  for (let n = 1; ; n++) {
    const id = ids[Math.floor(random() * ids.length)] as string;
    const current = await services.records.get({ name: 'test' }, pledgeEntity, id);
    const note = `crash c${cycle} w${worker} n${n}`;
    const record = { ...current.record, note };
    if (record.quantity) record.quantity = { min: record.quantity.min, max: record.quantity.max + 1 };
    const written = await services.records.replace({ name: 'crash-test' }, pledgeEntity, record, current.version);
    emit(`ack ${id} ${written.version} ${note}`);
  }
}

// With --wait the process starts (Node, tsx, imports) ahead of time and touches the store only when a line
// arrives on stdin: the parent sends it after it killed the previous writer. stdin closing (the parent died)
// ends the process, so no writer outlives its test.
function waitForGo(): Promise<void> {
  return new Promise((resolve) => {
    process.stdin.once('data', () => resolve());
    process.stdin.once('end', () => process.exit(2));
  });
}

async function main(): Promise<void> {
  const options = storeOptions();
  if (values.wait) await waitForGo();
  const openStarted = performance.now();
  const store = await openStore(options);
  const openMs = performance.now() - openStarted;
  const services = createServices(store);
  let created = 0;
  if ((await listAllRecords(store.db, pledgeEntity)).length === 0) {
    // Imported lazily: reading the demo files costs time the restarts do not need.
    const { loadDemo } = await import('../../src/services/load-demo.js');
    created = (await loadDemo(store, services.cache, services.now)).created;
  }
  await report(store);
  // openMs: lock (takeover) + open + migrate; sinceStartMs: from this process's start, Node and tsx included.
  emit(`ready ${JSON.stringify({ pid: process.pid, openMs: Math.round(openMs), sinceStartMs: Math.round(performance.now()), demoCreated: created })}`);
  const workers = Number(values.workers);
  await Promise.all(Array.from({ length: workers }, (_, worker) => writeForever(store, worker, workers)));
}

main().catch((error: unknown) => {
  emit(`error ${JSON.stringify(error instanceof Error ? `${error.name}: ${error.message}` : String(error))}`);
  process.exitCode = 1;
  // Leave without closing: a failing writer is reported, not cleaned up (the parent removes the directory).
  setImmediate(() => process.exit(1));
});
