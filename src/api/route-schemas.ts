import { z } from 'zod';
import { idSchema, isoDateSchema, quantitySchema } from '../contracts/domain.schema.js';
import { freeTextSchema } from '../contracts/primitives.schema.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';

// Request and response schemas shared by the record routes. The response schema of a record type is built here,
// in one place, from the record's edge schema (its output shape: every field, no input transforms or checks).

export const idParamsSchema = z.strictObject({ id: idSchema });

const problemSchema = z
  .object({
    path: z.string(),
    message: z.string().describe('What is wrong, in English'),
    code: z.string().optional().describe('A stable code (`dataset.unknown_reference`, `condition.unknown_fact`, …) for saying it in another language'),
    column: z.number().int().optional().describe('In a condition: the 1-based character position'),
    reference: z.object({ collection: z.string(), id: z.string() }).optional().describe('An unknown reference: the collection and id referred to'),
  })
  .catchall(z.unknown());

export const errorResponseSchema = z
  .object({
    error: z.string(),
    message: z.string(),
    details: z.looseObject({ problems: z.array(problemSchema).optional() }),
  })
  .describe('An error: a stable code, a message, and the problems with their paths');

/** What the API adds to each record: its version and timestamps (read-only; a PUT may send them back unchanged). */
export const recordMetaShape = {
  version: z.number().int().describe('The version of the record: send it back (If-Match or `version`) to update or delete it'),
  createdAt: z.string().describe('When the record was created (ISO 8601); read-only'),
  updatedAt: z.string().describe('When this version was written (ISO 8601); read-only'),
};

// Output schemas of edge schemas that transform their input (a quantity: a number or {min, max} → {min, max}).
const OUTPUT_OF = new Map<z.core.$ZodType, z.ZodType>([[quantitySchema, z.object({ min: z.number().int(), max: z.number().int() }).describe('A range (equal bounds: an exact number)')]]);

const fieldSchemas = new Map<string, z.ZodObject>();
const responseSchemas = new Map<string, z.ZodType>();

/** A record of an entity as it is stored (its output shape), without version and timestamps. */
export function recordFieldsSchemaOf(entity: EntityDefinition): z.ZodType {
  return fieldsObjectOf(entity);
}

function fieldsObjectOf(entity: EntityDefinition): z.ZodObject {
  let schema = fieldSchemas.get(entity.name);
  if (!schema) {
    const fields = outputShapeOf(entity.schema);
    if (!(fields instanceof z.ZodObject)) throw new Error(`the schema of ${entity.name} is not an object`);
    schema = fields;
    fieldSchemas.set(entity.name, schema);
  }
  return schema;
}

/** The response schema of one record of an entity: its fields as stored, plus version and timestamps. */
export function recordResponseSchemaOf(entity: EntityDefinition): z.ZodType {
  let schema = responseSchemas.get(entity.name);
  if (!schema) {
    // Its id makes it a named component of the OpenAPI document ($ref), so generated clients get a type per record.
    schema = fieldsObjectOf(entity).extend(recordMetaShape).meta({ id: componentNameOf(entity.name), description: `One of ${entity.name}, with its version and timestamps` });
    responseSchemas.set(entity.name, schema);
  }
  return schema;
}

/** The OpenAPI component name of a collection's record: `fund-packages` → `FundPackage`, `parties` → `Party`. */
export function componentNameOf(collection: string): string {
  const words = collection.split('-').map((word) => word.charAt(0).toUpperCase() + word.slice(1));
  const last = words.length - 1;
  words[last] = (words[last] as string).replace(/ies$/, 'y').replace(/s$/, '');
  return words.join('');
}

/** A list page of an entity's records. */
export function recordPageSchemaOf(entity: EntityDefinition) {
  return z.object({ items: z.array(recordResponseSchemaOf(entity)), total: z.number().int(), limit: z.number().int(), offset: z.number().int() });
}

