import { bigint, date, integer, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { currencySchema, FUND_PACKAGE_STATUSES, idSchema, isoDateSchema, minorUnitsSchema, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, keyedField } from './declare-record-type.js';

// A package a fund buys (DESIGN.md §3): its price, priority and status.

export const fundPackageType = declareRecordType({
  name: 'fund-packages',
  table: 'fund_packages',
  description: 'A package a fund buys, with its price, priority and status',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the package'),
    fund: keyedField(idSchema, 'fundId', textColumn('fund_id').notNull(), { filter: true, index: true, references: 'funds', exchange: 'id of the fund' }),
    title: field(text, textColumn('title').notNull(), { exchange: 'title' }),
    /** Price in minor units of `currency`. */
    price: field(minorUnitsSchema, bigint('price', { mode: 'number' }).notNull(), { exchange: 'price in minor units of the currency (cents)' }),
    currency: field(currencySchema, textColumn('currency').notNull(), { filter: true, exchange: 'ISO 4217 code, e.g. EUR' }),
    priority: field(
      z.number().int('must be a whole number').min(1, 'must be 1 (highest) or more').max(999, 'must be at most 999').default(1),
      integer('priority').notNull().default(1),
      { exchange: '1 = highest (default 1)' },
    ),
    status: field(
      z.enum(FUND_PACKAGE_STATUSES, { error: `must be one of ${FUND_PACKAGE_STATUSES.join(', ')}` }).default('open'),
      textColumn('status').notNull().default('open'),
      { filter: true, exchange: `${FUND_PACKAGE_STATUSES.join(', ')} (default open)` },
    ),
    /** Before this date the package was not known (as-of views leave it out). */
    announcedOn: field(isoDateSchema.optional(), date('announced_on', { mode: 'string' }), { exchange: 'date announced (YYYY-MM-DD)' }),
    sources: sourcesField(),
  },
});
