import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, it } from 'vitest';
import { readRecordHistory } from '../../src/db/audit.repository.js';
import { StoreLockedError } from '../../src/db/directory-lock.js';
import { pledgeEntity } from '../../src/db/entities/dataset-entities.js';
import { openStore, type Store } from '../../src/db/open-store.js';
import { listAllRecords } from '../../src/db/record.repository.js';
import { verifyAudit } from '../../src/services/audit/verify-audit.js';
import { openTestStore, type TestStore } from '../support/stores.js';
import { AckLedger, type CheckOutcome, checkAcksInHistory } from './ack-ledger.js';
import { createRandom } from '../support/seeded-random.js';
import { sleep, startWriter, within, type WriterRun, type WriterTarget } from './writer-process.js';
import { inTransaction } from '../../src/db/in-transaction.js';

// Crash test (DESIGN.md §10): a writer process (test/crash/writer.ts) edits pledges through RecordService and
// prints an ack after each committed write; it is killed with SIGKILL at seeded random moments, 20 times per
// store, and restarted. After every restart (and at the end, by this process on its own connection) every
// acknowledged write must be there and the audit chain must verify. On PGlite each restart must take over the
// lock the killed process left. Mostly the kill comes 50–400 ms after the first committed write; a few cycles
// are killed while the new process is opening the store (lock takeover, PGlite open and recovery, migrations).
// PGlite runs without fsync: this kills the process, not the machine, so no acknowledged write may be lost.

const CYCLES = 20;
const WORKERS = 4;
const SEED = Number(process.env.CRASH_SEED ?? 20_261_121);
const READY_TIMEOUT = 90_000;

interface CycleStats {
  kills: number;
  startupKills: number;
  restarts: number;
  checks: number;
  ackChecks: number;
  unacknowledgedCommits: number;
  readyMs: number[];
  openMs: number[];
}

const running = new Set<WriterRun>();

afterAll(async () => {
  for (const run of running) run.kill();
  await Promise.all([...running].map((run) => run.exited));
});

/** Kill and restart the writer CYCLES times; `afterKill` may check the store directly (PostgreSQL). */
async function runCycles(
  target: WriterTarget,
  ledger: AckLedger,
  hooks: { whileWriting?: (run: WriterRun) => Promise<void>; afterKill?: () => Promise<CheckOutcome> },
): Promise<{ stats: CycleStats; problems: string[] }> {
  const random = createRandom(SEED + (target.kind === 'pglite' ? 1 : 2));
  const stats: CycleStats = { kills: 0, startupKills: 0, restarts: 0, checks: 0, ackChecks: 0, unacknowledgedCommits: 0, readyMs: [], openMs: [] };
  const problems: string[] = [];
  const record = (outcome: CheckOutcome): void => {
    problems.push(...outcome.problems);
    stats.checks++;
    stats.ackChecks += outcome.acksChecked;
    stats.unacknowledgedCommits += outcome.unacknowledgedCommits;
  };
  // Each writer is started one cycle ahead (Node, tsx and the imports take most of a restart) and opens the
  // store only when told to, after its predecessor was killed: the restart itself (lock takeover, open,
  // recovery, migrations) still happens after the kill, in a new process.
  const mine = new Set<WriterRun>();
  const start = (cycle: number): WriterRun => {
    const run = startWriter(target, { cycle, seed: SEED + cycle, workers: WORKERS, wait: true });
    running.add(run);
    mine.add(run);
    return run;
  };
  let next: WriterRun | undefined = start(1);
  try {
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      const run: WriterRun = next ?? start(cycle);
      next = cycle < CYCLES ? start(cycle + 1) : undefined;
      // The first run creates the store and loads the demo data: never killed before it is ready.
      const duringStartup = cycle > 1 && random() < 0.2;
      const startupDelay = random() * (target.kind === 'pglite' ? 1500 : 150);
      const writingDelay = 50 + random() * 350;
      const goAt = performance.now();
      run.go();
      if (duringStartup) {
        await Promise.race([run.ready, sleep(startupDelay)]);
      } else {
        const ready = await within(run.ready, READY_TIMEOUT, `writer of cycle ${cycle} to open the store`);
        if (!ready) throw new Error(`writer of cycle ${cycle} exited before it was ready: ${[...run.errors, run.stderr].join('\n')}`);
        if (hooks.whileWriting && cycle === 2) await hooks.whileWriting(run);
        // Counted from the first committed write: a fresh process's first write (cold code, dataset load) is slow.
        const acked = await within(run.firstAck, READY_TIMEOUT, `writer of cycle ${cycle} to commit its first write`);
        if (!acked) throw new Error(`writer of cycle ${cycle} exited before its first write: ${[...run.errors, run.stderr].join('\n')}`);
        await sleep(writingDelay);
      }
      run.kill();
      const status = await within(run.exited, 30_000, `writer of cycle ${cycle} to exit after SIGKILL`);
      running.delete(run);
      mine.delete(run);
      const ready = await run.ready;
      problems.push(...run.errors.map((error) => `cycle ${cycle}: writer error: ${error}`));
      if (status.signal !== 'SIGKILL') problems.push(`cycle ${cycle}: writer ended with ${status.signal ?? `exit ${status.code}`}, not SIGKILL:\n${run.stderr}`);
      stats.kills++;
      if (ready) {
        // Cycle 1 creates the store: only restarts after a kill count for the restart times.
        if (cycle > 1) {
          stats.restarts++;
          stats.readyMs.push(Math.round((run.readyAt ?? Number.NaN) - goAt));
          stats.openMs.push(ready.openMs);
        }
        ledger.demoCreated += ready.demoCreated;
        // What the restarted writer found, against every ack of the writers before it.
        record(ledger.check(run.states, run.audit, `cycle ${cycle} (restart)`));
      } else stats.startupKills++;
      problems.push(...ledger.add(run.acks));
      if (hooks.afterKill) record(await hooks.afterKill());
    }
  } finally {
    for (const run of mine) {
      run.kill();
      await run.exited;
      running.delete(run);
    }
  }
  return { stats, problems };
}

