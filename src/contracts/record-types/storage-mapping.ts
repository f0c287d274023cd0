import type { DeclaredField, RecordType } from './declare-record-type.js';

// The storage mapping every record type shares, derived from its declaration: a record's fields become columns
// (an optional field absent → NULL, an object field split into one column per part) and back (NULL → the field
// absent, or null where the schema takes null).

type Row = Record<string, unknown>;

function fieldToColumns(field: DeclaredField, value: unknown, row: Row): void {
  for (const { key, part } of field.columns) {
    if (part === undefined) row[key] = field.stored ? field.stored.toColumn(value) : (value ?? null);
    else row[key] = (value as Record<string, unknown> | null | undefined)?.[part] ?? null;
  }
}

function fieldFromColumns(field: DeclaredField, row: Row): unknown {
  const [first] = field.columns;
  if (first && first.part === undefined) {
    const value = row[first.key];
    if (value === null || value === undefined) return undefined;
    return field.stored ? field.stored.fromColumn(value) : value;
  }
  const parts: Record<string, unknown> = {};
  for (const { key, part } of field.columns) if (part !== undefined && row[key] !== null && row[key] !== undefined) parts[part] = row[key];
  const given = Object.keys(parts).length;
  if (given === 0 || (field.together !== undefined && given < field.columns.length)) return undefined;
  return parts;
}

/** The columns of a record's row (keys as in the drizzle table). */
export function recordToRow(type: RecordType, record: object): Row {
  const row: Row = {};
  const values = record as Record<string, unknown>;
  for (const field of type.fields) fieldToColumns(field, values[field.name], row);
  return row;
}

/** The record a row holds, its fields in declaration order. */
export function rowToRecord(type: RecordType, row: Row): Record<string, unknown> {
  const record: Record<string, unknown> = {};
  for (const field of type.fields) {
    const value = fieldFromColumns(field, row);
    if (value !== undefined) record[field.name] = value;
    else if (field.nullable) record[field.name] = null;
  }
  return record;
}
