import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

// `coalition serve --demo` as a child process in its own process group (DESIGN.md §12: never `npx … &`), on a
// free port; stop() ends the whole group (SIGTERM, then SIGKILL after a grace period).

const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface ServerProcess {
  /** http://127.0.0.1:<port> */
  url: string;
  pid: number;
  /** Milliseconds from spawn until the server printed its address. */
  startupMs: number;
  /** What the server printed to stderr so far. */
  stderr(): string;
  /** What the server printed to stdout so far (e.g. --trace-gc lines). */
  stdout(): string;
  /** Wall-clock time of the spawn (to place --trace-gc's "ms since start" on the clock, roughly). */
  spawnedAt: Date;
  stop(): Promise<void>;
}

/** Start the API server on the store the environment names (COALITION_DATA or DATABASE_URL). */
export async function startServerProcess(env: Record<string, string>, extraNodeArgs: string[] = []): Promise<ServerProcess> {
  const started = performance.now();
  const spawnedAt = new Date();
  const args = [...extraNodeArgs, '--import', 'tsx', 'src/bin.ts', 'serve', '--port', '0', '--host', '127.0.0.1', '--demo'];
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  // If this process ends without stop() (an exception, Ctrl-C), the server's group must not outlive it.
  const killOnExit = (): void => signalGroup(child, 'SIGKILL');
  process.on('exit', killOnExit);
  const stop = async (): Promise<void> => {
    process.off('exit', killOnExit);
    if (child.exitCode !== null || child.signalCode !== null) return;
    signalGroup(child, 'SIGTERM');
    const timer = setTimeout(() => signalGroup(child, 'SIGKILL'), 10_000);
    await exited;
    clearTimeout(timer);
    // The server is gone; anything it started in its group goes too.
    signalGroup(child, 'SIGKILL');
  };
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`the server did not start within 120 s:\n${stdout}\n${stderr}`)), 120_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        stdout += chunk.toString();
        const match = /listening on (http:\/\/[^\s]+)/.exec(stdout);
        if (match) {
          clearTimeout(timer);
          resolve(match[1] as string);
        }
      });
      child.once('exit', (code, signal) => {
        clearTimeout(timer);
        reject(new Error(`the server exited (${signal ?? `exit ${code}`}) before listening:\n${stdout}\n${stderr}`));
      });
    });
    return { url, pid: child.pid ?? -1, startupMs: Math.round(performance.now() - started), stderr: () => stderr, stdout: () => stdout, spawnedAt, stop };
  } catch (error) {
    await stop();
    throw error;
  }
}

function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  if (child.pid === undefined) return;
  try {
    process.kill(-child.pid, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}
