import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runCli } from '../support/run-cli.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

// The funding commands as a person runs them: tables for people, --json for scripts, exit code 2 and the
// field named for bad input, a rate file imported all or nothing.

describe('coalition funds, financing, burden and rates', () => {
  let directory: string;
  let env: Record<string, string>;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-funding-'));
    env = { COALITION_DATA: join(directory, 'data'), LOG_LEVEL: 'silent' };
    const demo = await runCli(['demo'], env);
    expect(demo.code).toBe(0);
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('funds: a table of funds, one fund allocated with reported totals and rates used', async () => {
    const list = await runCli(['funds'], env);
    expect(list.code).toBe(0);
    expect(list.out).toMatch(/purl-2026 .* of USD 15,000\.0 m/);
    const one = await runCli(['funds', 'purl-2025', '--as-of', '2025-12-31'], env);
    expect(one.code).toBe(0);
    expect(one.out).toContain('Reported running totals beside the computed ones');
    // Each contribution converts at its own date's rate (Latvia's of Sunday 31 Aug 2025 at the Friday's).
    expect(one.out).toContain('purl-nl-1: EUR→USD at USD 1.1565 per EUR of 2025-08-04');
    expect(one.out).toContain('nearest earlier to 2025-08-31');
    // Rutte's "~4bn": the reports disagree on the currency, so no difference is computed.
    expect(one.out).toMatch(/2025-12-02 +~4,000\.0 m \(currency unknown\) .* none \(currency unknown\)/);
    expect(one.out).toContain('Pledged without a published amount');
    expect(one.out).toContain('purl-nb8-rest (2025-11-13): FI, IS, LV, LT, EE');
    const json = await runCli(['funds', 'purl-2025', '--json'], env);
    const report = JSON.parse(json.out) as { allocation: { totals: { contributed: number; allocated: number; unallocated: number } } };
    expect(report.allocation.totals.allocated + report.allocation.totals.unallocated).toBe(report.allocation.totals.contributed);
  });

  it('financing and burden print tables and JSON', async () => {
    const financing = await runCli(['financing'], env);
    expect(financing.code).toBe(0);
    expect(financing.out).toContain('eu-borrowing — joint_borrowing, DECIDED');
    expect(financing.out).toContain('opted out: CZ, HU, SK');
    const table = await runCli(['burden'], env);
    expect(table.code).toBe(0);
    expect(table.out).toContain('liability (not given)');
    expect(table.out).toContain('Liability from ukraine-2026-27');
    const burden = await runCli(['burden', '--currency', 'USD', '--json'], env);
    expect(burden.code).toBe(0);
    const report = JSON.parse(burden.out) as { key: string; currency: string; rows: { party: string; money: number; liability: number }[] };
    expect(report).toMatchObject({ key: 'gdp', currency: 'USD' });
    // France: no PURL money; its share of the EU loan is a liability, not money given.
    expect(report.rows.find((row) => row.party === 'FR')).toMatchObject({ money: 0, liability: expect.any(Number) });
    expect(report.rows.find((row) => row.party === 'FR')?.liability).toBeGreaterThan(0);
  });

  it('bad input exits 2 naming the option; a bad rate file writes nothing', async () => {
    const currency = await runCli(['burden', '--currency', 'XYZ'], env);
    expect(currency.code).toBe(2);
    expect(currency.err).toContain('--currency: unknown currency');
    const unknown = await runCli(['funds', 'nope'], env);
    expect(unknown.code).toBe(2);
    const bad = join(directory, 'bad.csv');
    await writeFile(bad, 'Date,USD,\n2026-04-20,1.14,\n2026-04-21,-1,\n');
    const refused = await runCli(['rates', 'import', bad], env);
    expect(refused.code).toBe(2);
    expect(refused.err).toContain('line 3, USD');
    const shown = await runCli(['rates', 'show', '--date', '2026-04-21', '--from', 'USD', '--json'], env);
    expect(JSON.parse(shown.out).rates[0]).toMatchObject({ date: '2026-04-13', exact: false });
  });

  it('rates import loads a newer file, and conversions use it', async () => {
    const newer = join(directory, 'newer.csv');
    await writeFile(newer, 'Date,USD,\n2026-04-20,1.1400,\n');
    const imported = await runCli(['rates', 'import', newer, '--json'], env);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.out)).toMatchObject({ added: 1, lastDate: '2026-04-20' });
    const shown = await runCli(['rates', 'show', '--date', '2026-04-21', '--from', 'USD', '--json'], env);
    expect(JSON.parse(shown.out).rates[0]).toEqual({ currency: 'USD', rate: '1.1400', date: '2026-04-20', exact: false });
  });
});
