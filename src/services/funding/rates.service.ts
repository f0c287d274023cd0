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

// ECB reference rates in the store: imported from a file of the eurofxref-hist.csv layout (all or nothing,
// every problem with its line and column), read as a rate table cached per audit head (an import appends
// an audit entry, so it moves the head).

/** Files larger than this are refused before parsing (the full ECB history is ~1.8 MB). */
export const MAX_RATE_FILE_BYTES = 32 * 1024 * 1024;

export interface RatesImportSummary {
  file: string;
  sha256: string;
  added: number;
  changed: number;
  unchanged: number;
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
  return store.db.transaction(async (transaction) => {
    const tx = transaction as unknown as Database;
    const head = await lockAuditHead(tx);
    const before = await describeRates(tx);
    const existing = new Map((await tx.select().from(exchangeRates)).map((row) => [`${row.date}|${row.currency}`, row.rate]));
    const fresh: RateRow[] = [];
    const changed: RateRow[] = [];
    for (const row of parsed.rows) {
      const stored = existing.get(`${row.date}|${row.currency}`);
      if (stored === undefined) fresh.push(row);
      else if (stored !== row.rate) changed.push(row);
    }
    await insertChunked(tx, exchangeRates, fresh);
    if (changed.length > 0) {
      // A corrected rate replaces the stored one (rare: the ECB seldom revises a published rate).
      for (const row of changed) {
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
      currencies: parsed.currencies,
      firstDate: parsed.firstDate,
      lastDate: parsed.lastDate,
    };
  });
}

/** Import the bundled rates when the store holds none (the demo and first start); returns whether it did. */
export async function loadBundledRatesIfEmpty(store: Store, actor: Actor, now: () => Date): Promise<RatesImportSummary | undefined> {
  if ((await describeRates(store.db)).rows > 0) return undefined;
  return importRates(store, { name: 'data/reference/eurofxref-hist.csv', text: await readFile(BUNDLED_RATES_FILE, 'utf8') }, actor, now);
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
