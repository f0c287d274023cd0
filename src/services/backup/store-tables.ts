import { asc, count, getTableColumns, getTableName, is } from 'drizzle-orm';
import { type PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { ALL_ENTITIES } from '../../db/entities/all-entities.js';
import type { Database } from '../../db/open-store.js';
import * as schema from '../../db/schema/index.js';
import { auditHead, auditLog } from '../../db/schema/index.js';
import { GENESIS_HASH } from '../audit/hash-audit-entry.js';

// The store's tables as a backup sees them: the entities (through their definitions), the audit log and its
// head, and every other table of the schema (users, and whatever is added later), which is copied row by row
// with a zod schema derived from its columns — so a backup never silently leaves a table out.

export type TableRow = Record<string, unknown>;

const ENTITY_TABLES = new Set<PgTable>(ALL_ENTITIES.map((entity) => entity.table));

/** Tables of the schema that are neither entities nor the audit log: copied verbatim, by table name. */
export function otherTables(): PgTable[] {
  const exported: unknown[] = Object.values(schema);
  return exported
    .filter((value): value is PgTable => is(value, PgTable))
    .filter((table) => !ENTITY_TABLES.has(table) && table !== auditLog && table !== auditHead)
    .sort((a, b) => getTableName(a).localeCompare(getTableName(b)));
}

function primaryKey(table: PgTable): PgColumn {
  const columns = Object.values(getTableColumns(table));
  const key = columns.find((column) => column.primary) ?? columns[0];
  if (!key) throw new Error(`table ${getTableName(table)} has no columns`);
  return key;
}

/** Every row of a table in primary-key order, timestamps as ISO strings. */
export async function dumpTable(db: Database, table: PgTable): Promise<TableRow[]> {
  const rows: TableRow[] = await db.select().from(table).orderBy(asc(primaryKey(table)));
  return rows.map((row) => Object.fromEntries(Object.entries(row).map(([key, value]) => [key, value instanceof Date ? value.toISOString() : value])));
}

function columnSchema(column: PgColumn): z.ZodType {
  const base = ((): z.ZodType => {
    switch (column.dataType) {
      case 'string':
        return z.string();
      case 'number':
        return z.number();
      case 'boolean':
        return z.boolean();
      case 'date':
        return z.iso.datetime({ offset: true }).transform((text) => new Date(text));
      case 'array':
        return z.array(z.unknown());
      default:
        return z.unknown();
    }
  })();
  return column.notNull ? base : base.nullable();
}

/** A zod schema for a row of the table as dumpTable writes it (keys by property name, dates parsed back). */
export function tableRowSchema(table: PgTable): z.ZodType<TableRow> {
  const shape: Record<string, z.ZodType> = {};
  for (const [key, column] of Object.entries(getTableColumns(table))) shape[key] = columnSchema(column);
  return z.strictObject(shape);
}

export interface StoredRows {
  records: number;
  otherRows: number;
  auditEntries: number;
}

async function countRows(db: Database, tables: readonly PgTable[]): Promise<number> {
  let total = 0;
  for (const table of tables) {
    const [row] = await db.select({ n: count() }).from(table);
    total += Number(row?.n ?? 0);
  }
  return total;
}

/** How many records, rows of other tables and audit entries the store holds (all 0: an empty store). */
export async function countStoredRows(db: Database): Promise<StoredRows> {
  return {
    records: await countRows(db, ALL_ENTITIES.map((entity) => entity.table)),
    otherRows: await countRows(db, otherTables()),
    auditEntries: await countRows(db, [auditLog]),
  };
}

/** Delete every row and restart the audit chain at genesis (inside the caller's transaction). */
export async function clearStore(db: Database): Promise<void> {
  for (const table of [...[...ALL_ENTITIES].reverse().map((entity) => entity.table), ...otherTables(), auditLog]) await db.delete(table);
  await db.update(auditHead).set({ seq: 0, hash: GENESIS_HASH });
}

/** Insert rows in chunks (PostgreSQL allows 65,535 parameters a statement). */
export async function insertChunked(db: Database, table: PgTable, rows: readonly object[], onChunk?: (inserted: number) => void): Promise<void> {
  const width = Math.max(1, Object.keys(getTableColumns(table)).length);
  const size = Math.max(1, Math.floor(30_000 / width));
  for (let start = 0; start < rows.length; start += size) {
    const chunk = rows.slice(start, start + size);
    await db.insert(table).values(chunk as never);
    onChunk?.(chunk.length);
  }
}
