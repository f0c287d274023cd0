import { date, integer, jsonb, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { idSchema, isoDateSchema, partyIdSchema, partyListSchema, SANCTIONS_JURISDICTIONS, strictRecord, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A sanctions package (DESIGN.md §3): jurisdiction, number, adoption, third countries aligning, exemptions.

export const sanctionsPackageType = declareRecordType({
  name: 'sanctions-packages',
  table: 'sanctions_packages',
  description: 'A sanctions package of one jurisdiction, with alignment and exemptions',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the package'),
    jurisdiction: field(
      z.string({ error: 'must be a jurisdiction code' }).regex(/^[A-Z]{2,12}$/, `must be upper-case letters (${SANCTIONS_JURISDICTIONS.join(', ')} or another code)`),
      textColumn('jurisdiction').notNull(),
      { filter: true, exchange: `who adopted it (${SANCTIONS_JURISDICTIONS.join(', ')} or another code)` },
    ),
    number: field(z.number({ error: 'must be a number' }).int('must be a whole number').min(1, 'must be 1 or more').optional(), integer('number'), {
      exchange: "the jurisdiction's number for it (19 for the EU's 19th package)",
    }),
    adoptedOn: field(isoDateSchema.optional(), date('adopted_on', { mode: 'string' }), { exchange: 'date adopted (YYYY-MM-DD)' }),
    title: field(text, textColumn('title').notNull(), { exchange: 'title' }),
    /** Third countries aligning with the package. */
    alignment: field(partyListSchema.default([]), textColumn('alignment').array().notNull().default([]), {
      filter: true,
      references: 'parties',
      exchange: 'third countries aligning with it, separated by ;',
    }),
    exemptions: field(z.array(strictRecord({ party: partyIdSchema, description: text })).default([]), jsonb('exemptions').notNull().default([]), {
      references: 'parties',
      exchange: { description: 'exemptions as JSON: [{"party":"HU","description":"pipeline oil"}]', json: '[{"party": …, "description": …}]' },
    }),
    sources: sourcesField(),
  },
});
