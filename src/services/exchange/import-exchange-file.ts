import { basename, extname } from 'node:path';
import type { ErrorCode } from '../../contracts/error-codes.js';
import { AppError, InputError, type InputProblem } from '../../contracts/input-error.js';
import { ALL_ENTITIES } from '../../db/entities/all-entities.js';
import type { StoredRecord } from '../../db/entities/entity-definition.js';
import type { Store } from '../../db/open-store.js';
import { type ImportBatch, type ImportSummary, importRecords } from '../import-records.service.js';
import type { Actor } from '../records.service.js';
import type { DatasetCache } from '../store-dataset.js';
import { codecOf, EXCHANGE_ENTITIES, type ExchangeEntity, isExchangeEntity } from './codecs.js';
import { columnForPath, decodeRow, describeRest } from './decode-row.js';
import { ENTITY_LIST, type ReadResult, readCsv, readJson, type SourceRow, type SourceTable } from './read-tables.js';
import { readXlsx } from './read-xlsx.js';
import { inTransaction } from '../../db/in-transaction.js';

// `coalition import FILE`: read every row, report every problem with its row and column, and only when there is
// none write everything in one transaction (importRecords, upsert: new ids are created, changed ones updated,
// the rest left alone) — or, with dryRun, check everything including the store's consistency and write nothing.
// References only the store can check (a contribution's fund, a decision's meeting) are checked inside that
// transaction, every record's, and any problem rolls it back: each record is written once.

export interface ExchangeFile {
  /** The file's name or path: its extension says the format, a CSV file's base name the entity. */
  name: string;
  bytes: Uint8Array;
}

export interface ImportFileOptions {
  /** The entity of a CSV file whose name does not say it. */
  entity?: string;
  dryRun?: boolean;
  actor?: Actor;
  now: () => Date;
  onProgress?: (done: number, total: number) => void;
}

interface DecodedTable {
  name: ExchangeEntity;
  records: StoredRecord[];
  rows: SourceRow[];
}

class DryRunRollback extends Error {}

/** Read the file by its extension (.json, .xlsx, .csv); problems are collected, not thrown. */
export async function readExchangeFile(file: ExchangeFile, entity?: string): Promise<ReadResult> {
  const label = basename(file.name);
  const extension = extname(label).toLowerCase();
  if (entity !== undefined && extension !== '.csv') return { tables: [], problems: [{ path: '--entity', message: 'applies only to a .csv file' }] };
  if (extension === '.json') return readJson(label, file.bytes);
  if (extension === '.xlsx') return readXlsx(label, file.bytes);
  if (extension !== '.csv') return { tables: [], problems: [{ path: label, message: 'unknown format: the file name must end in .json, .xlsx or .csv' }] };
  const name = entity ?? entityInFileName(basename(label, extname(label)));
  if (name === undefined || !isExchangeEntity(name)) {
    const path = entity === undefined ? label : '--entity';
    const what = entity === undefined ? `cannot tell what ${label} holds: put one of ${ENTITY_LIST} in its name` : `unknown entity '${entity}'`;
    return { tables: [], problems: [{ path, message: `${what} (or pass --entity ${ENTITY_LIST.replaceAll(', ', '|')})` }] };
  }
  return readCsv(label, name, file.bytes);
}

/** The one entity named by whole words in a file's base name: `pledges`, `2026-01-pledges`, `requirements_v2`, `action_items`. */
export function entityInFileName(base: string): ExchangeEntity | undefined {
  const words = `-${base.toLowerCase().split(/[^a-z]+/).join('-')}-`;
  const found = EXCHANGE_ENTITIES.filter((name) => words.includes(`-${name}-`));
  return found.length === 1 ? found[0] : undefined;
}

