import ExcelJS from 'exceljs';
import { expect, it } from 'vitest';
import { describeEachStore, resetStore } from '../../../test/support/stores.js';
import { countStore, seedReferencedOnly, seedStore, tickingClock } from '../../../test/fixtures/exchange/seed.js';
import type { Store } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { codecOf, EXCHANGE_ENTITIES } from './codecs.js';
import { type ExportFile, type ExportFormat, formatExport, readExportTables } from './export-records.js';
import { importExchangeFile } from './import-exchange-file.js';
import { writeCsv } from './write-tables.js';

// Export → import into a fresh store → export again: the same bytes (JSON, CSV) or the same cells (XLSX), and
// the same records; a second import changes nothing; an edited row is an update.

const NOW = new Date('2026-01-12T10:00:00.000Z');

async function exportStore(store: Store, format: ExportFormat): Promise<ExportFile[]> {
  return formatExport(await readExportTables(store.db), format, { now: NOW, base: 'export' });
}

function bytesOf(file: ExportFile): Uint8Array {
  return typeof file.content === 'string' ? new TextEncoder().encode(file.content) : file.content;
}

async function sheetCells(file: ExportFile): Promise<Record<string, unknown[][]>> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytesOf(file)).buffer);
  const sheets: Record<string, unknown[][]> = {};
  workbook.eachSheet((sheet) => {
    const rows: unknown[][] = [];
    sheet.eachRow({ includeEmpty: true }, (row) => rows.push(Array.from({ length: sheet.columnCount }, (_, i) => row.getCell(i + 1).value)));
    sheets[sheet.name] = rows;
  });
  return sheets;
}

async function exchangedRecords(store: Store): Promise<Record<string, unknown[]>> {
  const result: Record<string, unknown[]> = {};
  for (const name of EXCHANGE_ENTITIES) result[name] = (await listAllRecords(store.db, codecOf(name).entity)).map((item) => item.record);
  return result;
}

describeEachStore('exchange round trip', (suite) => {
  let seeded = false;
  const source = async (): Promise<Store> => {
    if (!seeded) await seedStore(suite.store());
    seeded = true;
    return suite.store();
  };
  // One second store, emptied before each use: opening a PGlite costs seconds.
  let second: Store | undefined;
  const emptyStore = async (): Promise<Store> => {
    second ??= await suite.fresh();
    await resetStore(second);
    return second;
  };

  for (const format of ['json', 'csv', 'xlsx'] as const) {
    it(`${format}: export → import into a fresh store → export gives the same ${format === 'xlsx' ? 'cells' : 'bytes'}`, async () => {
      const original = await source();
      const first = await exportStore(original, format);
      const target = await emptyStore();
      const services = await seedReferencedOnly(target, original);
      const before = await countStore(target);
      let created = 0;
      for (const file of first) {
        const summary = await importExchangeFile(target, services.cache, { name: file.name, bytes: bytesOf(file) }, { now: tickingClock() });
        created += summary.created;
        expect(summary.updated + summary.unchanged).toBe(0);
      }
      for (const name of EXCHANGE_ENTITIES) expect(before.records[name]).toBe(0);
      const counts = await countStore(original);
      expect(created).toBe(EXCHANGE_ENTITIES.reduce((sum, name) => sum + (counts.records[name] ?? 0), 0));
      expect(await exchangedRecords(target)).toEqual(await exchangedRecords(original));

      const second = await exportStore(target, format);
      expect(second.map((file) => file.name)).toEqual(first.map((file) => file.name));
      for (const [i, file] of second.entries()) {
        const previous = first[i];
        if (!previous) throw new Error('missing file');
        if (format === 'xlsx') expect(await sheetCells(file)).toEqual(await sheetCells(previous));
        else expect(Buffer.from(bytesOf(file)).equals(Buffer.from(bytesOf(previous)))).toBe(true);
      }

      // Importing the same file again changes nothing, not even the audit log.
      const audit = (await countStore(target)).audit;
      for (const file of second) {
        const again = await importExchangeFile(target, services.cache, { name: file.name, bytes: bytesOf(file) }, { now: tickingClock() });
        expect(again.created + again.updated).toBe(0);
      }
      expect((await countStore(target)).audit).toBe(audit);
    });
  }

  it('an edited row is an update with an audit entry; a dry run reports it and writes nothing', async () => {
    const original = await source();
    const target = await emptyStore();
    const services = await seedReferencedOnly(target, original);
    const [table] = await readExportTables(original.db, ['requirements']);
    if (!table) throw new Error('no requirements table');
    const file = { name: 'requirements.csv', bytes: new TextEncoder().encode(writeCsv(table)) };
    await importExchangeFile(target, services.cache, file, { now: tickingClock() });
    const edited = { name: file.name, bytes: new TextEncoder().encode(new TextDecoder().decode(file.bytes).replace('test-req-open,,,monitoring.observers,,false,2', 'test-req-open,,,monitoring.observers,250,true,2')) };
    const before = await countStore(target);
    const dry = await importExchangeFile(target, services.cache, edited, { now: tickingClock(), dryRun: true });
    expect(dry.byEntity.requirements).toMatchObject({ created: 0, updated: 1 });
    expect(await countStore(target)).toEqual(before);
    const wet = await importExchangeFile(target, services.cache, edited, { now: tickingClock() });
    expect(wet.byEntity.requirements).toMatchObject({ created: 0, updated: 1 });
    expect((await countStore(target)).audit).toBe(before.audit + 1);
    const stored = (await listAllRecords(target.db, codecOf('requirements').entity)).find((item) => item.record.id === 'test-req-open');
    expect(stored).toMatchObject({ version: 2, record: { quantity: 250, estimate: true } });
  });
});
