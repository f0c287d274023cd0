import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

// Builds the dashboard into dist/web (what `coalition serve` serves), so browser tests and the web benchmark
// always run the current source rather than whatever was built last. Test files run in parallel processes and
// a build empties dist/web first, which would pull the files from under another test's server: builds take a
// lock (a directory), and a build of the same source as the last one (a hash of src/, index.html and the Vite
// config, stamped into dist/web) is skipped.

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const OUT = join(ROOT, 'dist', 'web');
const STAMP = join(OUT, '.source-hash');
const LOCK = join(ROOT, 'dist', '.web-build.lock');
const STALE_LOCK_MS = 5 * 60_000;

/** `vite build` of src/web unless dist/web already holds a build of the current source; rejects with Vite's output when it fails. */
export async function buildWeb(): Promise<void> {
  await acquireLock();
  try {
    const hash = await sourceHash();
    const built = await readFile(STAMP, 'utf8').catch(() => '');
    if (built === hash) return;
    await runVite();
    await writeFile(STAMP, hash);
  } finally {
    await rm(LOCK, { recursive: true, force: true });
  }
}

async function acquireLock(): Promise<void> {
  await mkdir(join(ROOT, 'dist'), { recursive: true });
  for (;;) {
    try {
      await mkdir(LOCK);
      return;
    } catch {
      // Another process builds; a lock left by a crashed one is taken over after a while.
      const since = await stat(LOCK).then((info) => Date.now() - info.mtimeMs, () => 0);
      if (since > STALE_LOCK_MS) await rm(LOCK, { recursive: true, force: true });
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
}

async function sourceHash(): Promise<string> {
  const hash = createHash('sha256');
  const files = [...(await listFiles(join(ROOT, 'src'))), join(ROOT, 'vite.config.ts'), join(ROOT, 'package-lock.json')].sort();
  for (const file of files) {
    hash.update(file);
    hash.update(await readFile(file).catch(() => Buffer.alloc(0)));
  }
  return hash.digest('hex');
}

async function listFiles(directory: string): Promise<string[]> {
  const entries = await readdir(directory, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? listFiles(join(directory, entry.name)) : Promise.resolve([join(directory, entry.name)]))));
  return nested.flat();
}

function runVite(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['node_modules/vite/bin/vite.js', 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`vite build failed (exit ${code}):\n${output}`))));
  });
}
