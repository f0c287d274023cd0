import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

// `coalition user add|list|disable|enable|reset` on a PGlite data directory: passwords and tokens printed once,
// bad input → exit 2 naming the problem, changes in the audit log.

interface Run {
  code: number;
  out: string;
  err: string;
}

describe('coalition user', () => {
  let directory = '';
  const previous = process.env.COALITION_DATA;

  async function run(argv: string[], password = ''): Promise<Run> {
    process.env.COALITION_DATA = directory;
    let out = '';
    let err = '';
    const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) }, { readPassword: async () => password });
    return { code, out, err };
  }

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-cli-user-'));
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.COALITION_DATA;
    else process.env.COALITION_DATA = previous;
    await rm(directory, { recursive: true, force: true });
  });

  it('adds an admin with a generated password and a token, lists, disables, resets', async () => {
    const added = await run(['user', 'add', 'alice', '--role', 'admin', '--token']);
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/Password \(shown once\): \S{20,}/);
    expect(added.out).toMatch(/API token \(shown once\): clt_\S{40,}/);
    const chosen = await run(['user', 'add', 'bob', '--role', 'analyst', '--password-stdin'], 'a-long-enough-password');
    expect(chosen.code).toBe(0);
    expect(chosen.out).not.toContain('Password');
    const list = await run(['user', 'list', '--json']);
    expect(JSON.parse(list.out)).toEqual([
      { name: 'alice', role: 'admin', party: null, disabled: false, lastLoginAt: null },
      { name: 'bob', role: 'analyst', party: null, disabled: false, lastLoginAt: null },
    ]);
    expect((await run(['user', 'list'])).out).toMatch(/alice\s+admin/);
    expect((await run(['user', 'disable', 'bob'])).code).toBe(0);
    expect(JSON.parse((await run(['user', 'list', '--json'])).out)[1].disabled).toBe(true);
    expect((await run(['user', 'enable', 'bob'])).code).toBe(0);
    expect((await run(['user', 'reset', 'bob'])).out).toMatch(/Password \(shown once\)/);
    expect((await run(['user', 'reset', 'bob', '--token'])).out).toMatch(/API token/);
    const verify = await run(['audit', 'verify', '--json']);
    expect(JSON.parse(verify.out)).toMatchObject({ ok: true, entries: 5 });
  }, 60_000);

  it('refuses bad input with exit code 2 and a message naming the problem', async () => {
    const noParty = await run(['user', 'add', 'carol', '--role', 'delegate']);
    expect(noParty.code).toBe(2);
    expect(noParty.err).toContain('party: a delegate needs a party');
    const unknownParty = await run(['user', 'add', 'carol', '--role', 'delegate', '--party', 'DE']);
    expect(unknownParty.code).toBe(2);
    expect(unknownParty.err).toContain("unknown party 'DE'");
    const badRole = await run(['user', 'add', 'carol', '--role', 'king']);
    expect(badRole.code).toBe(2);
    expect(badRole.err).toContain('role: must be one of admin, coordinator, delegate, analyst');
    const shortPassword = await run(['user', 'add', 'carol', '--role', 'analyst', '--password-stdin'], 'short');
    expect(shortPassword.code).toBe(2);
    expect(shortPassword.err).toContain('password: must be at least 12 characters');
    expect((await run(['user', 'add', 'alice', '--role', 'admin'])).code).toBe(2);
    expect((await run(['user', 'disable', 'nobody'])).code).toBe(2);
    expect((await run(['user', 'add', 'Bad Name', '--role', 'admin'])).err).toContain('name: must be 2–63 lower-case');
  }, 60_000);
});
