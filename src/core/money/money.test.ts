import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { allocateProportionally, splitAmount, weightsFromNumbers } from './allocate-proportionally.js';
import { convertMoney, formatMoney } from './convert-money.js';
import { divideRounded, formatDecimal, parseDecimal } from './decimal.js';
import { parseEcbRates } from './parse-ecb-rates.js';
import { averageRate, buildRateTable, findRate } from './rate-table.js';

// Money: exact decimals, largest-remainder splits whose parts sum to the total, dated ECB conversions.

const digits = (currency: string): number => (currency === 'JPY' || currency === 'ISK' ? 0 : 2);

const table = buildRateTable([
  { date: '2025-05-08', currency: 'USD', rate: '1.1297' },
  { date: '2025-05-09', currency: 'USD', rate: '1.1252' },
  { date: '2025-05-09', currency: 'NOK', rate: '11.6725' },
  { date: '2025-05-09', currency: 'JPY', rate: '163.36' },
  { date: '2025-05-07', currency: 'GBP', rate: '0.8500' },
]);

describe('decimals', () => {
  it('parses and prints rates exactly', () => {
    expect(parseDecimal('1.1252')).toEqual({ units: 11252n, scale: 4 });
    expect(formatDecimal({ units: 74600n, scale: 4 })).toBe('7.46');
    expect(parseDecimal('0')).toBeUndefined();
    expect(parseDecimal('-1.2')).toBeUndefined();
    expect(parseDecimal('N/A')).toBeUndefined();
  });

  it('rounds halves away from zero', () => {
    expect(divideRounded(5n, 2n)).toBe(3n);
    expect(divideRounded(4n, 3n)).toBe(1n);
    expect(divideRounded(5n, 3n)).toBe(2n);
  });
});

describe('allocateProportionally', () => {
  it('gives the remainder to the largest remainders, ties to the first', () => {
    expect(allocateProportionally(100n, [1n, 1n, 1n])).toEqual([34n, 33n, 33n]);
    expect(allocateProportionally(10n, [2n, 3n, 5n])).toEqual([2n, 3n, 5n]);
    expect(allocateProportionally(7n, [0n, 1n, 1n])).toEqual([0n, 4n, 3n]);
  });

  it('refuses to split money by all-zero weights', () => {
    expect(() => allocateProportionally(1n, [0n, 0n])).toThrow(RangeError);
    expect(allocateProportionally(0n, [0n, 0n])).toEqual([0n, 0n]);
  });

  it('parts always sum to the total, are non-negative and within one unit of the exact quota (property)', () => {
    fc.assert(
      fc.property(fc.bigInt({ min: 0n, max: 2n ** 60n }), fc.array(fc.bigInt({ min: 0n, max: 10n ** 12n }), { minLength: 1, maxLength: 30 }), (total, weights) => {
        fc.pre(weights.some((weight) => weight > 0n));
        const parts = allocateProportionally(total, weights);
        const sum = weights.reduce((a, b) => a + b, 0n);
        expect(parts.reduce((a, b) => a + b, 0n)).toBe(total);
        parts.forEach((part, i) => {
          expect(part >= 0n).toBe(true);
          const floor = (total * (weights[i] ?? 0n)) / sum;
          expect(part === floor || part === floor + 1n).toBe(true);
        });
      }),
      { numRuns: 2000 },
    );
  });

  it('splitAmount keeps safe-integer amounts whole (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.array(fc.double({ min: 0.001, max: 1e6, noNaN: true }), { minLength: 1, maxLength: 12 }), (total, shares) => {
        const parts = splitAmount(total, weightsFromNumbers(shares));
        expect(parts.every(Number.isSafeInteger)).toBe(true);
        expect(parts.reduce((a, b) => a + b, 0)).toBe(total);
      }),
    );
  });
});

