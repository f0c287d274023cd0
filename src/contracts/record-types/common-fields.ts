import { jsonb, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import type { Derivation } from '../../core/types.js';
import { derivationsSchema, freeTextSchema, idListSchema, idSchema, sourcesSchema } from '../field-schemas.js';
import { field, partsField } from './declare-record-type.js';
import { sourcesColumn } from './record-columns.js';

// Fields several record types share: the id, cited sources, derivations and texts in English and German.

/** The record's id (the table's primary key); `description` for the exchange files. */
export function idField<S extends z.ZodType>(schema: S, description: string) {
  return field(schema, text('id').primaryKey(), { exchange: description });
}

const SOURCES_DESCRIPTION = 'ids of the sources, separated by ;';

/** Sources cited by a record of the engine's dataset (a list of ids). */
export function datasetSourcesField() {
  return field(z.array(idSchema).default([]), sourcesColumn(), { references: 'sources', exchange: SOURCES_DESCRIPTION });
}

/** Sources cited by a record outside the engine's dataset (a list of ids without repeats). */
export function sourcesField() {
  return field(sourcesSchema, sourcesColumn(), { references: 'sources', exchange: SOURCES_DESCRIPTION });
}

/** The derivations stored in a jsonb column; undefined when none (or when the stored value is not valid). */
function derivationsFromColumn(value: unknown): Derivation[] | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = derivationsSchema.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : undefined;
}

/** Figures no cited source states, and how they were obtained: a jsonb column, null when none. */
export function derivedField() {
  return field(derivationsSchema.optional(), jsonb('derived'), {
    stored: { toColumn: (value) => (Array.isArray(value) && value.length > 0 ? value : null), fromColumn: derivationsFromColumn },
    exchange: {
      description: 'figures no cited source states, as JSON: [{"field":"quantity.max","from":["source-id"],"how":"…"}]',
      json: '[{"field": …, "from": […], "how": …}]',
    },
  });
}

/** A short text in English and German, optional, both or neither (`name` → columns name_en, name_de). */
export function localizedField(column: string, what: string) {
  return partsField(
    z.strictObject({ en: freeTextSchema(500).min(1, 'must not be empty'), de: freeTextSchema(500).min(1, 'must not be empty') }).optional(),
    { en: text(`${column}_en`), de: text(`${column}_de`) },
    { together: 'give it in both languages (en and de) or not at all', exchange: { en: `${what} in English`, de: `${what} in German` } },
  );
}

/** The pledges or requirements a meeting's record concerns: a text[] column, filtered by the singular (`pledge`). */
export function concernsField(collection: 'pledges' | 'requirements') {
  const singular = collection === 'pledges' ? 'pledge' : 'requirement';
  return field(idListSchema(singular).default([]), text(collection).array().notNull().default([]), {
    filter: singular,
    references: collection,
    exchange: `ids of the ${collection} it concerns, separated by ;`,
  });
}
