import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { exitCodeOf } from '../contracts/error-codes.js';
import { InputError, type InputProblem } from '../contracts/input-error.js';
import { demoDataDirectory, loadDatasetDirectory, loadScenarioFile } from './load-dataset.js';

// Loading datasets from files: the demo directory must be clean; a bad scenario file reports every problem
// with its path, as an InputError with a stable code.

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'coalition-load-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

async function writeScenario(name: string, content: unknown): Promise<string> {
  const path = join(directory, name);
  await writeFile(path, typeof content === 'string' ? content : JSON.stringify(content, null, 2));
  return path;
}

async function loadError(path: string): Promise<InputError> {
  try {
    await loadScenarioFile(path);
  } catch (error) {
    if (error instanceof InputError) return error;
    throw error;
  }
  throw new Error(`expected ${path} to be refused`);
}

function problemAt(problems: InputProblem[], path: string): InputProblem {
  const found = problems.find((p) => p.path === path);
  if (!found) throw new Error(`no problem at ${path}; got ${problems.map((p) => `${p.path}: ${p.message}`).join(' | ')}`);
  return found;
}

const EXAMPLE = {
  facts: [
    { id: 'ceasefire', value: true },
    { id: 'us_backstop', value: 'unknown', probability: 0.5 },
  ],
  parties: [{ id: 'FR' }, { id: 'P12' }],
  pledges: [
    {
      id: 'fr-1',
      party: 'FR',
      capability: 'land.personnel',
      quantity: { min: 2000, max: 5000 },
      areas: ['ua.rear'],
      status: 'committed',
      condition: 'ceasefire and us_backstop',
    },
  ],
  requirements: [{ id: 'r1', capability: 'land.personnel', quantity: 150000, area: 'ua.rear', priority: 1 }],
};

describe('loadDatasetDirectory', () => {
  it('loads the demo dataset without problems, every condition parsed', async () => {
    const dataset = await loadDatasetDirectory(demoDataDirectory());
    expect(dataset.pledges.length).toBeGreaterThan(0);
    expect(dataset.parties.length).toBeGreaterThan(0);
    expect(dataset.facts.map((f) => f.id)).toContain('ceasefire');
    expect(dataset.conditions.size).toBe(dataset.pledges.length);
    // Every demo pledge cites a source (DESIGN.md §3), and every cited source exists.
    const sources = new Set(dataset.sources.map((s) => s.id));
    for (const pledge of dataset.pledges) {
      expect(pledge.sources.length, pledge.id).toBeGreaterThan(0);
      for (const source of pledge.sources) expect(sources.has(source), `${pledge.id} → ${source}`).toBe(true);
    }
  });

  it('refuses a directory without the dataset files with InputError naming the file', async () => {
    const empty = await mkdtemp(join(directory, 'empty-'));
    await expect(loadDatasetDirectory(empty)).rejects.toSatisfy((error: unknown) => {
      return error instanceof InputError && error.code === 'input.invalid' && error.problems.some((p) => p.path === 'sources.json');
    });
  });
});

