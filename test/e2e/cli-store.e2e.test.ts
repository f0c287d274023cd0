import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The store commands as a person runs them: separate processes on one PGlite data directory.

const ROOT = new URL('../../', import.meta.url).pathname;

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
    const result = await runCli(['scenario'], env);
    expect(result.code).toBe(2);
    expect(result.err).toContain('coalition demo');
  });

  it('loads the demo once, verifies the audit chain, evaluates on the store', async () => {
    const first = await runCli(['demo', '--json'], env);
    expect(first.code).toBe(0);
    expect(JSON.parse(first.out).created).toBeGreaterThan(100);
    const second = await runCli(['demo', '--json'], env);
    expect(JSON.parse(second.out).created).toBe(0);
    // The demo publishes a first public release, once; a release is published with the CLI too.
    const releases = await runCli(['release', 'list', '--json'], env);
    expect(JSON.parse(releases.out)).toMatchObject([{ id: 1, note: 'First release of the demo data' }]);
    const published = await runCli(['release', 'publish', '--note', 'from the CLI'], env);
    expect(published.code).toBe(0);
    expect(published.out).toMatch(/^Published release 2 \(\d{4}-\d{2}-\d{2}\): \d+ capabilities, \d+ cells published, \d+ suppressed\.$/m);
    const refused = await runCli(['release', 'publish', '--note', ''], env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('--note');
    const verify = await runCli(['audit', 'verify'], env);
    expect(verify.code).toBe(0);
    expect(verify.out).toMatch(/Audit chain intact: \d+ entries/);
    const scenario = await runCli(['scenario', '--set', 'ceasefire=true', '--json'], env);
    expect(scenario.code).toBe(0);
    expect(JSON.parse(scenario.out).summary.certain).toBeGreaterThan(0);
    // Seven CLI processes, each starting Node, tsx and the store: minutes on a busy 2-core machine.
  }, 300_000);

  it('a second process on the same directory is refused with a clear message while the server runs', async () => {
    const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'serve', '--port', '0'], { cwd: ROOT, env: { ...process.env, ...env } });
    try {
      const address = await listeningAddress(server);
      const health = await fetch(`${address}/health`);
      expect(health.status).toBe(200);
      // Without --demo: no demo accounts offered, the API needs a login, the public summary does not.
      expect(await (await fetch(`${address}/api/session/demo-accounts`)).json()).toEqual([]);
      expect((await fetch(`${address}/api/pledges`)).status).toBe(401);
      const summary = (await (await fetch(`${address}/public/summary`)).json()) as { id: number; contributingParties: number };
      expect(summary).toMatchObject({ id: 2 });
      expect(summary.contributingParties).toBeGreaterThanOrEqual(3);
      const refused = await runCli(['audit', 'verify'], env);
      expect(refused.code).toBe(2);
      expect(refused.err).toMatch(/in use by process \d+/);
      expect(refused.err).not.toMatch(/\n\s+at /);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('close', resolve));
    }
    const after = await runCli(['audit', 'verify'], env);
    expect(after.code).toBe(0);
  });

  it('serve --demo offers the demo accounts; a delegate logs in and writes with the CSRF token', async () => {
    const server: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'src/bin.ts', 'serve', '--port', '0', '--demo'], { cwd: ROOT, env: { ...process.env, ...env } });
    try {
      const address = await listeningAddress(server);
      const accounts = (await (await fetch(`${address}/api/session/demo-accounts`)).json()) as { name: string; password: string }[];
      expect(accounts.map((account) => account.name)).toContain('demo-delegate-de');
      const delegate = accounts.find((account) => account.name === 'demo-delegate-de');
      const login = await fetch(`${address}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: delegate?.name, password: delegate?.password }) });
      expect(login.status).toBe(200);
      const { csrfToken } = (await login.json()) as { csrfToken: string };
      const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0] ?? '';
      const source = { id: 'e2e-source', publisher: 'E2E', date: '2026-01-01' };
      const post = (headers: Record<string, string>) => fetch(`${address}/api/sources`, { method: 'POST', headers: { 'content-type': 'application/json', cookie, ...headers }, body: JSON.stringify(source) });
      expect((await post({})).status).toBe(403);
      expect((await post({ 'x-csrf-token': csrfToken })).status).toBe(201);
      expect((await fetch(`${address}/api/session`, { method: 'DELETE', headers: { cookie, 'x-csrf-token': csrfToken } })).status).toBe(204);
      expect((await fetch(`${address}/api/session`, { headers: { cookie } })).status).toBe(401);
    } finally {
      server.kill('SIGTERM');
      await new Promise((resolve) => server.on('close', resolve));
    }
  });
});

function listeningAddress(server: ChildProcess): Promise<string> {
  return new Promise<string>((resolve, reject) => {
    let out = '';
    server.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /listening on (http:\/\/\S+)/.exec(out);
      if (match?.[1]) resolve(match[1]);
    });
    server.on('close', () => reject(new Error(`server exited: ${out}`)));
  });
}
