import { integer, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { idSchema, SANCTIONS_MEASURE_KINDS, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, keyedField } from './declare-record-type.js';

// One measure of a sanctions package (DESIGN.md §3): listings, vessels, a sectoral ban, a price cap.

export const sanctionsMeasureType = declareRecordType({
  name: 'sanctions-measures',
  table: 'sanctions_measures',
  description: 'One measure of a sanctions package',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the measure'),
    package: keyedField(idSchema, 'packageId', textColumn('package_id').notNull(), {
      filter: true,
      index: true,
      references: 'sanctions-packages',
      exchange: 'id of the sanctions package',
    }),
    kind: field(z.enum(SANCTIONS_MEASURE_KINDS, { error: `must be one of ${SANCTIONS_MEASURE_KINDS.join(', ')}` }), textColumn('kind').notNull(), {
      filter: true,
      exchange: SANCTIONS_MEASURE_KINDS.join(', '),
    }),
    description: field(text, textColumn('description').notNull(), { exchange: 'what the measure does' }),
    count: field(z.number({ error: 'must be a number' }).int('must be a whole number').nonnegative('must not be negative').optional(), integer('count'), {
      exchange: 'how many (listings, vessels)',
    }),
    sources: sourcesField(),
  },
});
