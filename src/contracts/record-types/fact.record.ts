import { doublePrecision, jsonb, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { factDerivationSchema } from '../fact-derivation.schema.js';
import { factValueSchema, freeTextSchema } from '../field-schemas.js';
import { datasetSourcesField, idField, localizedField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A fact conditions test (DESIGN.md §4): true, false or unknown, with an optional probability; a derived fact also
// declares how its value follows from records (docs/incidents.md), which then replaces the recorded value.

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
    derivation: field(factDerivationSchema.optional(), jsonb('derivation'), {
      exchange: {
        description: 'how the value follows from records, as JSON (docs/incidents.md): {"kind":"verified_incident","kinds":["shelling"]}',
        json: '{"kind": "verified_incident", "kinds": […], "after": "YYYY-MM-DD"}',
      },
    }),
  },
});
