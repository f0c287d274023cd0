import { link, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite is one process's database: a second process on the same directory would corrupt it. A lock file
// holding the owner's pid refuses the second one with a clear message; a lock left by a dead process is taken over.
//
// Both steps must be atomic, or two processes starting together both get the lock: the lock file is created
// by link(2) from a file that already holds the pid (never visible empty), and only the holder of a second,
// short-lived takeover lock may remove a dead owner's lock.

export class StoreLockedError extends Error {
  constructor(
    readonly directory: string,
    readonly pid: number,
  ) {
    super(
      `the data directory ${directory} is in use by process ${pid}; stop that process first, ` +
        'or run several processes against PostgreSQL (DATABASE_URL)',
    );
    this.name = 'StoreLockedError';
  }
}

const heldHere = new Set<string>();
const ATTEMPTS = 50;

/** Take the directory's lock or throw StoreLockedError. */
export async function acquireDirectoryLock(directory: string): Promise<{ release: () => Promise<void> }> {
  const path = join(directory, 'coalition.lock');
  if (heldHere.has(path)) throw new StoreLockedError(directory, process.pid);
  heldHere.add(path); // reserved now, so a lock file with our own pid can only be an earlier process's
  const claim = `${path}.${process.pid}.${Math.random().toString(36).slice(2)}`;
  try {
    await writeFile(claim, String(process.pid));
    for (let attempt = 0; attempt < ATTEMPTS; attempt++) {
      if (await createFrom(claim, path)) return { release: () => release(path) };
      const owner = await readOwner(path);
      if (owner === undefined) continue; // removed meanwhile: try again
      if (isAlive(owner)) throw new StoreLockedError(directory, owner);
      // Stale: the owner died without releasing (kill -9). Take it over, one process at a time.
      const takeover = `${path}.takeover`;
      if (!(await createFrom(claim, takeover))) {
        const other = await readOwner(takeover);
        if (other !== undefined && !isAlive(other)) await rm(takeover, { force: true }); // died mid-takeover
        await sleep(20);
        continue;
      }
      try {
        // Only the takeover holder removes a dead owner's lock, so this is still the lock we judged stale.
        const again = await readOwner(path);
        if (again !== undefined && !isAlive(again)) await rm(path, { force: true });
      } finally {
        await rm(takeover, { force: true });
      }
    }
    throw new StoreLockedError(directory, (await readOwner(path)) ?? -1);
  } catch (error) {
    heldHere.delete(path);
    throw error;
  } finally {
    await rm(claim, { force: true });
  }
}

async function release(path: string): Promise<void> {
  heldHere.delete(path);
  // Remove the lock only while it is still ours.
  if ((await readOwner(path)) === process.pid) await rm(path, { force: true });
}

// Atomically create `target` with the content of `source`; false when it exists.
async function createFrom(source: string, target: string): Promise<boolean> {
  try {
    await link(source, target);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

// The pid in a lock file; undefined when the file is gone. Unreadable content counts as a dead owner (0).
async function readOwner(path: string): Promise<number | undefined> {
  let text: string;
  try {
    text = await readFile(path, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
  const pid = Number.parseInt(text, 10);
  return Number.isInteger(pid) && pid > 0 ? pid : 0;
}

// Our own pid in a lock we do not hold is a dead process's (a container restarts its app with the same pid).
function isAlive(pid: number): boolean {
  if (pid <= 0 || pid === process.pid) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
