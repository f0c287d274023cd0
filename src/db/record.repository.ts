import { and, arrayContains, asc, count, eq, getTableColumns, inArray, type SQL, sql } from 'drizzle-orm';
import type { PgColumn } from 'drizzle-orm/pg-core';
import { insertRowsAsJson, isJsonInsertable } from './bulk-insert.js';
import type { EntityDefinition, StoredRecord } from './entities/entity-definition.js';
import type { Database } from './open-store.js';

// Generic reads and version-checked writes for any record table (id, version, created_at, updated_at).

export interface Versioned<R> {
  record: R;
  version: number;
  createdAt: string;
  updatedAt: string;
}

export interface ListQuery {
  filters?: Record<string, string>;
  limit: number;
  offset: number;
}

export type WriteOutcome<R> = { ok: true; value: Versioned<R> } | { ok: false; reason: 'not_found' } | { ok: false; reason: 'conflict'; current: number };

interface RecordColumns {
  id: PgColumn;
  version: PgColumn;
  createdAt: PgColumn;
  updatedAt: PgColumn;
}

function columnsOf(entity: EntityDefinition): RecordColumns {
  return getTableColumns(entity.table) as unknown as RecordColumns;
}

function toVersioned<R extends StoredRecord>(entity: EntityDefinition<R>, row: Record<string, unknown>): Versioned<R> {
  return {
    record: entity.toRecord(row),
    version: row.version as number,
    createdAt: (row.createdAt as Date).toISOString(),
    updatedAt: (row.updatedAt as Date).toISOString(),
  };
}

/** One record with its version, or undefined. */
export async function findRecord<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, id: string): Promise<Versioned<R> | undefined> {
  const rows = await db.select().from(entity.table).where(eq(columnsOf(entity).id, id)).limit(1);
  const row = rows[0];
  return row ? toVersioned(entity, row) : undefined;
}

/** A page of records ordered by id, with the total matching the filters (and `restriction`, e.g. visibility). */
export async function listRecords<R extends StoredRecord>(
  db: Database,
  entity: EntityDefinition<R>,
  query: ListQuery,
  restriction?: SQL,
): Promise<{ items: Versioned<R>[]; total: number }> {
  const filters = filterClause(entity, query.filters ?? {});
  const where = restriction === undefined ? filters : filters === undefined ? restriction : and(filters, restriction);
  const rows = await db.select().from(entity.table).where(where).orderBy(asc(columnsOf(entity).id)).limit(query.limit).offset(query.offset);
  const [totals] = await db.select({ total: count() }).from(entity.table).where(where);
  return { items: rows.map((row) => toVersioned(entity, row)), total: Number(totals?.total ?? 0) };
}

/** Every record of an entity, ordered by id. */
export async function listAllRecords<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>): Promise<Versioned<R>[]> {
  const rows = await db.select().from(entity.table).orderBy(asc(columnsOf(entity).id));
  return rows.map((row) => toVersioned(entity, row));
}

/** The records with these ids (any that exist), by id. */
export async function findRecords<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, ids: readonly string[]): Promise<Map<string, Versioned<R>>> {
  const found = new Map<string, Versioned<R>>();
  for (let start = 0; start < ids.length; start += 1000) {
    const rows = await db.select().from(entity.table).where(inArray(columnsOf(entity).id, ids.slice(start, start + 1000)));
    for (const row of rows) {
      const versioned = toVersioned(entity, row);
      found.set(versioned.record.id, versioned);
    }
  }
  return found;
}

const INSERT_CHUNK = 1000;

/** Insert new records at version 1 in chunks (ids must not exist). */
export async function insertRecords<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, records: readonly R[], onInserted?: (count: number) => void): Promise<void> {
  // Through JSON when the table allows (every record table does; see bulk-insert.ts), else drizzle's insert.
  const json = isJsonInsertable(entity.table);
  for (let start = 0; start < records.length; start += INSERT_CHUNK) {
    const rows = records.slice(start, start + INSERT_CHUNK).map((record) => entity.toRow(record) as Record<string, unknown>);
    if (json) await insertRowsAsJson(db, entity.table, rows);
    else await db.insert(entity.table).values(rows as never);
    onInserted?.(Math.min(records.length, start + INSERT_CHUNK));
  }
}

/** Insert a new record at version 1; undefined when the id exists. */
export async function insertRecord<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, record: R): Promise<Versioned<R> | undefined> {
  const rows = await db
    .insert(entity.table)
    .values(entity.toRow(record) as never)
    .onConflictDoNothing()
    .returning();
  const row = rows[0];
  return row ? toVersioned(entity, row) : undefined;
}

/** Replace a record if its version is still `expected`; bumps the version. */
export async function updateRecord<R extends StoredRecord>(
  db: Database,
  entity: EntityDefinition<R>,
  record: R,
  expected: number,
): Promise<WriteOutcome<R>> {
  const columns = columnsOf(entity);
  const rows = await db
    .update(entity.table)
    .set({ ...entity.toRow(record), version: sql`${columns.version} + 1`, updatedAt: sql`now()` } as never)
    .where(and(eq(columns.id, record.id), eq(columns.version, expected)))
    .returning();
  const row = rows[0];
  if (row) return { ok: true, value: toVersioned(entity, row) };
  return missingOrConflict(db, entity, record.id);
}

/** Delete a record if its version is still `expected`. */
export async function deleteRecord<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, id: string, expected: number): Promise<WriteOutcome<R>> {
  const columns = columnsOf(entity);
  const rows = await db
    .delete(entity.table)
    .where(and(eq(columns.id, id), eq(columns.version, expected)))
    .returning();
  const row = rows[0];
  if (row) return { ok: true, value: toVersioned(entity, row) };
  return missingOrConflict(db, entity, id);
}

async function missingOrConflict<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, id: string): Promise<WriteOutcome<R>> {
  const current = await findRecord(db, entity, id);
  return current ? { ok: false, reason: 'conflict', current: current.version } : { ok: false, reason: 'not_found' };
}

function filterClause(entity: EntityDefinition, filters: Record<string, string>): SQL | undefined {
  const clauses: SQL[] = [];
  for (const [name, value] of Object.entries(filters)) {
    const filter = entity.filters[name];
    if (!filter) continue;
    clauses.push(filter.array ? arrayContains(filter.column, [value]) : eq(filter.column, value));
  }
  return clauses.length === 0 ? undefined : and(...clauses);
}
