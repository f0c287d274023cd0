import { divideRounded, powerOfTen } from './decimal.js';
import { findRate, type RateTable, type RateUsed } from './rate-table.js';

// Converting an amount between currencies with dated reference rates. Every converted figure carries the
// rates and publication dates it used, so a reader can check it (DESIGN.md §3).

/** An amount in integer minor units of an ISO 4217 currency. */
export interface Money {
  amount: number;
  currency: string;
}

/** A converted amount and how it was obtained. */
export interface Conversion {
  from: Money;
  to: Money;
  /** The date asked for. */
  date: string;
  /** The rate of each currency per 1 EUR as used (EUR itself is 1); absent when nothing was converted. */
  fromRate?: RateUsed;
  toRate?: RateUsed;
  /** Units of `to` per 1 unit of `from`, for display (rounded to 6 significant places). */
  crossRate: number;
  /** True when both rates are of the date asked for. */
  exact: boolean;
}

export type ConversionResult = { ok: true; value: Conversion } | { ok: false; currency: string; message: string };

/** Minor-unit digits of a currency (ISO 4217), supplied by the caller so the core needs no currency list. */
export type MinorDigits = (currency: string) => number;

/** Convert `money` into `currency` at the rates of `date` (or the nearest earlier day); rounds half up to a minor unit. */
export function convertMoney(table: RateTable, money: Money, currency: string, date: string, digits: MinorDigits): ConversionResult {
  if (money.currency === currency) return { ok: true, value: { from: money, to: { ...money }, date, crossRate: 1, exact: true } };
  const from = findRate(table, money.currency, date);
  if (!from.ok) return { ok: false, currency: money.currency, message: from.message };
  const to = findRate(table, currency, date);
  if (!to.ok) return { ok: false, currency, message: to.message };
  // amount_to = amount_from × 10^dTo × rateTo / (10^dFrom × rateFrom), all as integers.
  const numerator = BigInt(money.amount) * powerOfTen(digits(currency)) * to.decimal.units * powerOfTen(from.decimal.scale);
  const denominator = powerOfTen(digits(money.currency)) * from.decimal.units * powerOfTen(to.decimal.scale);
  const amount = Number(divideRounded(numerator, denominator));
  const cross = Number(to.decimal.units) / 10 ** to.decimal.scale / (Number(from.decimal.units) / 10 ** from.decimal.scale);
  return {
    ok: true,
    value: {
      from: money,
      to: { amount, currency },
      date,
      fromRate: from.value,
      toRate: to.value,
      crossRate: Number(cross.toPrecision(6)),
      exact: from.value.exact && to.value.exact,
    },
  };
}

/** "USD 500,000,000.00" for display, from minor units. */
export function formatMoney(money: Money, digits: MinorDigits): string {
  const places = digits(money.currency);
  const negative = money.amount < 0;
  const text = Math.abs(money.amount).toString().padStart(places + 1, '0');
  const whole = text.slice(0, text.length - places).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const fraction = places > 0 ? `.${text.slice(text.length - places)}` : '';
  return `${negative ? '-' : ''}${money.currency} ${whole}${fraction}`;
}
