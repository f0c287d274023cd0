import { getTableColumns, getTableName, inArray } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import fc from 'fast-check';
import { expect, it } from 'vitest';
import { describeEachStore } from '../../test/support/stores.js';
import { insertRowsAsJson, isJsonInsertable, JsonText } from './bulk-insert.js';
import { ALL_ENTITIES } from './entities/all-entities.js';
import { inTransaction } from './in-transaction.js';
import { auditLog } from './schema/index.js';

// The JSON bulk insert writes exactly what drizzle's insert writes: random rows of every record table (and the
// audit log) inserted both ways in one transaction read back equal — text with quotes, braces and Unicode, nulls,
// jsonb, arrays, dates, timestamps, integers and doubles, and columns left to their defaults.

class Rollback extends Error {}

// Text PostgreSQL can hold either way (no NUL; whole characters, as JSON and the drivers encode them alike).
const text = fc.string({ unit: fc.oneof(fc.constantFrom('"', '\\', "'", '{', '}', ',', ' ', 'NULL', '\n', '\t', 'é', 'ß', '🛡️', 'ключ'), fc.string({ unit: 'grapheme', maxLength: 1 })), maxLength: 12 }).filter((value) => !value.includes('\u0000'));
const json = fc.jsonValue({ maxDepth: 3, stringUnit: 'grapheme' }).filter((value) => !JSON.stringify(value).includes('\\u0000'));
const date = fc.date({ min: new Date('0001-01-01T00:00:00Z'), max: new Date('9999-12-31T23:59:59Z'), noInvalidDate: true });

function valueOf(column: PgColumn): fc.Arbitrary<unknown> {
  switch (column.columnType) {
    case 'PgText':
      return text;
    case 'PgInteger':
      return fc.integer();
    case 'PgBigInt53':
      return fc.maxSafeInteger();
    case 'PgBoolean':
      return fc.boolean();
    case 'PgDateString':
      return date.map((value) => value.toISOString().slice(0, 10));
    case 'PgDoublePrecision':
      return fc.double({ noNaN: true, noDefaultInfinity: true });
    case 'PgJsonb':
      return json;
    case 'PgTimestamp':
      return date;
    case 'PgArray':
      return fc.array(valueOf((column as unknown as { baseColumn: PgColumn }).baseColumn), { maxLength: 4 });
    default:
      throw new Error(`no values for ${column.columnType}`);
  }
}

/** Rows of `table` (its primary key left out): each column given in every row, or (if it has a default) in none. */
function rowsOf(table: PgTable, key: string): fc.Arbitrary<Record<string, unknown>[]> {
  const columns = Object.entries(getTableColumns(table)).filter(([name]) => name !== key);
  const given = fc.tuple(...columns.map(([, column]) => (column.hasDefault ? fc.boolean() : fc.constant(true))));
  return given.chain((flags) => {
    const row = fc.record(
      Object.fromEntries(
        columns.flatMap(([name, column], i) => {
          if (!flags[i]) return [];
          return [[name, column.notNull ? valueOf(column).filter((value) => value !== null) : fc.option(valueOf(column), { nil: null, freq: 3 })]];
        }),
      ),
    );
    return fc.array(row, { minLength: 1, maxLength: 5 });
  });
}

const TABLES: { table: PgTable; key: string; ids: (n: number) => unknown[] }[] = [
  ...ALL_ENTITIES.map((entity) => ({ table: entity.table, key: 'id', ids: (n: number) => Array.from({ length: n }, (_, i) => `row-${i}`) })),
  { table: auditLog, key: 'seq', ids: (n: number) => Array.from({ length: n }, (_, i) => 1_000_000 + i) },
];

describeEachStore('insertRowsAsJson', (suite) => {
  it('can write every record table and the audit log', () => {
    expect(TABLES.filter(({ table }) => !isJsonInsertable(table)).map(({ table }) => getTableName(table))).toEqual([]);
  });

  for (const { table, key, ids } of TABLES) {
    it(`writes ${getTableName(table)} rows equal to drizzle's insert`, async () => {
      const column = getTableColumns(table)[key] as PgColumn;
      await fc.assert(
        fc.asyncProperty(rowsOf(table, key), async (rows) => {
          const keys = ids(rows.length * 2);
          const viaDrizzle = rows.map((row, i) => ({ ...row, [key]: keys[i] }));
          const viaJson = rows.map((row, i) => ({ ...row, [key]: keys[rows.length + i] }));
          await inTransaction(suite.store().db, async (tx) => {
            await tx.insert(table).values(viaDrizzle as never);
            await insertRowsAsJson(tx, table, viaJson);
            const read = async (wanted: unknown[]): Promise<Record<string, unknown>[]> => {
              const found = (await tx.select().from(table).where(inArray(column, wanted))) as Record<string, unknown>[];
              const order = new Map(wanted.map((id, i) => [id, i]));
              return found.sort((a, b) => (order.get(a[key]) ?? 0) - (order.get(b[key]) ?? 0)).map(({ [key]: _, ...rest }) => rest);
            };
            expect(await read(viaJson.map((row) => row[key]))).toEqual(await read(viaDrizzle.map((row) => row[key])));
            throw new Rollback();
          }).catch((error: unknown) => {
            if (!(error instanceof Rollback)) throw error;
          });
        }),
        { numRuns: 15 },
      );
    });
  }

  it('writes JSON text given as JsonText as the value it holds, and a JSON null as NULL', async () => {
    const row = { at: new Date('2026-01-02T03:04:05.678Z'), actor: 'a', action: 'create', entity: 'e', entityId: 'i', prevHash: 'p', hash: 'h' };
    await inTransaction(suite.store().db, async (tx) => {
      await insertRowsAsJson(tx, auditLog, [
        { ...row, seq: 2_000_001, before: new JsonText('null'), after: new JsonText('{"b":[1,{"c":null}],"a":"x"}') },
        { ...row, seq: 2_000_002, before: null, after: { b: [1, { c: null }], a: 'x' } },
      ]);
      const found = await tx.select().from(auditLog).where(inArray(auditLog.seq, [2_000_001, 2_000_002]));
      expect(found.map(({ seq: _, ...rest }) => rest)).toEqual([
        { ...row, before: null, after: { a: 'x', b: [1, { c: null }] } },
        { ...row, before: null, after: { a: 'x', b: [1, { c: null }] } },
      ]);
      throw new Rollback();
    }).catch((error: unknown) => {
      if (!(error instanceof Rollback)) throw error;
    });
  });

  it('refuses rows that leave out a column another row gives', async () => {
    await expect(
      inTransaction(suite.store().db, async (tx) => {
        await insertRowsAsJson(tx, auditLog, [
          { seq: 3_000_001, at: new Date(), actor: 'a', action: 'create', entity: 'e', entityId: 'i', prevHash: 'p', hash: 'h' },
          { seq: 3_000_002, at: new Date(), actor: 'a', action: 'create', entity: 'e', entityId: 'i', prevHash: 'p' },
        ]);
      }),
    ).rejects.toThrow(/hash is missing/);
  });
});
