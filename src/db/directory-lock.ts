import { open, readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';

// PGlite is one process's database: a second process on the same directory would corrupt it. A lock file
// holding the owner's pid refuses the second one with a clear message; a lock left by a dead process is taken over.

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

/** Take the directory's lock or throw StoreLockedError. */
export async function acquireDirectoryLock(directory: string): Promise<{ release: () => Promise<void> }> {
  const path = join(directory, 'coalition.lock');
  if (heldHere.has(path)) throw new StoreLockedError(directory, process.pid);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      const handle = await open(path, 'wx');
      await handle.writeFile(String(process.pid));
      await handle.close();
      heldHere.add(path);
      return {
        release: async () => {
          heldHere.delete(path);
          await rm(path, { force: true });
        },
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw error;
      const owner = Number.parseInt(await readFile(path, 'utf8').catch(() => ''), 10);
      if (Number.isInteger(owner) && owner > 0 && isAlive(owner)) throw new StoreLockedError(directory, owner);
      // Stale: the owner died without releasing (kill -9). Take it over.
      await writeFile(path, '', { flag: 'w' }).catch(() => undefined);
      await rm(path, { force: true });
    }
  }
  throw new StoreLockedError(directory, -1);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}
