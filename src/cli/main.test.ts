import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runCli } from './main.js';

// The `coalition scenario` command through runCli with captured output: JSON shape, fact switches, and bad
// input → exit code 2 with every problem on stderr and never a stack trace.

const EXAMPLE_FILE = fileURLToPath(new URL('../../test/fixtures/scenario-example.json', import.meta.url));

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(...argv: string[]): Promise<Run> {
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

interface JsonPledge {
  id: string;
  state: 'certain' | 'possible' | 'inactive';
  withoutCoordination: boolean;
  explanation: string | null;
}

interface JsonCoverage {
  requirement: string;
  demand: number | null;
  supplyMin: number;
  supplyMax: number;
}

interface JsonScenario {
  pledges: JsonPledge[];
  assuranceGap: string[];
  waitingGroups: string[][];
  coverage: JsonCoverage[];
}

function parseScenario(text: string): JsonScenario {
  return JSON.parse(text) as JsonScenario;
}

function statesOf(result: JsonScenario): Map<string, string> {
  return new Map(result.pledges.map((p) => [p.id, p.state]));
}

/** A stack frame: "at " followed by a path or URL. */
const STACK_FRAME = /\bat (?:\S+ \()?(?:file:\/\/|node:|\/|[A-Za-z]:\\)/;

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'coalition-cli-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('coalition scenario --json', () => {
  it('prints the scenario as JSON with pledges, assurance gap, waiting groups and coverage', async () => {
    const { code, out, err } = await run('scenario', '--demo', '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = parseScenario(out);
    expect(result.pledges.length).toBeGreaterThan(0);
    for (const pledge of result.pledges) {
      expect(typeof pledge.id).toBe('string');
      expect(['certain', 'possible', 'inactive']).toContain(pledge.state);
      expect(typeof pledge.withoutCoordination).toBe('boolean');
      expect(pledge.explanation === null || typeof pledge.explanation === 'string').toBe(true);
      // Every pledge that is not certain is explained.
      if (pledge.state !== 'certain') expect(pledge.explanation, pledge.id).toMatch(new RegExp(`^${pledge.id} ${pledge.state}: .+`));
    }
    expect(Array.isArray(result.assuranceGap)).toBe(true);
    expect(Array.isArray(result.waitingGroups)).toBe(true);
    expect(result.coverage.length).toBeGreaterThan(0);
    for (const row of result.coverage) {
      expect(typeof row.requirement).toBe('string');
      expect(row.demand === null || typeof row.demand === 'number').toBe(true);
      expect(row.supplyMin).toBeLessThanOrEqual(row.supplyMax);
    }
  });

  it('--set ceasefire=true changes pledge states compared with the default scenario', async () => {
    const before = parseScenario((await run('scenario', '--demo', '--json')).out);
    const after = parseScenario((await run('scenario', '--demo', '--json', '--set', 'ceasefire=true')).out);
    const beforeStates = statesOf(before);
    const afterStates = statesOf(after);
    const changed = [...afterStates].filter(([id, state]) => beforeStates.get(id) !== state);
    expect(changed.length).toBeGreaterThan(0);
    // Unconditional-after-ceasefire pledges become certain.
    expect(beforeStates.get('it-2')).toBe('inactive');
    expect(afterStates.get('it-2')).toBe('certain');
    const certain = (r: JsonScenario): number => r.pledges.filter((p) => p.state === 'certain').length;
    expect(certain(after)).toBeGreaterThan(certain(before));
  });

  it('repeated --set combine: ceasefire and mandate.GB make FR and GB wait on each other', async () => {
    const { code, out } = await run('scenario', '--demo', '--json', '--set', 'ceasefire=true', '--set', 'mandate.GB=true');
    expect(code).toBe(0);
    const result = parseScenario(out);
    expect(result.assuranceGap).toEqual(expect.arrayContaining(['fr-1', 'gb-1']));
    expect(result.waitingGroups).toContainEqual(['fr-1', 'gb-1']);
  });

  it('--as-of and --min-status restrict the candidates', async () => {
    const early = parseScenario((await run('scenario', '--demo', '--json', '--as-of', '2020-01-01')).out);
    expect(early.pledges.every((p) => p.state === 'inactive')).toBe(true);
    expect(early.pledges.some((p) => p.explanation?.includes('after 2020-01-01'))).toBe(true);
    const approved = await run('scenario', '--demo', '--json', '--min-status', 'delivered');
    expect(approved.code).toBe(0);
  });

  it('without --json prints a report for people', async () => {
    const { code, out } = await run('scenario', '--demo');
    expect(code).toBe(0);
    expect(out).toContain('Coverage per requirement');
    expect(out).toContain('Assurance gap:');
    expect(() => JSON.parse(out) as unknown).toThrow();
  });
});

describe('coalition scenario --input', () => {
  it('evaluates the example scenario file from the issue', async () => {
    const { code, out, err } = await run('scenario', '--input', EXAMPLE_FILE, '--json');
    expect(err).toBe('');
    expect(code).toBe(0);
    const result = parseScenario(out);
    expect(result.pledges.map((p) => p.id)).toEqual(['fr-1']);
    expect(result.pledges[0]).toMatchObject({ id: 'fr-1', state: 'possible', explanation: 'fr-1 possible: needs us_backstop (unknown)' });
    expect(result.coverage).toEqual([expect.objectContaining({ requirement: 'r1', demand: 150000, supplyMin: 0, supplyMax: 5000 })]);
  });

  it('lists fr-1 in the text report of the example file', async () => {
    const { code, out } = await run('scenario', '--input', EXAMPLE_FILE);
    expect(code).toBe(0);
    expect(out).toContain('fr-1');
    expect(out).toContain('needs us_backstop (unknown)');
  });

  it('--set ceasefire=false on the example file makes fr-1 inactive', async () => {
    const { code, out } = await run('scenario', '--input', EXAMPLE_FILE, '--json', '--set', 'ceasefire=false');
    expect(code).toBe(0);
    expect(parseScenario(out).pledges[0]).toMatchObject({
      state: 'inactive',
      explanation: 'fr-1 inactive: needs ceasefire (false); needs us_backstop (unknown)',
    });
  });

  it('a missing file → exit 2, a message naming the file, no stack trace', async () => {
    const missing = join(directory, 'missing.json');
    const { code, out, err } = await run('scenario', '--input', missing);
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain(missing);
    expect(err).toContain('not found');
    expect(err).not.toMatch(STACK_FRAME);
  });

  it('a file that is not JSON → exit 2 without a stack trace', async () => {
    const path = join(directory, 'broken.json');
    await writeFile(path, '{"facts": [');
    const { code, err } = await run('scenario', '--input', path);
    expect(code).toBe(2);
    expect(err).toContain('not valid JSON');
    expect(err).not.toMatch(STACK_FRAME);
  });

  it('a bad file → exit 2 with every problem listed on stderr', async () => {
    const path = join(directory, 'bad.json');
    await writeFile(
      path,
      JSON.stringify({
        facts: [
          { id: 'ceasefire', value: true },
          { id: 'us_backstop', value: 'unknown' },
        ],
        parties: [{ id: 'FR' }],
        pledges: [
          { id: 'fr-1', party: 'FR', capability: 'land.personnel', condition: 'ceasefire and us_backstp' },
          { id: 'fr-1', party: 'FR', capability: 'land.personnel' },
          { id: 'xx-1', party: 'XX', capability: 'land.personnel' },
          { id: 'fr-2', party: 'FR', capability: 'land.persnnel', condition: 'not active(FR)' },
          { id: 'fr-3', party: 'FR', capability: 'land.personnel', status: 'promised' },
        ],
        colour: 'blue',
      }),
    );
    const { code, out, err } = await run('scenario', '--input', path, '--json');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).not.toMatch(STACK_FRAME);
    expect(err).toContain("pledges[0].condition: unknown fact 'us_backstp' at 15; did you mean 'us_backstop'?");
    expect(err).toContain('pledges[1].id');
    expect(err).toContain("unknown party 'XX'");
    expect(err).toContain('pledges[3].capability');
    expect(err).toContain('pledges[3].condition');
    expect(err).toContain('pledges[4].status');
    expect(err).toContain("unknown field 'colour'");
  });
});

