import { date, pgTable, primaryKey, text } from 'drizzle-orm/pg-core';

/** ECB euro reference rates: on `date`, 1 EUR = `rate` units of `currency` (the decimal exactly as published). */
export const exchangeRates = pgTable(
  'exchange_rates',
  {
    date: date('date', { mode: 'string' }).notNull(),
    currency: text('currency').notNull(),
    rate: text('rate').notNull(),
  },
  (table) => [primaryKey({ columns: [table.date, table.currency] })],
);
