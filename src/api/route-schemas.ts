import { z } from 'zod';
import { idSchema, isoDateSchema } from '../contracts/domain.schema.js';
import { freeTextSchema } from '../contracts/primitives.schema.js';
import type { EntityDefinition } from '../db/entities/entity-definition.js';

// Request and response schemas shared by the record routes.

export const idParamsSchema = z.strictObject({ id: idSchema });

export const errorResponseSchema = z
  .object({
    error: z.string(),
    message: z.string(),
    details: z.object({ problems: z.array(z.object({ path: z.string(), message: z.string() })).optional() }).catchall(z.unknown()),
  })
  .describe('An error: a stable code, a message, and the problems with their paths');

export const recordResponseSchema = z
  .object({ id: z.string(), version: z.number().int(), createdAt: z.string(), updatedAt: z.string() })
  .catchall(z.unknown())
  .describe('A record with its version (send it back in If-Match or `version` to update)');

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

/** Replace body: the record, optionally with the `version` it changes (else If-Match). */
export function replaceBodySchema(entity: EntityDefinition) {
  return z.preprocess(
    (value) => {
      if (typeof value !== 'object' || value === null || Array.isArray(value)) return { record: value };
      const { version, ...record } = value as Record<string, unknown>;
      return { record, version };
    },
    z.object({ record: entity.schema, version: z.number().int().positive().optional() }),
  );
}

export const versionQuerySchema = z.strictObject({ version: z.coerce.number().int().positive().optional() });

/** The version an If-Match header names: `3`, `"3"` or `W/"3"`. */
export function versionFromIfMatch(header: string | undefined): number | undefined | 'invalid' {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  return match ? Number(match[1]) : 'invalid';
}
