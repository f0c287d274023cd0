import { text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { freeTextSchema, partyIdSchema } from '../field-schemas.js';
import { idField } from './common-fields.js';
import { declareRecordType, field, partsField } from './declare-record-type.js';

// A state, institution or the beneficiary (DESIGN.md §3), with its names in English and German.

export const partyType = declareRecordType({
  name: 'parties',
  table: 'parties',
  description: 'A state, an institution or the beneficiary',
  fields: {
    id: idField(partyIdSchema, 'party code (FR, EUCO, P12)'),
    kind: field(z.enum(['state', 'institution', 'beneficiary']), text('kind').notNull(), { filter: true, exchange: 'state, institution or beneficiary' }),
    name: partsField(
      z.strictObject({ en: freeTextSchema().min(1), de: freeTextSchema().min(1) }),
      { en: text('name_en').notNull(), de: text('name_de').notNull() },
      { exchange: { en: 'name in English', de: 'name in German' } },
    ),
    groups: field(z.array(z.enum(['EU', 'NATO', 'G7', 'NB8', 'coalition'])).default([]), text('groups').array().notNull().default([]), {
      filter: 'group',
      exchange: 'groups it belongs to (EU, NATO, G7, NB8, coalition), separated by ;',
    }),
  },
});
