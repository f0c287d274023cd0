import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The real process: `coalition allocate` starts its allocation worker thread from the sources (through tsx) and exits;
// `coalition risk` refuses too many samples with exit 2 naming the flag.

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('coalition analyses as a child process', () => {
  it('allocate --demo --json solves in the worker thread and exits 0', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'allocate', '--demo', '--set', 'ceasefire=true', '--bound', 'max', '--json'], { cwd: ROOT });
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as { bound: string; assignments: unknown[] };
    expect(result.bound).toBe('max');
    expect(result.assignments.length).toBeGreaterThan(0);
  });

  it('risk with more than 10^6 samples exits 2 at once, naming --samples', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'risk', '--demo', '--method', 'monte-carlo', '--samples', '5000000'], { cwd: ROOT }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; stdout: string; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toContain('--samples: at most 1,000,000 samples');
  });
});
