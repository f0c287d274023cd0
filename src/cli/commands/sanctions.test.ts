import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

// `coalition sanctions alignment|timeline` through runCli on a store with the demo: the matrix for people
// (unknown said as such) and as JSON, as of a date; a bad date → exit 2 naming the flag.

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('coalition sanctions', () => {
  let directory = '';
  const previous = process.env.COALITION_DATA;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-cli-sanctions-'));
    process.env.COALITION_DATA = join(directory, 'data');
    expect((await run('demo')).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    if (previous === undefined) delete process.env.COALITION_DATA;
    else process.env.COALITION_DATA = previous;
    await rm(directory, { recursive: true, force: true });
  });

  it('prints the matrix for people, unknown cells named as unknown, and as of a date', async () => {
    const now = await run('sanctions', 'alignment', '--as-of', '2026-03-01');
    expect(now).toMatchObject({ code: 0, err: '' });
    expect(now.out).toContain('EU: in force since 2025-09-03; level USD 47.60/bbl');
    expect(now.out).toContain('exemption CZ (start not recorded – 2025-07-18) ended');
    expect(now.out).toContain('unknown: US, CA, JP, CH, NO, AU');
    const before = await run('sanctions', 'alignment', '--as-of', '2025-08-01');
    expect(before.out).toContain('EU: adopted, applies from 2025-09-03; level USD 47.60/bbl');
  });

  it('--json gives the matrix; the timeline lists dated events', async () => {
    const json = JSON.parse((await run('sanctions', 'alignment', '--as-of', '2026-03-01', '--json')).out) as { cells: { type: string; jurisdiction: string; status: string }[] };
    expect(json.cells.find((cell) => cell.type === 'maritime_services_ban' && cell.jurisdiction === 'EU')?.status).toBe('proposed');
    const timeline = await run('sanctions', 'timeline', '--as-of', '2026-03-01');
    expect(timeline.out).toContain('2025-07-18  EU, CZ  exemption ends');
    expect(timeline.out).toContain('2022-05-28*  EU  recorded: 6th package');
  });

  it('a bad date → exit 2 naming the flag', async () => {
    const bad = await run('sanctions', 'alignment', '--as-of', '1.1.2025');
    expect(bad.code).toBe(2);
    expect(bad.err).toContain('--as-of');
  });
});
