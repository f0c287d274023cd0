import { readFile } from 'node:fs/promises';
import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { countStore, seedStore } from '../../../test/fixtures/exchange/seed.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { InputError, type InputProblem } from '../../contracts/input-error.js';
import type { Services } from '../create-services.js';
import { type ExchangeFile, importExchangeFile } from './import-exchange-file.js';
import { EXCHANGE_ENTITIES } from './codecs.js';

// Bad files: every problem is listed with its row and column (sheet for XLSX, index for JSON), and nothing is
// written — neither records nor audit entries.

const FIXTURES = new URL('../../../test/fixtures/exchange/', import.meta.url);

async function fixture(name: string): Promise<ExchangeFile> {
  return { name, bytes: await readFile(new URL(name, FIXTURES)) };
}

async function problemsOf(services: Services, file: ExchangeFile, entity?: string): Promise<{ error: InputError; problems: InputProblem[] }> {
  const before = await countStore(services.store);
  const error = await importExchangeFile(services.store, services.cache, file, { now: services.now, ...(entity ? { entity } : {}) }).then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(await countStore(services.store)).toEqual(before);
  if (!(error instanceof InputError)) throw new Error(`expected an InputError, got ${String(error)}`);
  return { error, problems: error.problems.map(({ path, message }) => ({ path, message })) };
}

async function badWorkbook(): Promise<ExchangeFile> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('pledges');
  sheet.addRow(['id', 'party', 'capability', 'quantity_min', 'quantity_max', 'announced_on']);
  sheet.addRow(['test-x-ok', 'PL', 'logistics.hub', 1, 1, '2026-01-06']);
  sheet.addRow(['test-x-bad', 'PL', 'logistics.hub', 1.5, 2, new Date(Date.UTC(2026, 0, 6))]);
  sheet.addRow([]);
  sheet.addRow(['test-x-err', 'PL', 'logistics.hub', { formula: '1/0', result: { error: '#DIV/0!' } }, 2, 'yesterday']);
  workbook.addWorksheet('notes').addRow(['free text']);
  return { name: 'bad.xlsx', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
}

