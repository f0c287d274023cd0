import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { openStore } from '../../db/open-store.js';
import { insertRecord, listAllRecords } from '../../db/record.repository.js';
import { EXCHANGE_ENTITIES } from '../../services/exchange/codecs.js';
import { runCli } from '../main.js';

// `coalition export / import / backup / restore` through runCli on PGlite data directories: files written,
// bad input → exit 2 with every problem on stderr and nothing written, backup → restore into another
// directory with the audit chain intact.

const FIXTURES = fileURLToPath(new URL('../../../test/fixtures/exchange/', import.meta.url));
const STACK_TRACE = /\bat (?:\S+ \()?(?:file:\/\/|node:|\/)/;

interface Run {
  code: number;
  out: string;
  err: string;
}

async function run(data: string, ...argv: string[]): Promise<Run> {
  process.env.COALITION_DATA = data;
  let out = '';
  let err = '';
  const code = await runCli(argv, { out: (text) => (out += text), err: (text) => (err += text) });
  return { code, out, err };
}

async function auditEntries(data: string): Promise<number> {
  const result = await run(data, 'audit', 'verify', '--json');
  return (JSON.parse(result.out) as { entries: number }).entries;
}

describe('coalition import, export, backup and restore', () => {
  let directory = '';
  let main = '';
  const previous = process.env.COALITION_DATA;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-cli-exchange-'));
    main = join(directory, 'main');
    expect((await run(main, 'demo')).code).toBe(0);
  }, 120_000);

  afterAll(async () => {
    if (previous === undefined) delete process.env.COALITION_DATA;
    else process.env.COALITION_DATA = previous;
    await rm(directory, { recursive: true, force: true });
  });

  it('exports CSV files to a directory and JSON to stdout; importing them back changes nothing', async () => {
    const out = join(directory, 'csv');
    const csv = await run(main, 'export', '--format', 'csv', '--out', out);
    expect(csv).toMatchObject({ code: 0, out: '' });
    expect((await readdir(out)).sort()).toEqual(EXCHANGE_ENTITIES.map((name) => `${name}.csv`).sort());
    const json = await run(main, 'export', '--entities', 'requirements');
    expect(Object.keys(JSON.parse(json.out) as object)).toEqual(['requirements']);
    const again = await run(main, 'import', join(out, 'pledges.csv'));
    expect(again).toMatchObject({ code: 0, err: '' });
    expect(again.out).toMatch(/pledges: 0 created, 0 updated, \d+ unchanged/);
    expect((await readFile(join(out, 'pledges.csv'), 'utf8')).split('\n')[0]).toBe(
      'id,party,capability,quantity_min,quantity_max,areas,window_from,window_to,status,supersedes,announced_on,withdrawn_on,confidentiality,shared_with,condition,sources,note,stale,guarantee_trigger,guarantee_responses,guarantee_response_time,derived',
    );
  });

  it('exits 2 listing every problem of a bad file, and writes nothing', async () => {
    const before = await auditEntries(main);
    const result = await run(main, 'import', join(FIXTURES, 'bad-pledges.csv'));
    expect(result.code).toBe(2);
    expect(result.out).toBe('');
    expect(result.err).toContain('error: bad-pledges.csv has 7 problems; nothing was imported');
    expect(result.err).toContain("  bad-pledges.csv row 3, column quantity_min: must be a whole number written with digits only (e.g. 7500, no separators), not '1,000'");
    expect(result.err.trim().split('\n')).toHaveLength(8);
    expect(result.err).not.toMatch(STACK_TRACE);
    expect(await auditEntries(main)).toBe(before);
    const options = await run(main, 'export', '--format', 'xlsx');
    expect(options).toMatchObject({ code: 2, err: expect.stringContaining('--out: an XLSX export needs --out FILE.xlsx') });
  });

  // Issue 21 item 9: a NUL character or the date 0000-01-01 used to reach the database: exit 1 with the raw SQL.
  it('exits 2 naming row and column for a NUL character or a far date in an imported file, and the flag for a far --as-of', async () => {
    const before = await auditEntries(main);
    const file = join(directory, 'nul-pledges.csv');
    await writeFile(file, ['id,party,capability,quantity_min,quantity_max,announced_on,note', 'cli-nul,FR,land.personnel,1,1,2026-01-06,a\u0000b', 'cli-far,FR,land.personnel,1,1,0000-01-01,'].join('\n'));
    const result = await run(main, 'import', file);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toContain('nul-pledges.csv row 2, column note: must not contain the NUL character');
    expect(result.err).toContain('nul-pledges.csv row 3, column announced_on: must be a date from 1900-01-01 to 9999-12-31');
    expect(result.err).not.toMatch(STACK_TRACE);
    expect(result.err).not.toMatch(/insert|select|failed query/i);
    expect(await auditEntries(main)).toBe(before);
    for (const argv of [['funds', '--as-of', '0000-01-01'], ['burden', '--as-of', '0000-01-01'], ['scenario', '--demo', '--as-of', '0000-01-01'], ['rates', 'show', '--date', '0000-01-01']]) {
      const refused = await run(main, ...argv);
      expect(refused, argv.join(' ')).toMatchObject({ code: 2, err: expect.stringMatching(/--(as-of|date): must be a date from 1900-01-01 to 9999-12-31/) });
    }
  });

  it('exits 2 naming the record and field for a lone surrogate in an imported JSON file, and writes nothing', async () => {
    const before = await auditEntries(main);
    const file = join(directory, 'surrogate.json');
    // Written with the JSON escape: the file itself is valid UTF-8, the string it decodes to is not Unicode.
    await writeFile(file, '{"pledges":[{"id":"cli-sur","party":"FR","capability":"land.personnel","quantity_min":1,"quantity_max":1,"note":"x\\ud800y"}]}');
    const result = await run(main, 'import', file);
    expect(result).toMatchObject({ code: 2, out: '' });
    expect(result.err).toContain('error: surrogate.json has a problem; nothing was imported');
    expect(result.err).toContain('pledges[0].note: must be valid Unicode text (it holds a lone surrogate');
    expect(result.err).not.toMatch(STACK_TRACE);
    expect(await auditEntries(main)).toBe(before);
  });

  // Issue 21 item 11: one 70,000-character note (stored before free text was limited) made the XLSX export refuse the whole store.
  it('exports a store holding a text longer than an XLSX cell: the cell is cut with a marker and a warning names it', async () => {
    const other = join(directory, 'long-note');
    expect((await run(other, 'demo')).code).toBe(0);
    const store = await openStore({ kind: 'pglite', dataDirectory: other });
    try {
      const [first] = await listAllRecords(store.db, pledgeEntity);
      if (!first) throw new Error('the demo has no pledges');
      await insertRecord(store.db, pledgeEntity, { ...first.record, id: 'zz-long-note', note: `=${'n'.repeat(69_999)}` });
    } finally {
      await store.close();
    }
    const out = join(directory, 'long-note.xlsx');
    const result = await run(other, 'export', '--format', 'xlsx', '--out', out);
    expect(result).toMatchObject({ code: 0, out: '' });
    expect(result.err).toContain('warning: pledges/zz-long-note note has 70000 characters; its XLSX cell holds the first part and says so (CSV and JSON export it whole)');
    expect(result.err).toMatch(/Exported .*\b\d+ pledges\b/);
    const csv = await run(other, 'export', '--format', 'csv', '--entities', 'pledges');
    expect(csv.code).toBe(0);
    expect(csv.out).toContain(`'=${'n'.repeat(69_999)}`);
  });

  it('backs up to .json.gz and restores into an empty directory with the audit chain intact; a non-empty store needs --force', async () => {
    const file = join(directory, 'store.json.gz');
    const backup = await run(main, 'backup', file);
    expect(backup).toMatchObject({ code: 0, err: '' });
    expect(backup.out).toMatch(/^Backup written to .*store\.json\.gz: \d+ records/);
    const other = join(directory, 'other');
    const restored = await run(other, 'restore', file);
    expect(restored).toMatchObject({ code: 0, err: '' });
    expect(restored.out).toContain('Audit chain intact');
    expect(await auditEntries(other)).toBe(await auditEntries(main));
    const refused = await run(other, 'restore', file);
    expect(refused.code).toBe(2);
    expect(refused.err).toMatch(/the store is not empty .*--force/);
    expect((await run(other, 'restore', file, '--force')).code).toBe(0);
    const missing = await run(other, 'restore', join(directory, 'nope.json'));
    expect(missing).toMatchObject({ code: 2, err: expect.stringContaining('nope.json: no such file') });
  });
});
