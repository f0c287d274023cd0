import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

// `coalition unlock | allocate | risk` through runCli: --json per the contracts (docs/analyses.md), tables for
// people, the demo files, a scenario file and the store, and bad input → exit 2 naming the flag.

const EXAMPLE_FILE = fileURLToPath(new URL('../../../test/fixtures/scenario-example.json', import.meta.url));

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

const parse = (text: string) => JSON.parse(text) as Record<string, unknown>;

describe('coalition unlock / allocate / risk on files', () => {
  it('unlock --demo --json: ranked facts and parties with the contract’s fields', async () => {
    const result = await run('unlock', '--demo', '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const body = parse(result.out) as { facts: Record<string, unknown>[]; parties: Record<string, unknown>[] };
    expect(Object.keys(body.facts[0] ?? {})).toEqual(expect.arrayContaining(['fact', 'from', 'pledgesImproved', 'coverage']));
    expect(Object.keys(body.parties[0] ?? {})).toEqual(expect.arrayContaining(['party', 'pledgesLost', 'coverage']));
    expect(body.facts[0]).toMatchObject({ fact: 'ceasefire', from: false });
    const table = await run('unlock', '--demo');
    expect(table.out).toContain('1. ceasefire (false → true): ');
    expect(table.out).toContain('Pivotal parties');
  });

  it('allocate --demo --bound max --json: the contract’s fields; a table for people', async () => {
    const result = await run('allocate', '--demo', '--set', 'ceasefire=true', '--bound', 'max', '--json');
    expect(result).toMatchObject({ code: 0, err: '' });
    const body = parse(result.out);
    expect(Object.keys(body)).toEqual(expect.arrayContaining(['bound', 'objective', 'assignments', 'requirements', 'greedy']));
    expect(body.bound).toBe('max');
    expect(body.assignments).toEqual(expect.arrayContaining([{ pledge: 'fr-1', requirement: 'req-land-reassurance', quantity: 7501 }]));
    const row = (body.requirements as Record<string, unknown>[]).find((r) => r.requirement === 'req-land-reassurance');
    expect(row).toMatchObject({ demand: 30000, filled: 15000, shortfall: 15000, shadowPrice: 1 });
    const table = await run('allocate', '--demo', '--set', 'ceasefire=true', '--bound', 'max');
    expect(table.out).toContain('req-land-reassurance: 15,000 of 30,000 filled, 15,000 short; one more unit of land.personnel for ua.rear would fill 1 more');
  });

  it('risk --demo: exact by default, Monte Carlo with --samples and --seed, reproducible', async () => {
    const exact = parse((await run('risk', '--demo', '--set', 'ceasefire=unknown', '--json')).out);
    expect(exact).toMatchObject({ method: 'exact', samples: 64, seed: null });
    expect(Object.keys((exact.requirements as Record<string, unknown>[])[0] ?? {})).toEqual(expect.arrayContaining(['requirement', 'pMetMin', 'pMetMax', 'ciMin', 'ciMax', 'quantilesMin']));
    const argv = ['risk', '--demo', '--set', 'ceasefire=unknown', '--method', 'monte-carlo', '--samples', '3000', '--seed', '9', '--probability', 'ceasefire=0.8', '--json'];
    const first = await run(...argv);
    expect(first.code).toBe(0);
    expect((await run(...argv)).out).toBe(first.out);
    expect(parse(first.out)).toMatchObject({ method: 'monte-carlo', samples: 3000, seed: 9 });
    const table = await run('risk', '--demo', '--set', 'ceasefire=unknown', '--coordination', 'least');
    expect(table.out).toContain('Risk (exact: all 64 assignments; least fixed point');
  });

  it('takes a scenario file (--input)', async () => {
    const result = await run('unlock', '--input', EXAMPLE_FILE, '--json');
    expect(result.code).toBe(0);
    expect(parse(result.out)).toHaveProperty('facts');
  });

  it('bad input: exit 2 naming the flag, nothing on stdout, no stack trace', async () => {
    const cases: [string[], string][] = [
      [['allocate', '--demo', '--bound', 'middle'], '--bound: must be min or max'],
      [['risk', '--demo', '--samples', 'many'], '--samples: must be a whole number'],
      [['risk', '--demo', '--method', 'monte-carlo', '--samples', '1000001'], '--samples: at most 1,000,000 samples'],
      [['risk', '--demo', '--probability', 'ceasefire=1.5'], '--probability[0]: must be FACT=P with P between 0 and 1'],
      [['risk', '--demo', '--probability', 'nope=0.5'], "--probability[0]: unknown fact 'nope'"],
      [['risk', '--demo', '--method', 'sometimes'], '--method: must be exact or monte-carlo'],
      [['risk', '--demo', '--coordination', 'some'], '--coordination: must be greatest or least'],
      [['unlock', '--demo', '--set', 'ceasfire=true'], "--set[0]: unknown fact 'ceasfire'; did you mean 'ceasefire'?"],
      [['unlock', '--demo', '--as-of', '2026-13-01'], '--as-of: must be a date YYYY-MM-DD'],
      [['unlock', '--demo', '--input', EXAMPLE_FILE], '--input: use either --demo or --input, not both'],
    ];
    for (const [argv, message] of cases) {
      const result = await run(...argv);
      expect(result.code, argv.join(' ')).toBe(2);
      expect(result.out).toBe('');
      expect(result.err).toContain(message);
      expect(result.err).not.toMatch(/\bat (?:\S+ \()?(?:file:\/\/|node:|\/)/);
    }
  });
});

describe('coalition unlock / allocate / risk on the store', () => {
  let directory = '';
  const previous = process.env.COALITION_DATA;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-cli-analyses-'));
    process.env.COALITION_DATA = join(directory, 'data');
    expect((await run('demo')).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    if (previous === undefined) delete process.env.COALITION_DATA;
    else process.env.COALITION_DATA = previous;
    await rm(directory, { recursive: true, force: true });
  });

  it('gives the same results as on the demo files', async () => {
    for (const argv of [['unlock'], ['allocate', '--set', 'ceasefire=true'], ['risk', '--set', 'ceasefire=unknown']]) {
      const onStore = await run(...argv, '--json');
      const onFiles = await run(...argv, '--demo', '--json');
      expect(onStore.code, argv.join(' ')).toBe(0);
      expect(parse(onStore.out), argv.join(' ')).toEqual(parse(onFiles.out));
    }
  });
});
