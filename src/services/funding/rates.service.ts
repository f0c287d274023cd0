import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';
import { count, max, min } from 'drizzle-orm';
import { parseEcbRates } from '../../core/money/parse-ecb-rates.js';
import { buildRateTable, type RateRow, type RateTable } from '../../core/money/rate-table.js';
import { InputError } from '../../contracts/input-error.js';
import { lockAuditHead, readAuditHead } from '../../db/audit.repository.js';
import type { Database, Store } from '../../db/open-store.js';
import { exchangeRates } from '../../db/schema/index.js';
import { insertChunked } from '../backup/store-tables.js';
import { appendAudit } from '../audit/append-audit.js';
import type { Actor } from '../records.service.js';
import { BUNDLED_RATES_FILE } from './reference-data.js';
import { inTransaction } from '../../db/in-transaction.js';

// ECB reference rates. The package bundles a file (data/reference/eurofxref-hist.csv) that is in effect from
// the first start, without a write: a store whose rate table is empty uses it. `coalition rates import` merges
// a file of the same layout into the table (all or nothing, every problem with its line and column); the
// first import seeds the table with the bundled rates, so the rates in effect only ever grow. Tables are
// cached per audit head (an import appends an audit entry, so it moves the head).

/** Files larger than this are refused before parsing (the full ECB history is ~1.8 MB). */
export const MAX_RATE_FILE_BYTES = 32 * 1024 * 1024;

export interface RatesImportSummary {
  file: string;
  sha256: string;
  added: number;
  changed: number;
  unchanged: number;
  /** Bundled rates copied into the table by the first import (0 afterwards). */
  seededFromBundled: number;
  currencies: string[];
  firstDate: string | undefined;
  lastDate: string | undefined;
}

export interface RatesInfo {
  rows: number;
  firstDate: string | null;
  lastDate: string | null;
  /** `store` when the store holds rates, `bundled` when it holds none and the bundled file is used. */
  origin: 'store' | 'bundled';
}

/** Read a rate file from disk with a size check; a missing or unreadable file is bad input. */
export async function readRateFile(path: string): Promise<string> {
  let size: number;
  try {
    size = (await stat(path)).size;
  } catch {
    throw new InputError('input.invalid', `cannot read ${path}`, [{ path, message: 'no such file, or not readable' }]);
  }
  if (size > MAX_RATE_FILE_BYTES) throw new InputError('input.too_large', `${path} is too large`, [{ path, message: `has ${size} bytes; the limit is ${MAX_RATE_FILE_BYTES}` }]);
  return readFile(path, 'utf8');
}

/** Check a rate file and merge it into the store in one transaction with an audit entry; nothing is written on any problem. */
export async function importRates(store: Store, input: { name: string; text: string }, actor: Actor, now: () => Date): Promise<RatesImportSummary> {
  const parsed = parseEcbRates(input.text);
  if (parsed.problems.length > 0) {
    throw new InputError(
      'input.invalid',
      `invalid rate file ${input.name}: nothing was imported`,
      parsed.problems.map((problem) => ({ path: `line ${problem.line}, ${problem.column}`, message: problem.message })),
    );
  }
  const sha256 = createHash('sha256').update(input.text).digest('hex');
  return inTransaction(store.db, async (tx) => {
    const head = await lockAuditHead(tx);
    const before = await describeRates(tx);
    const key = (row: RateRow): string => `${row.date}|${row.currency}`;
    // The rates in effect: the table's, or the bundled ones while the table is empty.
    const inEffect = before.rows > 0 ? await tx.select().from(exchangeRates) : parseEcbRates(await readFile(BUNDLED_RATES_FILE, 'utf8')).rows;
    const current = new Map(inEffect.map((row) => [key(row), row]));
    const fresh: RateRow[] = [];
    const changed: RateRow[] = [];
    for (const row of parsed.rows) {
      const stored = current.get(key(row));
      if (stored === undefined) fresh.push(row);
      else if (stored.rate !== row.rate) changed.push(row);
      current.set(key(row), row);
    }
    if (before.rows === 0) {
      // The first import writes the bundled rates too, so the rates in effect only ever grow.
      await insertChunked(tx, exchangeRates, [...current.values()]);
    } else {
      await insertChunked(tx, exchangeRates, fresh);
      for (const row of changed) {
        // A corrected rate replaces the stored one (rare: the ECB seldom revises a published rate).
        await tx.insert(exchangeRates).values(row).onConflictDoUpdate({ target: [exchangeRates.date, exchangeRates.currency], set: { rate: row.rate } });
      }
    }
    const after = await describeRates(tx);
    await appendAudit(
      tx,
      { actor: actor.name, action: before.rows === 0 ? 'create' : 'update', entity: 'exchange-rates', entityId: 'ECB', before: before.rows === 0 ? null : before, after: { ...after, file: input.name, sha256 } },
      now(),
      head,
    );
    return {
      file: input.name,
      sha256,
      added: fresh.length,
      changed: changed.length,
      unchanged: parsed.rows.length - fresh.length - changed.length,
      seededFromBundled: before.rows === 0 ? inEffect.length - (parsed.rows.length - fresh.length) : 0,
      currencies: parsed.currencies,
      firstDate: parsed.firstDate,
      lastDate: parsed.lastDate,
    };
  });
}

async function describeRates(db: Database): Promise<Omit<RatesInfo, 'origin'>> {
  const [row] = await db.select({ rows: count(), firstDate: min(exchangeRates.date), lastDate: max(exchangeRates.date) }).from(exchangeRates);
  return { rows: Number(row?.rows ?? 0), firstDate: row?.firstDate ?? null, lastDate: row?.lastDate ?? null };
}

let bundledTable: Promise<RateTable> | undefined;

/** Rate tables per state of the store; an empty store uses the bundled file. */
export class RateTableCache {
  private cached: { head: string; table: RateTable; info: RatesInfo } | undefined;

  /** The current rate table and where it came from. */
  async current(db: Database): Promise<{ table: RateTable; info: RatesInfo }> {
    const head = await readAuditHead(db);
    const key = `${head.seq}:${head.hash}`;
    if (this.cached?.head === key) return this.cached;
    const rows = await db.select().from(exchangeRates);
    let table: RateTable;
    let info: RatesInfo;
    if (rows.length > 0) {
      table = buildRateTable(rows);
      info = { rows: rows.length, firstDate: table.firstDate ?? null, lastDate: table.lastDate ?? null, origin: 'store' };
    } else {
      bundledTable ??= readFile(BUNDLED_RATES_FILE, 'utf8').then((text) => buildRateTable(parseEcbRates(text).rows));
      table = await bundledTable;
      info = { rows: [...table.series.values()].reduce((acc, series) => acc + series.dates.length, 0), firstDate: table.firstDate ?? null, lastDate: table.lastDate ?? null, origin: 'bundled' };
    }
    this.cached = { head: key, table, info };
    return this.cached;
  }
}
