import type { Database } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { codecOf, EXCHANGE_ENTITIES, type ExchangeEntity } from './codecs.js';
import { type ExportTable, type TruncatedCell, writeCsv, writeJson, writeXlsx } from './write-tables.js';
import { inTransaction } from '../../db/in-transaction.js';

// `coalition export`: the exchanged entities as rows (ordered by id), in JSON, CSV or XLSX.

export type ExportFormat = 'json' | 'csv' | 'xlsx';

/** One output file: its name (for csv, `<entity>.csv`) and its bytes. */
export interface ExportFile {
  name: string;
  content: string | Buffer;
}

/** Read the rows of the given entities (all by default) in one consistent snapshot. */
export async function readExportTables(db: Database, entities: readonly ExchangeEntity[] = EXCHANGE_ENTITIES): Promise<ExportTable[]> {
  return inTransaction(
    db,
    async (tx) => {
      const tables: ExportTable[] = [];
      // One query at a time: a transaction is one connection.
      for (const name of entities) {
        const codec = codecOf(name);
        // Sorted here rather than by the database's collation, so PGlite and PostgreSQL export the same bytes.
        const records = (await listAllRecords(tx, codec.entity)).map((item) => item.record).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
        tables.push({ name, columns: codec.columns, rows: records.map((record) => codec.toRow(record)) });
      }
      return tables;
    },
    { isolationLevel: 'repeatable read', accessMode: 'read only' },
  );
}

/** The files of an export: one JSON or XLSX file (`base` named), or one CSV file per entity; `onTruncated` hears of each XLSX cell cut to fit. */
export async function formatExport(
  tables: readonly ExportTable[],
  format: ExportFormat,
  options: { now: Date; base?: string; onTruncated?: (cell: TruncatedCell) => void },
): Promise<ExportFile[]> {
  const base = options.base ?? 'coalition-export';
  if (format === 'json') return [{ name: `${base}.json`, content: writeJson(tables) }];
  if (format === 'xlsx') return [{ name: `${base}.xlsx`, content: await writeXlsx(tables, options.now, options.onTruncated) }];
  return tables.map((table) => ({ name: `${table.name}.csv`, content: writeCsv(table) }));
}