describe('loadScenarioFile', () => {
  it('loads the example scenario file from the issue, filling defaults', async () => {
    const dataset = await loadScenarioFile(await writeScenario('example.json', EXAMPLE));
    expect(dataset.pledges.map((p) => p.id)).toEqual(['fr-1']);
    expect(dataset.pledges[0]).toMatchObject({ quantity: { min: 2000, max: 5000 }, confidentiality: 'coalition', sources: [] });
    expect(dataset.parties).toEqual([
      { id: 'FR', kind: 'state', name: { en: 'FR', de: 'FR' }, groups: [] },
      { id: 'P12', kind: 'state', name: { en: 'P12', de: 'P12' }, groups: [] },
    ]);
    expect(dataset.requirements[0]).toMatchObject({ id: 'r1', quantity: 150000, estimate: false });
    expect(dataset.conditions.get('fr-1')?.kind).toBe('and');
  });

  it('loads the fixture file test/fixtures/scenario-example.json', async () => {
    const dataset = await loadScenarioFile(fileURLToPath(new URL('../../test/fixtures/scenario-example.json', import.meta.url)));
    expect(dataset.pledges.map((p) => p.id)).toEqual(['fr-1']);
  });

  it('reports every cross-record problem with its path: duplicates, unknown party and capability, cycle, bad condition', async () => {
    const path = await writeScenario('cross.json', {
      facts: [{ id: 'ceasefire', value: true }],
      parties: [{ id: 'FR' }, { id: 'FR' }],
      pledges: [
        { id: 'fr-1', party: 'FR', capability: 'land.personnel', quantity: 1000, condition: 'ceasefire' },
        { id: 'fr-2', party: 'FR', capability: 'land.personnel', quantity: 1000, condition: 'ceasefire and (us_backstop' },
        { id: 'fr-1', party: 'FR', capability: 'land.personnel', quantity: 1000 },
        { id: 'xx-1', party: 'XX', capability: 'land.personnel', quantity: 1000 },
        { id: 'fr-3', party: 'FR', capability: 'land.persnnel', quantity: 1000 },
        { id: 'a', party: 'FR', capability: 'air.fighters', supersedes: 'b' },
        { id: 'b', party: 'FR', capability: 'air.fighters', supersedes: 'a' },
        { id: 'fr-4', party: 'FR', capability: 'land.personnel', condition: 'ceasefre' },
      ],
    });
    const error = await loadError(path);
    expect(error).toBeInstanceOf(InputError);
    expect(error.message).toContain(path);
    expect(exitCodeOf(error.code)).toBe(2);
    const { problems } = error;
    expect(problemAt(problems, 'parties[1].id')).toMatchObject({ code: 'dataset.duplicate_id' });
    expect(problemAt(problems, 'parties[1].id').message).toContain("'FR'");
    expect(problemAt(problems, 'pledges[2].id')).toMatchObject({ code: 'dataset.duplicate_id' });
    expect(problemAt(problems, 'pledges[2].id').message).toContain('pledges[0]');
    expect(problemAt(problems, 'pledges[3].party')).toMatchObject({ code: 'dataset.unknown_reference' });
    expect(problemAt(problems, 'pledges[3].party').message).toContain("unknown party 'XX'");
    expect(problemAt(problems, 'pledges[4].capability')).toMatchObject({ code: 'dataset.unknown_reference' });
    expect(problemAt(problems, 'pledges[4].capability').message).toBe("unknown capability 'land.persnnel'; did you mean 'land.personnel'?");
    const cycle = problems.find((p) => p.code === 'dataset.supersedes_cycle');
    expect(cycle?.path).toMatch(/^pledges\[(5|6)\]\.supersedes$/);
    expect(cycle?.message).toMatch(/a → b → a|b → a → b/);
    expect(problemAt(problems, 'pledges[1].condition')).toMatchObject({ code: 'condition.syntax', column: 27 });
    expect(problemAt(problems, 'pledges[7].condition')).toMatchObject({ code: 'condition.unknown_fact', column: 1 });
    expect(problemAt(problems, 'pledges[7].condition').message).toContain("did you mean 'ceasefire'?");
    expect(problems).toHaveLength(7);
    expect(error.code).toBe(problems[0]?.code);
  });

  it('reports every schema violation with its path, as input.invalid', async () => {
    const path = await writeScenario('schema.json', {
      facts: [{ id: 'Ceasefire', value: 'maybe' }],
      parties: [{ id: 'fr' }],
      pledges: [
        { id: 'fr 1', party: 'FR', capability: 'land.personnel', quantity: -5 },
        { id: 'fr-2', party: 'FR', capability: 'land.personnel', quantity: { min: 10, max: 5 }, status: 'promised' },
      ],
      requirements: [{ id: 'r1', capability: 'land.personnel', quantity: 1.5 }],
    });
    const error = await loadError(path);
    expect(error.code).toBe('input.invalid');
    const paths = error.problems.map((p) => p.path);
    for (const expected of [
      'facts[0].id',
      'facts[0].value',
      'parties[0].id',
      'pledges[0].id',
      'pledges[0].quantity',
      'pledges[1].quantity',
      'pledges[1].status',
      'requirements[0].quantity',
    ]) {
      expect(paths, expected).toContain(expected);
    }
    expect(problemAt(error.problems, 'facts[0].value').message).toBe('must be true, false or "unknown"');
  });

  it('reports schema violations and cross-record problems of one file together', async () => {
    const path = await writeScenario('everything.json', {
      facts: [{ id: 'ceasefire', value: true }],
      parties: [{ id: 'FR' }],
      pledges: [
        { id: 'fr-1', party: 'FR', capability: 'land.personnel', quantity: 1000 },
        { id: 'fr-2', party: 'FR', capability: 'land.personnel', condition: 'ceasefire and' },
        { id: 'fr-1', party: 'FR', capability: 'land.personnel' },
        { id: 'xx-1', party: 'XX', capability: 'land.personnel' },
        { id: 'fr-3', party: 'FR', capability: 'land.persnnel' },
        { id: 'a', party: 'FR', capability: 'air.fighters', supersedes: 'b' },
        { id: 'b', party: 'FR', capability: 'air.fighters', supersedes: 'a' },
        { id: 'fr-4', party: 'FR', capability: 'land.personnel', quantity: 'many' },
      ],
    });
    const error = await loadError(path);
    expect(error).toBeInstanceOf(InputError);
    expect(exitCodeOf(error.code)).toBe(2);
    const paths = error.problems.map((p) => p.path);
    expect(paths).toContain('pledges[7].quantity');
    expect(paths).toContain('pledges[2].id');
    expect(paths).toContain('pledges[3].party');
    expect(paths).toContain('pledges[4].capability');
    expect(paths).toContain('pledges[1].condition');
    expect(error.problems.some((p) => p.code === 'dataset.supersedes_cycle')).toBe(true);
  });

  it('rejects unknown fields, at the top level and inside records', async () => {
    const path = await writeScenario('unknown-fields.json', {
      ...EXAMPLE,
      scenario: 'extra',
      pledges: [{ ...EXAMPLE.pledges[0], colour: 'blue' }],
    });
    const error = await loadError(path);
    expect(error.code).toBe('input.invalid');
    const top = error.problems.find((p) => p.message === "unknown field 'scenario'");
    expect(top?.path).toMatch(/^(\(root\)|scenario)$/);
    const inner = error.problems.find((p) => p.message === "unknown field 'colour'");
    expect(inner?.path).toMatch(/^pledges\[0\](\.colour)?$/);
    expect(error.problems).toHaveLength(2);
  });

  it('refuses a file that is not JSON', async () => {
    const error = await loadError(await writeScenario('broken.json', '{ "facts": [ '));
    expect(error.code).toBe('input.invalid');
    expect(error.message).toContain('not valid JSON');
    expect(error.problems).toHaveLength(1);
  });

  it('refuses a JSON value that is not an object', async () => {
    const error = await loadError(await writeScenario('array.json', '[]'));
    expect(error.code).toBe('input.invalid');
    expect(error.problems.length).toBeGreaterThan(0);
  });

  it('refuses a missing file with InputError', async () => {
    const error = await loadError(join(directory, 'does-not-exist.json'));
    expect(error.code).toBe('input.invalid');
    expect(error.problems[0]?.message).toBe('file not found or not readable');
  });
});