/** Validate every row of the tables; duplicate ids within a table are problems too. */
export function decodeTables(tables: readonly SourceTable[]): { decoded: DecodedTable[]; problems: InputProblem[] } {
  const problems: InputProblem[] = [];
  const decoded = tables.map((table): DecodedTable => {
    const codec = codecOf(table.name);
    const records: StoredRecord[] = [];
    const rows: SourceRow[] = [];
    const firstRow = new Map<string, SourceRow>();
    for (const row of table.rows) {
      const result = decodeRow(codec, row.cells);
      if (!result.ok) {
        const fresh = result.problems.filter((problem) => !row.reported?.has(problem.column));
        problems.push(...fresh.map((problem) => ({ path: row.at(problem.column), message: problem.message })));
        continue;
      }
      const first = firstRow.get(result.record.id);
      if (first) {
        problems.push({ path: row.at('id'), message: `duplicate id '${result.record.id}' (first at ${first.at()})` });
        continue;
      }
      firstRow.set(result.record.id, row);
      records.push(result.record);
      rows.push(row);
    }
    return { name: table.name, records, rows };
  });
  return { decoded, problems };
}

/** A problem reported at a record path (`pledges[3].donors[0].party`) placed at its row and column in the file. */
function locate(problem: InputProblem, tables: readonly DecodedTable[]): InputProblem {
  const match = /^([a-z-]+)\[(\d+)\](?:\.(.*))?$/.exec(problem.path);
  const table = match ? tables.find((item) => item.name === match[1]) : undefined;
  const row = match && table ? table.rows[Number(match[2])] : undefined;
  if (!match || !table || !row) return problem;
  const path = (match[3] ?? '').split(/\.|\[(\d+)\]/).flatMap((part, i) => (part === undefined || part === '' ? [] : [i % 2 === 1 ? Number(part) : part]));
  const found = columnForPath(codecOf(table.name).columns, path);
  return { path: row.at(found?.column.name), message: `${describeRest(found?.rest ?? [])}${problem.message}` };
}

function fail(file: ExchangeFile, problems: InputProblem[], code: ErrorCode = 'input.invalid'): never {
  const count = problems.length === 1 ? 'a problem' : `${problems.length} problems`;
  throw new InputError(code, `${basename(file.name)} has ${count}; nothing was imported`, problems);
}

/** The tables in load order (requirements before pledges, pledges before contributions). */
function inLoadOrder(tables: readonly DecodedTable[]): DecodedTable[] {
  const order = (name: string): number => ALL_ENTITIES.findIndex((entity) => entity.name === name);
  return [...tables].sort((a, b) => order(a.name) - order(b.name));
}

/** Batches in load order. */
function batchesOf(tables: readonly DecodedTable[]): ImportBatch[] {
  return inLoadOrder(tables).map((table) => ({ entity: codecOf(table.name).entity, records: table.records }));
}

/** Import a file: every problem with row and column, or everything in one transaction. */
export async function importExchangeFile(store: Store, cache: DatasetCache, file: ExchangeFile, options: ImportFileOptions): Promise<ImportSummary> {
  const read = await readExchangeFile(file, options.entity);
  const { decoded, problems } = decodeTables(read.tables);
  if (read.problems.length > 0 || problems.length > 0) fail(file, [...read.problems, ...problems]);
  const batches = batchesOf(decoded);
  const importOptions = { mode: 'upsert' as const, now: options.now, ...(options.onProgress ? { onProgress: options.onProgress } : {}) };
  const actor = options.actor ?? { name: 'import' };
  try {
    if (!options.dryRun) return await importRecords(store, cache, actor, batches, importOptions);
    let summary: ImportSummary | undefined;
    await inTransaction(store.db, async (tx) => {
      summary = await importRecords({ ...store, db: tx }, cache, actor, batches, importOptions);
      throw new DryRunRollback();
    }).catch((error: unknown) => {
      if (!(error instanceof DryRunRollback)) throw error;
    });
    if (!summary) throw new AppError('internal', 'the dry run did not finish');
    return summary;
  } catch (error) {
    if (error instanceof InputError) fail(file, error.problems.map((problem) => locate(problem, decoded)), error.code);
    throw error;
  }
}