describe('coalition scenario: bad options → exit 2', () => {
  it('--set with an unknown fact names the fact', async () => {
    const { code, out, err } = await run('scenario', '--demo', '--set', 'nosuchfact=true');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain("unknown fact 'nosuchfact'");
    expect(err).not.toMatch(STACK_FRAME);
  });

  it('--set with a misspelt fact suggests the right one', async () => {
    const { code, err } = await run('scenario', '--demo', '--set', 'violation=false', '--set', 'ceasfire=true');
    expect(code).toBe(2);
    // Named by the flag that brought it: the second --set.
    expect(err).toContain("--set[1]: unknown fact 'ceasfire'; did you mean 'ceasefire'?");
  });

  it('--set with a value other than true, false or unknown', async () => {
    const { code, out, err } = await run('scenario', '--demo', '--set', 'ceasefire=maybe');
    expect(code).toBe(2);
    expect(out).toBe('');
    expect(err).toContain('must be FACT=true, FACT=false or FACT=unknown');
  });

  it('--as-of with an impossible date', async () => {
    const { code, err } = await run('scenario', '--demo', '--as-of', '2025-13-45');
    expect(code).toBe(2);
    expect(err).toContain('must be a date YYYY-MM-DD');
  });

  it('--min-status with an unknown status', async () => {
    const { code, err } = await run('scenario', '--demo', '--min-status', 'bogus');
    expect(code).toBe(2);
    expect(err).toContain('must be announced, offered, committed, approved or delivered');
  });

  it('names each bad option as it is typed on the command line', async () => {
    const set = await run('scenario', '--demo', '--set', 'ceasefire=maybe');
    expect(set.err).toMatch(/--set\b/);
    const asOf = await run('scenario', '--demo', '--as-of', '2025-13-45');
    expect(asOf.err).toContain('--as-of');
    const minStatus = await run('scenario', '--demo', '--min-status', 'bogus');
    expect(minStatus.err).toContain('--min-status');
  });

  it('--demo together with --input', async () => {
    const { code, err } = await run('scenario', '--demo', '--input', EXAMPLE_FILE);
    expect(code).toBe(2);
    expect(err).toContain('use either --demo or --input, not both');
  });

  it('an unknown option or command is a usage error', async () => {
    expect((await run('scenario', '--bogus')).code).toBe(2);
    expect((await run('frobnicate')).code).toBe(2);
  });

  it('--help exits with 0', async () => {
    const { code, out } = await run('scenario', '--help');
    expect(code).toBe(0);
    expect(out).toContain('--set');
  });
});
