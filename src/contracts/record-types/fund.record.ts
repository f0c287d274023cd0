import { bigint, date, text as textColumn } from 'drizzle-orm/pg-core';
import { currencySchema, idSchema, isoDateSchema, minorUnitsSchema, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A PURL-like pool (DESIGN.md §3): packages to fund, contributions that fund them.

export const fundType = declareRecordType({
  name: 'funds',
  table: 'funds',
  description: 'A pool that contributions pay into and packages are bought from',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the fund'),
    title: field(text, textColumn('title').notNull(), { exchange: 'title' }),
    currency: field(currencySchema, textColumn('currency').notNull(), { filter: true, exchange: 'ISO 4217 code, e.g. EUR' }),
    /** Target in minor units of `currency`. */
    targetAmount: field(minorUnitsSchema.optional(), bigint('target_amount', { mode: 'number' }), { exchange: 'target in minor units of the currency (cents)' }),
    targetDate: field(isoDateSchema.optional(), date('target_date', { mode: 'string' }), { exchange: 'target date (YYYY-MM-DD)' }),
    description: field(text.optional(), textColumn('description'), { exchange: 'free text' }),
    /** Before this date the fund was not known (as-of views leave it out). */
    announcedOn: field(isoDateSchema.optional(), date('announced_on', { mode: 'string' }), { exchange: 'date announced (YYYY-MM-DD)' }),
    sources: sourcesField(),
  },
});
