import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main.js';

// The command shell checks options and reads a command's input before it opens the store: bad input is
// refused (exit 2, naming the flag or file) and leaves no data directory behind.

describe('the CLI command shell', () => {
  let parent = '';
  let data = '';
  const previous = process.env.COALITION_DATA;

  async function run(argv: string[]): Promise<{ code: number; err: string }> {
    process.env.COALITION_DATA = data;
    let err = '';
    const code = await runCli(argv, { out: () => undefined, err: (text) => (err += text) });
    return { code, err };
  }

  async function exists(path: string): Promise<boolean> {
    return stat(path).then(
      () => true,
      () => false,
    );
  }

  beforeAll(async () => {
    parent = await mkdtemp(join(tmpdir(), 'coalition-cli-shell-'));
    data = join(parent, 'store');
  });
  afterAll(async () => {
    if (previous === undefined) delete process.env.COALITION_DATA;
    else process.env.COALITION_DATA = previous;
    await rm(parent, { recursive: true, force: true });
  });

  it('refuses a bad option, named as typed, before the store is opened', async () => {
    const result = await run(['funds', '--as-of', 'yesterday']);
    expect(result.code).toBe(2);
    expect(result.err).toContain('--as-of');
    expect(await exists(data)).toBe(false);
  });

  it('reads a command input (a file argument) before the store is opened', async () => {
    const missing = join(parent, 'missing.csv');
    const rates = await run(['rates', 'import', missing]);
    expect(rates.code).toBe(2);
    expect(rates.err).toContain(missing);
    const restore = await run(['restore', join(parent, 'missing.json')]);
    expect(restore.code).toBe(2);
    expect(await exists(data)).toBe(false);
  });
});
