import { z } from 'zod';
import type { RecordOf, RecordType } from './declare-record-type.js';

// The record as the API returns it: its fields (as stored, defaults filled in) plus the read-only metadata.

/** The read-only fields every stored record carries. */
export const recordMetaShape = {
  version: z.number().int().positive().describe('The optimistic-concurrency version: send it back (If-Match or `version`) to update'),
  createdAt: z.string().describe('When the record was created (ISO 8601)'),
  updatedAt: z.string().describe('When the record was last changed (ISO 8601)'),
};

/** The read-only metadata's names (`version`, `createdAt`, `updatedAt`). */
export const RECORD_META_FIELDS = Object.keys(recordMetaShape) as (keyof typeof recordMetaShape)[];

/** A stored record as the API returns it. */
export type ResponseOf<T extends { schema: z.ZodType }> = RecordOf<T> & { version: number; createdAt: string; updatedAt: string };

/** A field as responses show it: its declared output shape, else its schema without the default (always present). */
function outputOf(schema: z.ZodType, output: z.ZodType | undefined): z.ZodType {
  if (output) return output;
  return schema instanceof z.ZodDefault ? (schema.unwrap() as z.ZodType) : schema;
}

const CACHE = new WeakMap<RecordType, z.ZodObject>();

/**
 * The response schema of a record type: the record's fields plus version, createdAt and updatedAt. Unknown keys
 * are not allowed, so it documents (OpenAPI) and checks (serializer) exactly what is returned.
 */
export function responseSchemaOf(type: RecordType): z.ZodObject {
  const cached = CACHE.get(type);
  if (cached) return cached;
  const shape: Record<string, z.ZodType> = {};
  for (const field of type.fields) shape[field.name] = outputOf(field.schema, field.output);
  const schema = z.strictObject({ ...shape, ...recordMetaShape }).describe(type.description);
  CACHE.set(type, schema);
  return schema;
}
