import { date, text } from 'drizzle-orm/pg-core';
import { freeTextSchema, idSchema, isoDateSchema, MAX_TEXT_LENGTH, partyIdSchema, urlSchema } from '../field-schemas.js';
import { idField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A published source records cite (DESIGN.md §3): written by coordinators, and by delegates for their party's.

export const sourceType = declareRecordType({
  name: 'sources',
  table: 'sources',
  description: 'A published source that records cite',
  fields: {
    id: idField(idSchema, 'unique id of the source'),
    url: field(urlSchema(MAX_TEXT_LENGTH).optional(), text('url'), { exchange: 'address of the source' }),
    publication: field(freeTextSchema().min(1).optional(), text('publication'), { exchange: 'title of the publication' }),
    publisher: field(freeTextSchema().min(1), text('publisher').notNull(), { filter: true, exchange: 'who published it' }),
    date: field(isoDateSchema, date('date', { mode: 'string' }).notNull(), { exchange: 'date published (YYYY-MM-DD)' }),
    language: field(freeTextSchema(10).min(2).optional(), text('language'), { exchange: 'language code (en, de, …)' }),
    quote: field(freeTextSchema().min(1).optional(), text('quote'), { exchange: 'the passage the records rely on' }),
    /** The party whose delegate created it (set by the service); absent: the coordinators'. */
    owner: field(partyIdSchema.optional(), text('owner'), { references: 'parties' }),
  },
});