describe('rates and conversion', () => {
  it('uses the rate of the day, or the nearest earlier day and says which', () => {
    const exact = findRate(table, 'USD', '2025-05-09');
    expect(exact.ok && exact.value).toEqual({ currency: 'USD', rate: '1.1252', date: '2025-05-09', exact: true });
    const later = findRate(table, 'USD', '2025-12-03');
    expect(later.ok && later.value).toMatchObject({ date: '2025-05-09', exact: false });
    const before = findRate(table, 'USD', '2025-05-01');
    expect(before).toMatchObject({ ok: false, reason: 'no_rate_before' });
    expect(findRate(table, 'UAH', '2025-05-09')).toMatchObject({ ok: false, reason: 'unknown_currency' });
  });

  it('converts through the euro with exact integers and reports the rates used', () => {
    const usd = convertMoney(table, { amount: 50_000_000_000, currency: 'EUR' }, 'USD', '2025-05-09', digits);
    expect(usd.ok && usd.value.to).toEqual({ amount: 56_260_000_000, currency: 'USD' });
    const nok = convertMoney(table, { amount: 150_000_000_000, currency: 'NOK' }, 'USD', '2025-08-05', digits);
    expect(nok.ok && nok.value).toMatchObject({ to: { amount: 14_459_627_329, currency: 'USD' }, exact: false, toRate: { date: '2025-05-09' } });
    const jpy = convertMoney(table, { amount: 100, currency: 'EUR' }, 'JPY', '2025-05-09', digits);
    expect(jpy.ok && jpy.value.to.amount).toBe(163);
    const same = convertMoney(table, { amount: 7, currency: 'UAH' }, 'UAH', '2025-05-09', digits);
    expect(same.ok && same.value.to.amount).toBe(7);
    expect(convertMoney(table, { amount: 7, currency: 'UAH' }, 'USD', '2025-05-09', digits)).toMatchObject({ ok: false, currency: 'UAH' });
  });

  it('a round trip loses at most a rounding step (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 13 }), (amount) => {
        const there = convertMoney(table, { amount, currency: 'EUR' }, 'USD', '2025-05-09', digits);
        if (!there.ok) throw new Error(there.message);
        const back = convertMoney(table, there.value.to, 'EUR', '2025-05-09', digits);
        if (!back.ok) throw new Error(back.message);
        expect(Math.abs(back.value.to.amount - amount)).toBeLessThanOrEqual(1);
      }),
    );
  });

  it('formats minor units for people', () => {
    expect(formatMoney({ amount: 50_000_000_000, currency: 'EUR' }, digits)).toBe('EUR 500,000,000.00');
    expect(formatMoney({ amount: 1500, currency: 'ISK' }, digits)).toBe('ISK 1,500');
  });
});

describe('parseEcbRates', () => {
  it('reads the ECB layout with N/A and the trailing comma', () => {
    const parsed = parseEcbRates('Date,USD,CYP,\n2025-05-09,1.1252,N/A,\n2025-05-08,1.1297,N/A,\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.rows).toEqual([
      { date: '2025-05-09', currency: 'USD', rate: '1.1252' },
      { date: '2025-05-08', currency: 'USD', rate: '1.1297' },
    ]);
    expect(parsed).toMatchObject({ firstDate: '2025-05-08', lastDate: '2025-05-09', currencies: ['USD', 'CYP'] });
  });

  it('names the line and column of every problem', () => {
    const parsed = parseEcbRates('Date,USD,usd\n2025-02-30,1.1,1\n2025-05-09,abc,1\n2025-05-09,1.2,1\n');
    expect(parsed.problems).toEqual([
      { line: 1, column: 'usd', message: "'usd' is not a currency code (3 upper-case letters)" },
      { line: 2, column: 'Date', message: "'2025-02-30' is not a date YYYY-MM-DD" },
      { line: 3, column: 'USD', message: "'abc' is not a positive rate (units per 1 EUR) or N/A" },
      { line: 4, column: 'Date', message: 'date 2025-05-09 appears twice (first on line 3)' },
    ]);
    expect(parseEcbRates('Datum,USD\n').problems[0]).toMatchObject({ line: 1, column: 'Date' });
    expect(parseEcbRates('Date,USD\n').problems[0]).toMatchObject({ message: 'the file has no rates' });
  });
});

describe('averageRate', () => {
  it('is the mean of the year\'s published rates, to 5 significant digits; EUR is 1', () => {
    const table = buildRateTable([
      { date: '2024-01-02', currency: 'USD', rate: '1.0956' },
      { date: '2024-06-03', currency: 'USD', rate: '1.0852' },
      { date: '2024-12-31', currency: 'USD', rate: '1.0389' },
      { date: '2025-01-02', currency: 'USD', rate: '1.0321' },
    ]);
    expect(averageRate(table, 'USD', 2024)).toEqual({ rate: 1.0732, days: 3 });
    expect(averageRate(table, 'EUR', 2024)).toEqual({ rate: 1, days: 0 });
    expect(averageRate(table, 'USD', 2023)).toBeUndefined();
    expect(averageRate(table, 'GBP', 2024)).toBeUndefined();
  });
});
