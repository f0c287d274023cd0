import type { Decimal } from './decimal.js';
import { parseDecimal } from './decimal.js';

// Dated reference rates in the ECB's convention: units of a currency per 1 EUR, one figure per currency and
// publication day. A date without a rate uses the nearest earlier publication day, and says so.

/** One published rate: on `date`, 1 EUR = `rate` units of `currency`. */
export interface RateRow {
  date: string;
  currency: string;
  rate: string;
}

/** The rates of one currency, dates ascending. */
interface CurrencySeries {
  dates: string[];
  rates: Decimal[];
}

export interface RateTable {
  /** The base currency: every rate is units of a currency per 1 of it. */
  base: 'EUR';
  series: ReadonlyMap<string, CurrencySeries>;
  firstDate: string | undefined;
  lastDate: string | undefined;
}

/** The rate used for a date: the rate, the day it was published, and whether that is the day asked for. */
export interface RateUsed {
  currency: string;
  rate: string;
  date: string;
  exact: boolean;
}

export type RateLookup = { ok: true; value: RateUsed; decimal: Decimal } | { ok: false; reason: 'unknown_currency' | 'no_rate_before'; message: string };

/** Build a table from rows (any order); rows must be valid (the edge checks them). */
export function buildRateTable(rows: readonly RateRow[]): RateTable {
  const grouped = new Map<string, { date: string; rate: Decimal }[]>();
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (const row of rows) {
    const rate = parseDecimal(row.rate);
    if (!rate || row.currency === 'EUR') continue;
    const list = grouped.get(row.currency) ?? [];
    list.push({ date: row.date, rate });
    grouped.set(row.currency, list);
    if (firstDate === undefined || row.date < firstDate) firstDate = row.date;
    if (lastDate === undefined || row.date > lastDate) lastDate = row.date;
  }
  const series = new Map<string, CurrencySeries>();
  for (const [currency, list] of grouped) {
    list.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    series.set(currency, { dates: list.map((item) => item.date), rates: list.map((item) => item.rate) });
  }
  return { base: 'EUR', series, firstDate, lastDate };
}

/** The rate of `currency` on `date`, or on the nearest earlier publication day. EUR is always 1. */
export function findRate(table: RateTable, currency: string, date: string): RateLookup {
  if (currency === table.base) return { ok: true, value: { currency, rate: '1', date, exact: true }, decimal: { units: 1n, scale: 0 } };
  const series = table.series.get(currency);
  if (!series) return { ok: false, reason: 'unknown_currency', message: `no ECB reference rate for ${currency}` };
  // Binary search for the last date <= the date asked for.
  let low = 0;
  let high = series.dates.length - 1;
  let found = -1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    if ((series.dates[middle] ?? '') <= date) {
      found = middle;
      low = middle + 1;
    } else high = middle - 1;
  }
  const at = series.dates[found];
  const rate = series.rates[found];
  if (found < 0 || at === undefined || rate === undefined) {
    return { ok: false, reason: 'no_rate_before', message: `no ECB reference rate for ${currency} on or before ${date} (the first is of ${series.dates[0] ?? '?'})` };
  }
  const text = rateText(rate);
  return { ok: true, value: { currency, rate: text, date: at, exact: at === date }, decimal: rate };
}

function rateText(rate: Decimal): string {
  const digits = rate.units.toString().padStart(rate.scale + 1, '0');
  return rate.scale === 0 ? digits : `${digits.slice(0, digits.length - rate.scale)}.${digits.slice(digits.length - rate.scale)}`;
}

/** The currencies the table has rates for, sorted (without the base). */
export function listRateCurrencies(table: RateTable): string[] {
  return [...table.series.keys()].sort();
}

/** The mean of a currency's published rates over a year, to 5 significant digits as the ECB quotes them; EUR is 1. */
export function averageRate(table: RateTable, currency: string, year: number): { rate: number; days: number } | undefined {
  if (currency === table.base) return { rate: 1, days: 0 };
  const series = table.series.get(currency);
  if (!series) return undefined;
  const prefix = `${year}-`;
  let sum = 0;
  let days = 0;
  series.dates.forEach((date, i) => {
    const rate = series.rates[i];
    if (!date.startsWith(prefix) || rate === undefined) return;
    sum += Number(rate.units) / 10 ** rate.scale;
    days += 1;
  });
  return days === 0 ? undefined : { rate: Number((sum / days).toPrecision(5)), days };
}
