import { parse } from 'csv-parse/sync';
import type { InputProblem } from '../../contracts/input-error.js';
import type { Column } from './cells.js';
import { codecOf, EXCHANGE_ENTITIES, type ExchangeEntity, isExchangeEntity } from './codecs.js';
import { unguardFormula } from './formula-guard.js';

// Reading an exchange file into rows of raw cells, each row knowing how to name a place in the file the way a
// person sees it: `pledges.csv row 7, column condition` (the header is row 1), `data.xlsx sheet pledges row 7,
// column condition (O)`, `pledges[5].condition` for JSON. Structural problems (bad header, not UTF-8, broken
// quoting) are collected, not thrown. A text cell guarded against formulas on export (formula-guard.ts) loses its guard quote here.

export interface SourceRow {
  cells: Record<string, unknown>;
  /** Where the row (or one of its cells) is in the file. */
  at(column?: string): string;
  /** Columns whose cells the reader already reported (an XLSX error value): nothing more is said about them. */
  reported?: ReadonlySet<string>;
}

export interface SourceTable {
  name: ExchangeEntity;
  rows: SourceRow[];
}

export interface ReadResult {
  tables: SourceTable[];
  problems: InputProblem[];
}

export const ENTITY_LIST = EXCHANGE_ENTITIES.join(', ');

/** The spreadsheet letter of a 0-based column index: 0 → A, 26 → AA. */
export function columnLetter(index: number): string {
  let letter = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26)) letter = String.fromCharCode(65 + ((n - 1) % 26)) + letter;
  return letter;
}

/** Check a header row against an entity's columns; returns the column name per position (undefined where unusable). */
export function readHeader(
  name: ExchangeEntity,
  header: readonly unknown[],
  at: (index: number) => string,
  problems: InputProblem[],
): (string | undefined)[] {
  const known = new Map<string, Column>(codecOf(name).columns.map((column) => [column.name, column]));
  const seen = new Map<string, number>();
  const names = header.map((raw, index) => {
    const text = typeof raw === 'string' ? raw.trim() : raw === null || raw === undefined ? '' : String(raw);
    if (text === '') return undefined;
    if (!known.has(text)) {
      problems.push({ path: at(index), message: `unknown column '${text}' for ${name} (columns: ${[...known.keys()].join(', ')})` });
      return undefined;
    }
    const first = seen.get(text);
    if (first !== undefined) {
      problems.push({ path: at(index), message: `column '${text}' appears twice (first as column ${columnLetter(first)})` });
      return undefined;
    }
    seen.set(text, index);
    return text;
  });
  if (!seen.has('id') && header.length > 0) problems.push({ path: at(0), message: `the header has no 'id' column` });
  return names;
}

function isBlank(values: readonly unknown[]): boolean {
  return values.every((value) => value === null || value === undefined || (typeof value === 'string' && value.trim() === ''));
}

/** Decode bytes as UTF-8 (a BOM is dropped); undefined when they are not UTF-8. */
export function decodeUtf8(bytes: Uint8Array): string | undefined {
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return undefined;
  }
}

/** One entity's CSV: comma-separated, `"` quotes, UTF-8, header row of column names. */
export function readCsv(fileName: string, name: ExchangeEntity, bytes: Uint8Array): ReadResult {
  const problems: InputProblem[] = [];
  const text = decodeUtf8(bytes);
  if (text === undefined) return { tables: [], problems: [{ path: fileName, message: 'is not UTF-8 text (save it as "CSV UTF-8")' }] };
  let records: string[][];
  try {
    records = parse(text, { relax_column_count: true, skip_empty_lines: false });
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    return { tables: [], problems: [{ path: fileName, message: `is not valid CSV: ${message}` }] };
  }
  const where = (row: number, column?: string): string => `${fileName} row ${row}${column === undefined ? '' : `, column ${column}`}`;
  const [header = [], ...data] = records;
  if (isBlank(header)) return { tables: [], problems: [{ path: where(1), message: 'is empty: the first row must name the columns (id, …)' }] };
  const names = readHeader(name, header, (index) => where(1, columnLetter(index)), problems);
  const rows: SourceRow[] = [];
  data.forEach((values, i) => {
    const rowNumber = i + 2;
    if (isBlank(values)) return;
    if (values.length > header.length) {
      problems.push({ path: where(rowNumber), message: `has ${values.length} cells but the header has ${header.length} columns` });
      return;
    }
    const cells: Record<string, unknown> = {};
    values.forEach((value, index) => {
      const column = names[index];
      if (column !== undefined) cells[column] = unguardFormula(value);
    });
    rows.push({ cells, at: (column) => where(rowNumber, column) });
  });
  return { tables: [{ name, rows }], problems };
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A JSON document `{pledges: [rows], requirements: [...], contributions: [...]}`, rows keyed by column name. */
export function readJson(fileName: string, bytes: Uint8Array): ReadResult {
  const text = decodeUtf8(bytes);
  if (text === undefined) return { tables: [], problems: [{ path: fileName, message: 'is not UTF-8 text' }] };
  let document: unknown;
  try {
    document = JSON.parse(text);
  } catch (error) {
    return { tables: [], problems: [{ path: fileName, message: `is not valid JSON: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  if (!isRecord(document)) return { tables: [], problems: [{ path: '(root)', message: `must be an object with ${ENTITY_LIST} as keys` }] };
  const problems: InputProblem[] = [];
  const tables: SourceTable[] = [];
  for (const [key, list] of Object.entries(document)) {
    if (!isExchangeEntity(key)) {
      problems.push({ path: key, message: `unknown entity '${key}' (expected ${ENTITY_LIST})` });
      continue;
    }
    if (!Array.isArray(list)) {
      problems.push({ path: key, message: 'must be an array of rows' });
      continue;
    }
    tables.push({ name: key, rows: jsonRows(key, list, problems) });
  }
  return { tables, problems };
}

function jsonRows(name: ExchangeEntity, list: readonly unknown[], problems: InputProblem[]): SourceRow[] {
  const known = new Set(codecOf(name).columns.map((column) => column.name));
  const rows: SourceRow[] = [];
  list.forEach((item, i) => {
    const at = (column?: string): string => `${name}[${i}]${column === undefined ? '' : `.${column}`}`;
    if (!isRecord(item)) {
      problems.push({ path: at(), message: 'must be an object with column names as keys' });
      return;
    }
    for (const key of Object.keys(item)) if (!known.has(key)) problems.push({ path: at(key), message: `unknown column '${key}' for ${name}` });
    rows.push({ cells: item, at });
  });
  return rows;
}
