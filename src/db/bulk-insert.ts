import { getTableColumns, getTableName, sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { Database } from './open-store.js';

// Many rows in one statement with one parameter: the rows as a JSON array, which json_to_recordset turns into
// typed values, each converted by its column's own input function. Drizzle's insert builder spent most of a
// 100,000-record import assembling statements of thousands of parameters; this JSON text is built natively and
// parsed by the database. The recordset's columns are named as the drizzle table's keys (so rows are serialised as
// they are) and typed as its columns. Only columns whose values JSON carries unchanged qualify (text, numbers,
// booleans, dates, timestamps, jsonb, arrays of those); a key whose value is undefined takes the column's default,
// as with drizzle's insert.

const JSON_SAFE = new Set(['PgText', 'PgInteger', 'PgBigInt53', 'PgBoolean', 'PgDateString', 'PgDoublePrecision', 'PgJsonb', 'PgTimestamp']);

/** Whether every column of `table` can be written through JSON (else use drizzle's insert). */
export function isJsonInsertable(table: PgTable): boolean {
  return Object.values(getTableColumns(table)).every(isJsonSafe);
}

function isJsonSafe(column: PgColumn): boolean {
  if (column.columnType === 'PgArray') {
    const base = (column as unknown as { baseColumn: PgColumn }).baseColumn;
    return base.columnType !== 'PgArray' && isJsonSafe(base);
  }
  // A timestamp column in string mode would take the string as given; in date mode a Date becomes its ISO text.
  return JSON_SAFE.has(column.columnType);
}

const quote = (name: string): string => `"${name.replaceAll('"', '""')}"`;

/** A value already serialised as JSON (e.g. an audit entry's canonical state), written as it is. */
export class JsonText {
  constructor(readonly text: string) {}
}

/**
 * Insert `rows` (keyed as in the drizzle table) in one statement, inside the caller's transaction. Every row must
 * give the same keys a value (undefined: the column's default) — what the storage mapping produces.
 */
export async function insertRowsAsJson(db: Database, table: PgTable, rows: readonly Record<string, unknown>[]): Promise<void> {
  const [first] = rows;
  if (!first) return;
  const columns = getTableColumns(table);
  const given = Object.keys(first).filter((key) => first[key] !== undefined);
  const typed = given.map((key) => {
    const column = columns[key];
    if (!column) throw new Error(`${getTableName(table)} has no column ${key}`);
    return { key: quote(key), name: quote(column.name), type: column.getSQLType() };
  });
  let raw = false;
  for (const row of rows) {
    for (const key of given) {
      const value = row[key];
      if (value === undefined) throw new Error(`${getTableName(table)} rows differ: ${key} is missing from one`);
      if (value instanceof JsonText) raw = true;
    }
  }
  const target = sql.raw(quote(getTableName(table)));
  const names = sql.raw(typed.map((column) => column.name).join(', '));
  const keys = sql.raw(typed.map((column) => column.key).join(', '));
  const definition = sql.raw(typed.map((column) => `${column.key} ${column.type}`).join(', '));
  const json = raw ? spliceRows(rows, given) : JSON.stringify(rows);
  await db.execute(sql`INSERT INTO ${target} (${names}) SELECT ${keys} FROM json_to_recordset(${json}::json) AS r(${definition})`);
}

// The rows as JSON text with JsonText values spliced in as they are.
function spliceRows(rows: readonly Record<string, unknown>[], given: readonly string[]): string {
  const prefixes = given.map((key, i) => `${i === 0 ? '{' : ','}${JSON.stringify(key)}:`);
  const parts: string[] = [];
  for (const row of rows) {
    let text = '';
    for (let i = 0; i < given.length; i++) {
      const value = row[given[i] as string];
      text += prefixes[i] + (value instanceof JsonText ? value.text : JSON.stringify(value));
    }
    parts.push(`${text}}`);
  }
  return `[${parts.join(',')}]`;
}