describeEachStore('exchange import problems', (suite) => {
  let services: Services | undefined;
  const seeded = async (): Promise<Services> => (services ??= await seedStore(suite.store()));

  it('lists every bad cell of a CSV file by row and column and writes nothing', async () => {
    const { error, problems } = await problemsOf(await seeded(), await fixture('bad-pledges.csv'));
    expect(error.message).toBe('bad-pledges.csv has 7 problems; nothing was imported');
    expect(problems).toEqual([
      { path: 'bad-pledges.csv row 3, column quantity_min', message: "must be a whole number written with digits only (e.g. 7500, no separators), not '1,000'" },
      { path: 'bad-pledges.csv row 4, column status', message: expect.stringMatching(/^Invalid option: expected one of "announced"/) },
      { path: 'bad-pledges.csv row 4, column announced_on', message: 'must be a date YYYY-MM-DD' },
      { path: 'bad-pledges.csv row 5, column areas', message: "item 2 is empty (items are separated by ';')" },
      { path: 'bad-pledges.csv row 6, column party', message: 'must not be empty' },
      { path: 'bad-pledges.csv row 6, column quantity_max', message: 'give both quantity_min and quantity_max (the same figure twice for a single number), or neither' },
      { path: 'bad-pledges.csv row 7, column id', message: "duplicate id 'test-ok' (first at bad-pledges.csv row 2)" },
    ]);
  });

  it('lists problems across records (unknown party, condition syntax, unknown source) at their rows', async () => {
    const { problems } = await problemsOf(await seeded(), await fixture('bad-references.csv'), 'pledges');
    expect(problems.map((problem) => problem.path).sort()).toEqual([
      'bad-references.csv row 2, column party',
      'bad-references.csv row 3, column condition',
      'bad-references.csv row 4, column sources',
    ]);
    expect(problems.find((problem) => problem.path.endsWith('column party'))?.message).toContain('XX');
    expect(problems.find((problem) => problem.path.endsWith('column condition'))?.message).toMatch(/at \d+/);
  });

  it('names JSON problems by entity, index and column, including unknown keys', async () => {
    const { problems } = await problemsOf(await seeded(), await fixture('bad-import.json'));
    expect(problems.map((problem) => problem.path)).toEqual([
      'pledges[1].colour',
      'sanctions',
      'pledges[1].party',
      'pledges[1].quantity_min',
      'contributions[0].donors',
      'contributions[0].amount',
      'contributions[0].currency',
      'contributions[0].date',
    ]);
  });

  it('names XLSX problems by sheet, row and column (with its letter)', async () => {
    const { problems } = await problemsOf(await seeded(), await badWorkbook());
    expect(problems).toEqual([
      { path: 'bad.xlsx sheet pledges row 5, column quantity_min (D)', message: 'holds the error #DIV/0!' },
      { path: 'bad.xlsx sheet notes', message: `unknown sheet: name each sheet after what it holds (${EXCHANGE_ENTITIES.join(', ')})` },
      { path: 'bad.xlsx sheet pledges row 3, column quantity_min (D)', message: 'must be a whole number, not 1.5' },
      { path: 'bad.xlsx sheet pledges row 5, column announced_on (F)', message: 'must be a date YYYY-MM-DD' },
    ]);
  });

  it('checks a contribution’s fund, package and donors against the store, for every row', async () => {
    const csv = [
      'id,fund,package,donors,amount,currency,date',
      'test-c-a,no-such-fund,,PL,100,EUR,2025-01-01',
      'test-c-b,test-purl,test-purl-pkg-1,PL:0.5;ZZ:0.5,100,EUR,2025-01-01',
      'test-c-c,test-nok-pool,test-purl-pkg-2,NO,100,NOK,2025-01-01',
    ].join('\n');
    const { problems } = await problemsOf(await seeded(), { name: 'contributions.csv', bytes: new TextEncoder().encode(csv) });
    expect(problems).toEqual([
      { path: 'contributions.csv row 2, column fund', message: "unknown fund 'no-such-fund'" },
      { path: 'contributions.csv row 3, column donors', message: "item 2, party: unknown party 'ZZ'" },
      { path: 'contributions.csv row 4, column package', message: "fund package 'test-purl-pkg-2' belongs to fund 'test-purl', not 'test-nok-pool'" },
    ]);
  });

  // Records are written once, in the import's own transaction, and references checked there: a record may cite
  // one earlier in the same file, and a bad reference anywhere leaves nothing written (the fund before it neither).
  it('checks references inside the import: one earlier in the file counts, a bad one writes nothing', async () => {
    const store = await seeded();
    const fund = { id: 'test-f-new', title: 'New fund', currency: 'EUR' };
    const good = { id: 'test-c-new-ok', fund: 'test-f-new', donors: 'PL', amount: 5, currency: 'EUR', date: '2025-01-01' };
    const bad = { ...good, id: 'test-c-new-bad', fund: 'test-f-missing' };
    const file = (contributions: object[]): ExchangeFile => ({ name: 'funding.json', bytes: new TextEncoder().encode(JSON.stringify({ contributions, funds: [fund] })) });
    expect((await problemsOf(store, file([good, bad]))).problems).toEqual([{ path: 'contributions[1].fund', message: "unknown fund 'test-f-missing'" }]);
    const summary = await importExchangeFile(store.store, store.cache, file([good]), { now: store.now });
    expect(summary.byEntity).toMatchObject({ funds: { created: 1 }, contributions: { created: 1 } });
  });

  // Issue 21 item 9: these used to reach the database and fail the whole import with exit 1 and raw SQL.
  it('refuses the NUL character, far dates and over-long text in CSV, XLSX and JSON by row and column', async () => {
    const store = await seeded();
    const csv = [
      'id,party,capability,quantity_min,quantity_max,announced_on,window_from,note',
      'test-nul,PL,logistics.hub,1,1,2026-01-06,,"a\u0000b"',
      'test-year-0,PL,logistics.hub,1,1,0000-01-01,,fine',
      'test-far,PL,logistics.hub,1,1,2026-01-06,99999-01-01,fine',
      `test-long,PL,logistics.hub,1,1,2026-01-06,,${'x'.repeat(10_001)}`,
    ].join('\n');
    expect((await problemsOf(store, { name: 'pledges.csv', bytes: new TextEncoder().encode(csv) })).problems).toEqual([
      { path: 'pledges.csv row 2, column note', message: 'must not contain the NUL character (\\u0000)' },
      { path: 'pledges.csv row 3, column announced_on', message: 'must be a date from 1900-01-01 to 9999-12-31' },
      { path: 'pledges.csv row 4, column window_from', message: 'must be a date YYYY-MM-DD' },
      { path: 'pledges.csv row 5, column note', message: 'must be at most 10,000 characters' },
    ]);
    const json = { contributions: [{ id: 'test-c-nul', fund: 'test-purl', donors: 'PL', amount: 1, currency: 'EUR', date: '0000-01-01', note: 'n\u0000' }] };
    expect((await problemsOf(store, { name: 'data.json', bytes: new TextEncoder().encode(JSON.stringify(json)) })).problems).toEqual([
      { path: 'contributions[0].date', message: 'must be a date from 1900-01-01 to 9999-12-31' },
      { path: 'contributions[0].note', message: 'must not contain the NUL character (\\u0000)' },
    ]);
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('requirements');
    sheet.addRow(['id', 'capability', 'quantity', 'window_from', 'title']);
    sheet.addRow(['test-r-far', 'land.personnel', 1, '0000-01-01', 'fine']);
    sheet.addRow(['test-r-long', 'land.personnel', 1, '2026-01-01', 'y'.repeat(10_001)]);
    const xlsx = { name: 'far.xlsx', bytes: Buffer.from(await workbook.xlsx.writeBuffer()) };
    expect((await problemsOf(store, xlsx)).problems).toEqual([
      { path: 'far.xlsx sheet requirements row 2, column window_from (D)', message: 'must be a date from 1900-01-01 to 9999-12-31' },
      { path: 'far.xlsx sheet requirements row 3, column title (E)', message: 'must be at most 10,000 characters' },
    ]);
  });

  it('refuses files it cannot read, saying why', async () => {
    const store = await seeded();
    const cases: [ExchangeFile, string][] = [
      [{ name: 'data.txt', bytes: new Uint8Array() }, 'data.txt: unknown format: the file name must end in .json, .xlsx or .csv'],
      [{ name: 'offers.csv', bytes: new TextEncoder().encode('id\n') }, 'offers.csv: cannot tell what offers.csv holds'],
      [{ name: 'pledges.csv', bytes: new Uint8Array([0x69, 0x64, 0x0a, 0xff, 0xfe]) }, 'pledges.csv: is not UTF-8 text'],
      [{ name: 'pledges.csv', bytes: new TextEncoder().encode('id,party\n"unclosed,FR\n') }, 'pledges.csv: is not valid CSV'],
      [{ name: 'pledges.csv', bytes: new TextEncoder().encode('id,party,colour\nx,FR,red,extra\n') }, "pledges.csv row 1, column C: unknown column 'colour'"],
      [{ name: 'data.json', bytes: new TextEncoder().encode('[1, 2') }, 'data.json: is not valid JSON'],
      [{ name: 'data.xlsx', bytes: new TextEncoder().encode('not a zip') }, 'data.xlsx: is not an XLSX workbook'],
    ];
    for (const [file, expected] of cases) {
      const { problems } = await problemsOf(store, file);
      expect(problems.map((problem) => `${problem.path}: ${problem.message}`).join('\n')).toContain(expected);
    }
  });
});