/** Read the pledges and verify the audit chain in one snapshot, and check them against the ledger. */
async function checkStore(store: Store, ledger: AckLedger, where: string): Promise<CheckOutcome> {
  const { states, audit } = await inTransaction(
    store.db,
    async (tx) => {
      const pledges = await listAllRecords(tx, pledgeEntity);
      return { states: pledges.map((item) => ({ id: item.record.id, version: item.version, note: item.record.note ?? null })), audit: await verifyAudit(tx) };
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
  return ledger.check(states, audit, where);
}

/** Every ack individually in the audit history of its pledge, with its version and note. */
async function checkHistory(store: Store, ledger: AckLedger): Promise<string[]> {
  const history = new Map<string, unknown[]>();
  for (const id of new Set(ledger.acks.map((ack) => ack.id))) {
    history.set(id, (await readRecordHistory(store.db, 'pledges', id)).map((row) => row.after));
  }
  return checkAcksInHistory(ledger.acks, history);
}

function summarize(kind: string, stats: CycleStats, ledger: AckLedger, extra: string, started: number): string {
  const median = (values: number[]): number => [...values].sort((a, b) => a - b)[values.length >> 1] ?? Number.NaN;
  return (
    `[crash:${kind}] ${stats.kills} kills (${stats.startupKills} during startup), ${stats.restarts} restarts; ` +
    `${ledger.acks.length} acknowledged writes, all checked individually at the end (${stats.ackChecks} ack checks over ${stats.checks} checks); ` +
    `${stats.unacknowledgedCommits} writes committed but killed before their ack; ` +
    `restart after a kill: go→ready median ${median(stats.readyMs)} ms (max ${Math.max(...stats.readyMs)}), ` +
    `of which opening the store (lock takeover, open, migrate) median ${median(stats.openMs)} ms (max ${Math.max(...stats.openMs)}); ${extra}; ` +
    `${((performance.now() - started) / 1000).toFixed(1)} s`
  );
}

// The two stores run side by side: most of a cycle is a process starting (Node, tsx, PGlite), not waiting.
describe.concurrent('crash: kill -9 during writes', () => {
  describe('[pglite]', () => {
    let dir = '';
    afterAll(async () => {
      if (dir) await rm(dir, { recursive: true, force: true });
    });

    it('keeps every acknowledged write and a verifying audit chain; every restart takes over the stale lock', async ({ expect }) => {
      const started = performance.now();
      dir = await mkdtemp(join(tmpdir(), 'coalition-crash-'));
      const data = join(dir, 'data');
      const ledger = new AckLedger();
      const { stats, problems } = await runCycles({ kind: 'pglite', dir: data }, ledger, {
        // A second process on a directory in use is refused with a clear message, before PGlite touches it.
        whileWriting: async (run) => {
          await expect(openStore({ kind: 'pglite', dataDirectory: data })).rejects.toThrow(StoreLockedError);
          await expect(openStore({ kind: 'pglite', dataDirectory: data })).rejects.toThrow(`in use by process ${run.child.pid}`);
        },
      });
      // The last writer was killed too: this process takes over its lock and checks on its own connection.
      const openStarted = performance.now();
      const store = await openStore({ kind: 'pglite', dataDirectory: data });
      const takeoverMs = Math.round(performance.now() - openStarted);
      try {
        const final = await checkStore(store, ledger, 'final (test process)');
        problems.push(...final.problems, ...(await checkHistory(store, ledger)));
        stats.unacknowledgedCommits += final.unacknowledgedCommits;
      } finally {
        await store.close();
      }
      console.info(summarize('pglite', stats, ledger, `takeover by the test process ${takeoverMs} ms`, started));
      expect(problems).toEqual([]);
      expect(stats.restarts).toBe(CYCLES - 1 - stats.startupKills);
      expect(ledger.acks.length).toBeGreaterThan(CYCLES);
      expect(stats.unacknowledgedCommits).toBeLessThanOrEqual(stats.kills * WORKERS);
    }, 300_000);
  });

  describe('[postgres]', () => {
    let database: TestStore | undefined;
    afterAll(async () => {
      await database?.dispose();
    });

    it('keeps every acknowledged write and a verifying audit chain', async ({ expect }) => {
      const started = performance.now();
      database = await openTestStore('postgres');
      const { store, url } = database;
      if (!url) throw new Error('openTestStore(postgres) returned no URL');
      const ledger = new AckLedger();
      let cycle = 0;
      const { stats, problems } = await runCycles({ kind: 'postgres', url }, ledger, {
        // Right after each kill, on this process's own connection, before the next writer starts.
        afterKill: () => checkStore(store, ledger, `after kill ${++cycle} (test process)`),
      });
      const final = await checkStore(store, ledger, 'final (test process)');
      problems.push(...final.problems, ...(await checkHistory(store, ledger)));
      console.info(summarize('postgres', stats, ledger, 'checked by the test process after every kill', started));
      expect(problems).toEqual([]);
      expect(ledger.acks.length).toBeGreaterThan(CYCLES);
      expect(stats.unacknowledgedCommits).toBeLessThanOrEqual(stats.kills * WORKERS);
    }, 300_000);
  });
});
