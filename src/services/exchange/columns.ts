import type { DeclaredField, ExchangeColumn } from '../../contracts/record-types/declare-record-type.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import { type Cell, type DonorCell, formatDonors, formatList, type ParsedRow, type TableRow } from './cells.js';

// The flat columns of an exchanged record type, derived from its declaration (docs/data-exchange.md lists them):
// the same names in CSV headers, XLSX header rows and JSON keys. toRow flattens a record; fromRow builds the
// candidate object that the type's zod schema then validates, so an import checks exactly what the API checks.

export interface CodecSpec<R extends StoredRecord> {
  entity: EntityDefinition<R>;
  columns: readonly ExchangeColumn[];
  /** The record as one row of cells, in column order. */
  toRow(record: R): TableRow;
  /** The candidate record from a row's cells (absent keys take the schema's defaults); `problem` reports cells that only fail together. */
  fromRow(row: ParsedRow, problem: (column: string, message: string) => void): Record<string, unknown>;
}

type Problem = (column: string, message: string) => void;

/** A value as a cell of its column's kind (null for an empty cell). */
function toCell(column: ExchangeColumn, value: unknown): Cell {
  if (column.toCell) return value === undefined || value === null ? null : column.toCell(value);
  if (value === undefined || value === null) return null;
  if (column.json !== undefined) return Array.isArray(value) && value.length === 0 ? null : JSON.stringify(value);
  if (column.kind === 'list') return formatList(value as string[]);
  if (column.kind === 'donors') return formatDonors(value as DonorCell[]);
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : JSON.stringify(value);
}

/** A cell read back as the field's value; undefined when empty (or already reported). */
function fromCell(column: ExchangeColumn, row: ParsedRow, problem: Problem): unknown {
  const { name } = column;
  if (column.json !== undefined) {
    const text = row.text(name);
    if (text === undefined) return undefined;
    try {
      return JSON.parse(text) as unknown;
    } catch {
      problem(name, `must be JSON: ${column.json}`);
      return undefined;
    }
  }
  const kind = column.kind;
  const value = kind === 'text' ? row.text(name) : kind === 'integer' || kind === 'number' ? row.number(name) : kind === 'boolean' ? row.boolean(name) : kind === 'list' ? row.list(name) : row.donors(name);
  return value !== undefined && column.fromCell ? column.fromCell(value) : value;
}

type FieldColumns = { part: string | undefined; exchange: ExchangeColumn }[];

// A field's exchanged columns, worked out once per field rather than once per row.
const exchangedColumns = new WeakMap<DeclaredField, FieldColumns>();

function exchangedColumnsOf(field: DeclaredField): FieldColumns {
  let columns = exchangedColumns.get(field);
  if (!columns) {
    columns = field.columns.flatMap((column) => (column.exchange ? [{ part: column.part, exchange: column.exchange }] : []));
    exchangedColumns.set(field, columns);
  }
  return columns;
}

function fieldFromRow(field: DeclaredField, row: ParsedRow, problem: Problem): unknown {
  const columns = exchangedColumnsOf(field);
  const [first] = columns;
  if (!first) return undefined;
  if (first.part === undefined) {
    const value = fromCell(first.exchange, row, problem);
    // An empty cell of a field that takes null (a requirement's quantity): null, not the schema's default.
    return value === undefined && field.nullable && !row.has(first.exchange.name) ? null : value;
  }
  const parts: Record<string, unknown> = {};
  for (const { part, exchange } of columns) {
    const value = fromCell(exchange, row, problem);
    if (value !== undefined && part !== undefined) parts[part] = value;
  }
  const filled = columns.filter(({ exchange }) => row.has(exchange.name));
  if (field.together !== undefined && filled.length > 0 && filled.length < columns.length) {
    const missing = columns.find(({ exchange }) => !row.has(exchange.name));
    if (missing) problem(missing.exchange.name, field.together);
  }
  const complete = Object.keys(parts).length === columns.length;
  if (field.together !== undefined ? complete : Object.keys(parts).length > 0) return parts;
  return field.nullable ? null : undefined;
}

/** The codec of an entity whose record type declares exchange columns. */
export function codecFor<R extends StoredRecord>(entity: EntityDefinition<R>): CodecSpec<R> {
  const fields = entity.type.fields.filter((field) => field.columns.some((column) => column.exchange));
  return {
    entity,
    columns: entity.type.exchange,
    toRow: (record) => {
      const values = record as unknown as Record<string, unknown>;
      const row: TableRow = {};
      for (const field of fields) {
        const value = values[field.name];
        for (const { part, exchange } of field.columns) {
          if (exchange) row[exchange.name] = toCell(exchange, part === undefined ? value : (value as Record<string, unknown> | null | undefined)?.[part]);
        }
      }
      return row;
    },
    fromRow: (row, problem) => {
      const candidate: Record<string, unknown> = {};
      for (const field of fields) {
        const value = fieldFromRow(field, row, problem);
        if (value !== undefined) candidate[field.name] = value;
      }
      return candidate;
    },
  };
}
