import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The store commands as a person runs them: separate processes on one PGlite data directory.

const ROOT = new URL('../../', import.meta.url).pathname;

function run(args: string[], env: Record<string, string>): Promise<{ code: number; out: string; err: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', ...args], { cwd: ROOT, env: { ...process.env, ...env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (chunk: Buffer) => (out += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.on('close', (code) => resolve({ code: code ?? -1, out, err }));
  });
}

describe('coalition demo, scenario, audit verify and serve on one data directory', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-cli-'));
    env = { COALITION_DATA: directory, LOG_LEVEL: 'silent' };
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('an empty store gets a hint, not an empty report', async () => {
    const result = await run(['scenario'], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coalition demo');
  });

  it('loads the demo once, verifies the audit chain, evaluates on the store', async () => {
    const first = await run(['demo', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).created).toBeGreaterThan(100);
    const second = await run(['demo', '--json'], env);
    expect(JSON.parse(second.out).created).toBe(0);
    const verify = await run(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/Audit chain intact: \d+ entries/);
    const scenario = await run(['scenario', '--set', 'ceasefire=true', '--json'], env);
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.out).summary.certain).toBeGreaterThan(0);
  });

  it('a second process on the same directory is refused with a clear message while the server runs', async () => {
    const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, ...env } });
    try {
      const address = await new Promise<string>((resolve, reject) => {
        let out = '';
        server.stdout?.on('data', (chunk: Buffer) => {
          out += chunk.toString();
          const match = /listening on (http:\/\/\S+)/.exec(out);
          if (match?.[1]) resolve(match[1]);
        });
        server.on('close', () => reject(new Error(`server exited: ${out}`)));
      });
      const health = await fetch(`${address}/health`);
      expect(health.status).toBe(200);
      const refused = await run(['audit', 'verify'], env);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/in use by process \d+/);
      expect(refused.err).not.toMatch(/\n\s+at /);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('close', resolve));
    }
    const after = await run(['audit', 'verify'], env);
    expect(after.code).toBe(0);
  });
});
