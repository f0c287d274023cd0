import { doublePrecision, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { factValueSchema, freeTextSchema } from '../field-schemas.js';
import { datasetSourcesField, idField, localizedField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A fact conditions test (DESIGN.md §4): true, false or unknown, with an optional probability.

/** true, false and 'unknown' are stored (and written in files) as text. */
const factValueAsText = {
  toColumn: (value: unknown): unknown => String(value),
  fromColumn: (value: unknown): unknown => (value === 'unknown' ? 'unknown' : value === 'true'),
};

export const factType = declareRecordType({
  name: 'facts',
  table: 'facts',
  description: 'A fact that conditions test: true, false or unknown',
  exchanged: true,
  fields: {
    id: idField(
      z
        .string()
        .max(100, 'must be at most 100 characters')
        .regex(/^[a-z][a-z0-9_]*(\.[A-Za-z0-9_]+)*$/, 'must be a lower-case name, optionally dotted (e.g. mandate.DE)'),
      'lower-case name, optionally dotted (mandate.DE)',
    ),
    name: localizedField('name', 'short name'),
    explanation: localizedField('explanation', 'one-line explanation'),
    value: field(factValueSchema, text('value').notNull(), {
      filter: true,
      stored: factValueAsText,
      exchange: {
        description: 'true, false or unknown',
        toCell: (value) => String(value),
        fromCell: (cell) => (cell === 'true' ? true : cell === 'false' ? false : cell),
      },
    }),
    probability: field(z.number().min(0).max(1).optional(), doublePrecision('probability'), { exchange: 'probability it turns true, 0 to 1' }),
    description: field(freeTextSchema().optional(), text('description'), { exchange: 'free text' }),
    sources: datasetSourcesField(),
  },
});