// The output shape of an edge schema: objects strip unknown keys, defaults are always present, leaves keep their
// type and enum values but not their other checks (lengths, patterns), which the record met when it was written.
function outputShapeOf(schema: z.core.$ZodType): z.ZodType {
  const declared = OUTPUT_OF.get(schema);
  if (declared) return declared;
  const description = z.globalRegistry.get(schema)?.description;
  const shape = outputShapeWithoutDescription(schema);
  return description === undefined ? shape : shape.describe(description);
}

function outputShapeWithoutDescription(schema: z.core.$ZodType): z.ZodType {
  switch (schema._zod.def.type) {
    case 'string':
      return z.string();
    case 'number':
      return schema instanceof z.ZodNumber && schema.isInt ? z.number().int() : z.number();
    case 'enum':
    case 'literal':
    case 'boolean':
    case 'unknown':
    case 'null':
      if (schema instanceof z.ZodType) return schema;
      break;
    default:
      break;
  }
  if (schema instanceof z.ZodObject) return z.object(Object.fromEntries(Object.entries(schema.shape).map(([key, field]) => [key, outputShapeOf(field)])));
  if (schema instanceof z.ZodOptional || schema instanceof z.ZodNullable) {
    const inner = outputShapeOf(schema.unwrap());
    return schema instanceof z.ZodOptional ? inner.optional() : inner.nullable();
  }
  if (schema instanceof z.ZodDefault) return outputShapeOf(schema.unwrap());
  if (schema instanceof z.ZodArray) return z.array(outputShapeOf(schema.element));
  if (schema instanceof z.ZodUnion) return z.union(schema.options.map(outputShapeOf));
  if (schema instanceof z.ZodPipe) {
    if (schema.out instanceof z.ZodTransform) throw new Error('a transforming schema needs its output declared in OUTPUT_OF (src/api/route-schemas.ts)');
    return outputShapeOf(schema.out);
  }
  throw new Error(`no output shape for a ${schema._zod.def.type} schema`);
}

/** List query: pagination, as-of date and the entity's filters. */
export function listQuerySchema(entity: EntityDefinition) {
  const filters = Object.fromEntries(Object.keys(entity.filters).map((name) => [name, freeTextSchema(200).min(1, 'must not be empty').optional()]));
  return z.strictObject({
    limit: z.coerce.number().int().min(1).max(500).default(100),
    offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
    asOf: isoDateSchema.optional(),
    ...filters,
  });
}

const timestampSchema = z.iso.datetime({ offset: true, error: 'must be the timestamp GET returned (ISO 8601)' });

/**
 * Replace body: the record's fields at the top level, optionally with the `version` it changes (else If-Match), and
 * the read-only fields GET returns (createdAt, updatedAt): accepted unchanged, so a client can PUT back what it read.
 */
export function replaceBodySchema(entity: EntityDefinition): z.ZodType<ReplaceBody> {
  if (!(entity.schema instanceof z.ZodObject)) throw new Error(`the schema of ${entity.name} is not an object`);
  const schema = entity.schema.safeExtend({
    version: z.number().int().positive().optional().describe('The version you change (or send If-Match)'),
    createdAt: timestampSchema.optional().describe('Read-only: accepted when it is the value GET returned, refused (400) when changed'),
    updatedAt: timestampSchema.optional().describe('Read-only: accepted when it is the value GET returned, refused (400) when changed'),
  });
  // The entity's schema is typed as a plain ZodType (its shape is unknown here); its output is a record with an id.
  return schema as unknown as z.ZodType<ReplaceBody>;
}

/** A validated replace body: the record's fields with the version and read-only fields it may carry. */
export type ReplaceBody = StoredRecord & { version?: number; createdAt?: string; updatedAt?: string };

export const versionQuerySchema = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/** The version an If-Match header names: `3`, `"3"` or `W/"3"`. */
export function versionFromIfMatch(header: string | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : 'invalid';
}
