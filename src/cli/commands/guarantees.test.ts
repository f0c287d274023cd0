import { describe, expect, it } from 'vitest';
import { runCli } from '../main.js';

// `coalition guarantees` through runCli on the demo files: a table for people, --json per the API's contract
// (docs/guarantees.md), bad input → exit 2 naming the flag.

async function run(...argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

describe('coalition guarantees', () => {
  it('--demo --set ceasefire=true: which commitments activate, per response kind, what is left unanswered', async () => {
    const table = await run('guarantees', '--demo', '--set', 'ceasefire=true');
    expect(table).toMatchObject({ code: 0, err: '' });
    expect(table.out).toContain('What if violation turns true; facts: ceasefire=true, violation=true');
    expect(table.out).toContain('Guarantee commitments: 4 — 2 certain, 1 possible, 1 inactive (1 withdrawn or not a candidate)');
    expect(table.out).toMatch(/cow-g1 +COW +military, intelligence, diplomatic, sanctions +not stated +inactive +possible/);
    expect(table.out).toMatch(/us-g1 +US +military +not stated +inactive +withdrawn on 2026-01-06/);
    expect(table.out).toContain('  air defence   none');
    expect(table.out).toContain('  response kinds without a commitment: air defence, financial');
    expect(table.out).toContain('  legal_guarantees=true would make certain: cow-g1');
    expect(table.out).toContain('  no requirement changes: the activated commitments answer no recorded requirement');
  });

  it('--json gives the API’s result; --as-of travels back', async () => {
    const result = await run('guarantees', '--demo', '--set', 'ceasefire=true', '--as-of', '2026-01-05', '--json');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out) as { asOf: string; commitments: { id: string; after: string }[]; summary: { certain: number } };
    expect(body.asOf).toBe('2026-01-05');
    expect(body.commitments.filter((c) => c.after === 'certain').map((c) => c.id)).toEqual(['it-g1']);
  });

  it('exits 2 naming the flag for an unknown trigger or fact', async () => {
    const trigger = await run('guarantees', '--demo', '--trigger', 'violaton');
    expect(trigger.code).toBe(2);
    expect(trigger.err).toContain("--trigger: unknown fact 'violaton'; did you mean 'violation'?");
    const fact = await run('guarantees', '--demo', '--set', 'ceasfire=true');
    expect(fact.code).toBe(2);
    expect(fact.err).toContain('--set[0]');
  });
});
