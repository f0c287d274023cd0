import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedStore } from '../../../test/fixtures/exchange/seed.js';
import { convertWithLibreOffice, ensureLibreOffice, type LibreOffice } from '../../../test/support/ensure-libreoffice.js';
import { openStore, type Store } from '../../db/open-store.js';
import { formatExport, readExportTables } from './export-records.js';
import { csvRows, type ExportTable } from './write-tables.js';

// The exported workbook opens in LibreOffice: `libreoffice --headless --convert-to csv` of each sheet gives the
// same rows as the exporter's own CSV. LibreOffice is installed (Debian, libreoffice-calc-nogui) when missing;
// when that is impossible the test fails saying why — it is never skipped.

const INSTALL_TIMEOUT = 15 * 60_000;

describe('exported XLSX in LibreOffice', () => {
  let store: Store | undefined;
  let directory = '';
  let office: LibreOffice | undefined;
  let setupError: unknown;

  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'coalition-xlsx-'));
    store = await openStore({ kind: 'pglite', memory: true });
    await seedStore(store);
    office = await ensureLibreOffice().catch((error: unknown) => {
      setupError = error;
      return undefined;
    });
    if (office?.installed) console.info(`[libreoffice] installed ${office.command} in ${(office.installMs / 1000).toFixed(1)} s`);
  }, INSTALL_TIMEOUT);

  afterAll(async () => {
    await store?.close();
    await rm(directory, { recursive: true, force: true });
  });

  it('converts every sheet to the rows the CSV export holds', async () => {
    if (!office) throw new Error(`LibreOffice is needed for this test and could not be installed: ${setupError instanceof Error ? setupError.message : String(setupError)}`);
    if (!store) throw new Error('store not open');
    const tables = await readExportTables(store.db);
    const [workbook] = await formatExport(tables, 'xlsx', { now: new Date('2026-01-12T10:00:00Z'), base: 'export' });
    if (!workbook) throw new Error('no workbook');
    const path = join(directory, workbook.name);
    await writeFile(path, workbook.content);

    // Every sheet at once (filter option -1 → export-<sheet>.csv), and the first sheet the plain way.
    const all = await convertWithLibreOffice(office.command, path, { sheet: -1 });
    const first = await convertWithLibreOffice(office.command, path);
    console.info(`[libreoffice] --convert-to csv: all sheets ${(all.ms / 1000).toFixed(1)} s, first sheet ${(first.ms / 1000).toFixed(1)} s`);
    try {
      expect(all.files).toEqual(tables.map((table) => `export-${table.name}.csv`).sort());
      for (const table of tables) {
        const converted = await readFile(join(all.directory, `export-${table.name}.csv`), 'utf8');
        expectSameRows(table, converted);
      }
      const [firstTable] = tables;
      if (!firstTable) throw new Error('no table');
      expect(first.files).toEqual(['export.csv']);
      expectSameRows(firstTable, await readFile(join(first.directory, 'export.csv'), 'utf8'));
    } finally {
      await all.cleanup();
      await first.cleanup();
    }
  }, INSTALL_TIMEOUT);
});

function expectSameRows(table: ExportTable, converted: string): void {
  const rows: string[][] = parse(converted, { bom: true });
  const expected = csvRows(table);
  expect(rows.length).toBe(expected.length);
  // Row by row, so a difference names the row.
  expected.forEach((row, i) => expect({ sheet: table.name, row: i + 1, cells: rows[i] }).toEqual({ sheet: table.name, row: i + 1, cells: row }));
}
