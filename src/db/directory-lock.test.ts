import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { StoreLockedError } from './directory-lock.js';
import { openStore } from './open-store.js';

// The embedded store belongs to one process (DESIGN.md §10): a second open of the same PGlite data directory
// is refused with a clear message, in this process and in another one; the lock is freed on close, and a lock
// left behind by a dead process is taken over. PGlite only: PostgreSQL serves many processes.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const LOCK = 'coalition.lock';

let scratch: string;
let child: string;

// A small program run by another Node process: `open <dir>` opens and closes the store; `lock <dir>` takes the
// lock alone, holds it briefly and releases it. Prints one JSON line.
const CHILD_SOURCE = `
const [mode, directory] = process.argv.slice(2);
try {
  if (mode === 'open') {
    const { openStore } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/db/open-store.ts')).href)});
    const store = await openStore({ kind: 'pglite', dataDirectory: directory });
    await store.close();
  } else {
    // Start on the parent's word, hold the lock until the parent closes stdin: every contender really overlaps.
    const { acquireDirectoryLock } = await import(${JSON.stringify(pathToFileURL(join(ROOT, 'src/db/directory-lock.ts')).href)});
    const lines = (await import('node:readline')).createInterface({ input: process.stdin })[Symbol.asyncIterator]();
    console.log('ready');
    await lines.next();
    let lock;
    try {
      lock = await acquireDirectoryLock(directory);
      console.log(JSON.stringify({ ok: true, pid: process.pid }));
    } catch (error) {
      console.log(JSON.stringify({ ok: false, name: error.name, message: error.message }));
    }
    while (!(await lines.next()).done);
    await lock?.release();
    process.exit(0);
  }
  console.log(JSON.stringify({ ok: true, pid: process.pid }));
} catch (error) {
  console.log(JSON.stringify({ ok: false, name: error.name, message: error.message }));
}
`;

interface ChildResult {
  ok: boolean;
  name?: string;
  message?: string;
}

function runChild(mode: 'open', directory: string): Promise<ChildResult> {
  return new Promise((resolve, reject) => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, mode, directory], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    process_.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    process_.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    process_.on('error', reject);
    process_.on('close', (code) => {
      const line = stdout.trim().split('\n').at(-1) ?? '';
      if (code !== 0 || !line.startsWith('{')) reject(new Error(`child exited ${code}: ${stdout}\n${stderr}`));
      else resolve(JSON.parse(line) as ChildResult);
    });
  });
}

/** `count` processes that try to take the lock at the same moment and hold what they got until all have tried. */
async function raceForLock(directory: string, count: number): Promise<ChildResult[]> {
  const contenders = Array.from({ length: count }, () => {
    const process_ = spawn(process.execPath, ['--import', 'tsx', child, 'lock', directory], { cwd: ROOT, stdio: ['pipe', 'pipe', 'inherit'] });
    const lines: string[] = [];
    const waiters: (() => void)[] = [];
    let buffer = '';
    process_.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const parts = buffer.split('\n');
      buffer = parts.pop() ?? '';
      lines.push(...parts);
      waiters.splice(0).forEach((wake) => wake());
    });
    const closed = new Promise<void>((resolve) => process_.on('close', () => resolve()));
    const line = async (index: number): Promise<string> => {
      while (lines.length <= index) await new Promise<void>((wake) => waiters.push(wake));
      return lines[index] ?? '';
    };
    return { process_, line, closed };
  });
  await Promise.all(contenders.map((contender) => contender.line(0)));
  for (const contender of contenders) contender.process_.stdin.write('go\n');
  const results = await Promise.all(contenders.map(async (contender) => JSON.parse(await contender.line(1)) as ChildResult));
  for (const contender of contenders) contender.process_.stdin.end();
  await Promise.all(contenders.map((contender) => contender.closed));
  return results;
}

/** A pid that no process has now: one of a child that has exited. */
function deadPid(): Promise<number> {
  return new Promise((resolve, reject) => {
    const exited = spawn(process.execPath, ['-e', '']);
    exited.on('error', reject);
    exited.on('close', () => resolve(exited.pid ?? 0));
  });
}

async function lockOwner(directory: string): Promise<string | undefined> {
  return readFile(join(directory, LOCK), 'utf8').catch(() => undefined);
}

beforeAll(async () => {
  scratch = await mkdtemp(join(tmpdir(), 'coalition-lock-'));
  child = join(scratch, 'open-child.mts');
  await writeFile(child, CHILD_SOURCE);
});

afterAll(async () => {
  await rm(scratch, { recursive: true, force: true });
});

describe('the PGlite data directory lock', () => {
  it('refuses a second open in the same process and in another one while held; frees it on close', async () => {
    const directory = join(scratch, 'held');
    const store = await openStore({ kind: 'pglite', dataDirectory: directory });
    try {
      expect(await lockOwner(directory)).toBe(String(process.pid));
      const second = openStore({ kind: 'pglite', dataDirectory: directory });
      await expect(second).rejects.toBeInstanceOf(StoreLockedError);
      await expect(second).rejects.toMatchObject({ directory, pid: process.pid });

      const other = await runChild('open', directory);
      expect(other).toMatchObject({ ok: false, name: 'StoreLockedError' });
      expect(other.message).toBe(
        `the data directory ${directory} is in use by process ${process.pid}; stop that process first, or run several processes against PostgreSQL (DATABASE_URL)`,
      );
      // The refusals left the holder's store and lock alone.
      expect(await lockOwner(directory)).toBe(String(process.pid));
      await store.db.execute(sql`SELECT 1`);
    } finally {
      await store.close();
    }
    expect(existsSync(join(directory, LOCK))).toBe(false);
    expect(await runChild('open', directory)).toMatchObject({ ok: true });
    expect(existsSync(join(directory, LOCK))).toBe(false);
    const reopened = await openStore({ kind: 'pglite', dataDirectory: directory });
    await reopened.close();
  });

  // The directory of the first test, created once (creating a PGlite data directory takes seconds).
  it.each([
    ['a dead pid', async () => String(await deadPid())],
    ['its own pid, which it does not hold (an app restarted in a container gets the same pid)', async () => String(process.pid)],
    ['nothing readable', async () => ''],
  ])('takes over a stale lock holding %s', async (_what, content) => {
    const directory = join(scratch, 'held');
    await writeFile(join(directory, LOCK), await content());
    const store = await openStore({ kind: 'pglite', dataDirectory: directory });
    try {
      expect(await lockOwner(directory)).toBe(String(process.pid));
    } finally {
      await store.close();
    }
    expect(existsSync(join(directory, LOCK))).toBe(false);
  });

  it.each([
    ['a fresh directory', false],
    ['a stale lock', true],
  ])('gives the lock to exactly one of several processes starting together on %s', async (_what, stale) => {
    const directory = await mkdtemp(join(scratch, 'race-'));
    if (stale) await writeFile(join(directory, LOCK), String(await deadPid()));
    const results = await raceForLock(directory, 5);
    expect(results.filter((result) => result.ok)).toHaveLength(1);
    for (const result of results.filter((item) => !item.ok)) expect(result.name).toBe('StoreLockedError');
    expect(existsSync(join(directory, LOCK))).toBe(false);
  });
});
