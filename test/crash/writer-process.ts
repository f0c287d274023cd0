import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import type { AuditVerification } from '../../src/services/audit/verify-audit.js';

// Runs test/crash/writer.ts as a child process in its own process group and parses what it prints.

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const WRITER = fileURLToPath(new URL('./writer.ts', import.meta.url));

export interface Ack {
  id: string;
  version: number;
  note: string;
  cycle: number;
}

export interface PledgeState {
  id: string;
  version: number;
  note: string | null;
}

export interface ReadyReport {
  pid: number;
  /** Lock (with takeover) + open + migrate, in the child. */
  openMs: number;
  /** From the child's process start to ready, Node and tsx included. */
  sinceStartMs: number;
  demoCreated: number;
}

export interface WriterRun {
  child: ChildProcess;
  spawnedAt: number;
  /** What the child found on opening the store (after its predecessor was killed). */
  states: PledgeState[];
  audit: AuditVerification | undefined;
  /** performance.now() when the ready line arrived. */
  readyAt: number | undefined;
  acks: Ack[];
  errors: string[];
  stderr: string;
  /** Resolves with the report once the child is writing; resolves undefined if it exited first. */
  ready: Promise<ReadyReport | undefined>;
  /** Resolves with true at the child's first ack; with false if it exited first. */
  firstAck: Promise<boolean>;
  /** Resolves when the child has exited and everything it printed was read. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** Let a writer started with `wait` open the store; returns when the line was sent. */
  go(): void;
  /** SIGKILL the child's process group (node and anything it started). */
  kill(): void;
}

export type WriterTarget = { kind: 'pglite'; dir: string } | { kind: 'postgres'; url: string };

/** Start a writer for `cycle`; its stdout is parsed as it arrives. With `wait` it opens the store on go(). */
export function startWriter(target: WriterTarget, options: { cycle: number; seed: number; workers: number; wait: boolean }): WriterRun {
  const where = target.kind === 'pglite' ? ['--dir', target.dir] : ['--url', target.url];
  const args = ['--import', 'tsx', WRITER, '--kind', target.kind, ...where];
  args.push('--cycle', String(options.cycle), '--seed', String(options.seed), '--workers', String(options.workers));
  if (options.wait) args.push('--wait');
  const child = spawn(process.execPath, args, { cwd: ROOT, detached: true, stdio: ['pipe', 'pipe', 'pipe'] });
  // A writer killed before it read its go line leaves a broken pipe behind: not an error here.
  child.stdin?.on('error', () => undefined);
  let markReady: (report: ReadyReport | undefined) => void = () => undefined;
  const ready = new Promise<ReadyReport | undefined>((resolve) => {
    markReady = resolve;
  });
  let markFirstAck: (acked: boolean) => void = () => undefined;
  const firstAck = new Promise<boolean>((resolve) => {
    markFirstAck = resolve;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  const linesClosed = new Promise<void>((resolve) => lines.once('close', resolve));
  const childClosed = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const exited = Promise.all([childClosed, linesClosed]).then(([status]) => {
    markReady(undefined);
    markFirstAck(false);
    return status;
  });
  const run: WriterRun = {
    child,
    spawnedAt: performance.now(),
    states: [],
    audit: undefined,
    readyAt: undefined,
    acks: [],
    errors: [],
    stderr: '',
    ready,
    firstAck,
    exited,
    go: () => {
      child.stdin?.write('go\n');
    },
    kill: () => {
      try {
        if (child.pid !== undefined) process.kill(-child.pid, 'SIGKILL');
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
      }
    },
  };
  child.stderr?.on('data', (chunk: Buffer) => {
    run.stderr += chunk.toString();
  });
  lines.on('line', (line) => {
    const space = line.indexOf(' ');
    const tag = space < 0 ? line : line.slice(0, space);
    const rest = space < 0 ? '' : line.slice(space + 1);
    if (tag === 'ack') {
      const match = /^(\S+) (\d+) (.*)$/.exec(rest);
      if (match) {
        run.acks.push({ id: match[1] as string, version: Number(match[2]), note: match[3] as string, cycle: options.cycle });
        markFirstAck(true);
      } else run.errors.push(`unparsable ack line: ${line}`);
    } else if (tag === 'state') run.states.push(JSON.parse(rest) as PledgeState);
    else if (tag === 'audit') run.audit = JSON.parse(rest) as AuditVerification;
    else if (tag === 'ready') {
      run.readyAt = performance.now();
      markReady(JSON.parse(rest) as ReadyReport);
    }
    else if (tag === 'error') run.errors.push(JSON.parse(rest) as string);
    else run.errors.push(`unexpected line: ${line}`);
  });
  return run;
}

/** Wait for `promise` at most `ms`; rejects with `what` on timeout. */
export async function within<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`timed out after ${ms} ms: ${what}`)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Sleep for `ms`. */
export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
