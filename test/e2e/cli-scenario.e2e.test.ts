import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, expect, it } from 'vitest';

// The real process: `node --import tsx src/bin.ts scenario --demo --json` exits 0 and prints JSON.

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));

describe('coalition CLI as a child process', () => {
  it('scenario --demo --json exits 0 with the scenario as JSON', async () => {
    const { stdout, stderr } = await run(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'scenario', '--demo', '--json'], {
      cwd: ROOT,
      maxBuffer: 64 * 1024 * 1024,
    });
    expect(stderr).toBe('');
    const result = JSON.parse(stdout) as { pledges: { id: string; state: string }[]; coverage: unknown[]; assuranceGap: unknown[] };
    expect(result.pledges.length).toBeGreaterThan(0);
    expect(result.pledges.every((p) => ['certain', 'possible', 'inactive'].includes(p.state))).toBe(true);
    expect(Array.isArray(result.coverage)).toBe(true);
    expect(Array.isArray(result.assuranceGap)).toBe(true);
  });

  it('exits 2 on bad input, with the problem on stderr and no stack trace', async () => {
    const failure = await run(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'scenario', '--demo', '--set', 'ceasefire=maybe'], {
      cwd: ROOT,
    }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; stdout: string; stderr: string },
    );
    expect(failure?.code).toBe(2);
    expect(failure?.stdout).toBe('');
    expect(failure?.stderr).toContain('must be FACT=true, FACT=false or FACT=unknown');
    expect(failure?.stderr).not.toMatch(/\bat (?:\S+ \()?(?:file:\/\/|node:|\/)/);
  });
});
