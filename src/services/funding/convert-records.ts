import { type Conversion, convertMoney, type Money } from '../../core/money/convert-money.js';
import type { RateTable } from '../../core/money/rate-table.js';
import { InputError, type InputProblem } from '../../contracts/input-error.js';
import { minorUnitDigits } from '../../contracts/records.schema.js';

// Converting stored amounts for an analysis: every conversion is kept (rates and dates used) for the
// response, and amounts that cannot be converted are collected and refused together, naming the record.

/** How a figure was converted, as shown beside it. */
export interface ConversionNote {
  from: Money;
  to: Money;
  date: string;
  /** The rate date actually used for each currency (nearest earlier publication day when not exact). */
  rates: { currency: string; rate: string; date: string; exact: boolean }[];
  crossRate: number;
  exact: boolean;
}

/** Collects conversions and their problems for one analysis. */
export class Converter {
  readonly problems: InputProblem[] = [];

  constructor(private readonly table: RateTable) {}

  /** Convert, or record a problem at `path` and return undefined. */
  convert(money: Money, currency: string, date: string, path: string): { amount: number; note: ConversionNote } | undefined {
    const result = convertMoney(this.table, money, currency, date, minorUnitDigits);
    if (!result.ok) {
      this.problems.push({ path, message: `cannot convert ${money.currency} to ${currency} on ${date}: ${result.message}` });
      return undefined;
    }
    return { amount: result.value.to.amount, note: noteOf(result.value) };
  }

  /** Throw the collected problems, if any (422: the stored data cannot be valued in that currency). */
  throwProblems(what: string): void {
    if (this.problems.length > 0) throw new InputError('dataset.unit_mismatch', `cannot value ${what} in one currency`, this.problems);
  }
}

/** A conversion as a note for the response. */
export function noteOf(conversion: Conversion): ConversionNote {
  const rates = [conversion.fromRate, conversion.toRate].flatMap((rate) => (rate && rate.currency !== 'EUR' ? [{ ...rate }] : []));
  return { from: conversion.from, to: conversion.to, date: conversion.date, rates, crossRate: conversion.crossRate, exact: conversion.exact };
}
