import { z } from 'zod';
import { isoDateSchema } from './domain.schema.js';
import { currencySchema } from './records.schema.js';

// The questions the funding analyses answer, as they cross an edge (HTTP query, CLI options).

export const BURDEN_KEYS = ['gdp'] as const;

/** `GET /api/burden`, `coalition burden`. */
export const burdenQuerySchema = z.strictObject({
  key: z.enum(BURDEN_KEYS, { error: "must be 'gdp' (population and custom keys are not available yet)" }).default('gdp'),
  currency: currencySchema.default('EUR'),
  asOf: isoDateSchema.optional(),
});

/** `GET /api/funds/:id/allocation`, `coalition funds`: as of a date (default today), in a currency (default the fund's). */
export const allocationQuerySchema = z.strictObject({ asOf: isoDateSchema.optional(), currency: currencySchema.optional() });

/** `GET /api/financing-plans/:id/shares`: as of a date (default today), so a later decision is not shown as taken; in a currency (default the plan's), at the rate of that date. */
export const financingQuerySchema = z.strictObject({ asOf: isoDateSchema.optional(), currency: currencySchema.optional() });

const amountText = z
  .union([z.number(), z.string().regex(/^\d{1,16}$/, 'must be a whole, non-negative number of minor units (e.g. cents)')], {
    error: 'must be a whole, non-negative number of minor units (e.g. cents)',
  })
  .transform(Number)
  .pipe(z.number().int('must be a whole number of minor units').nonnegative('must not be negative').max(Number.MAX_SAFE_INTEGER, 'is too large'));

/** `GET /api/rates`: the rates on a date, or a conversion when `amount` and `from` are given. */
export const rateQuerySchema = z
  .strictObject({
    date: isoDateSchema.optional(),
    from: currencySchema.optional(),
    to: currencySchema.default('EUR'),
    amount: amountText.optional(),
  })
  .refine((query) => query.amount === undefined || query.from !== undefined, { message: 'a conversion needs the currency to convert from', path: ['from'] });

export type BurdenQuery = z.output<typeof burdenQuerySchema>;
export type RateQuery = z.output<typeof rateQuerySchema>;
