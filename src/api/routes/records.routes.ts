import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { AppError } from '../../contracts/input-error.js';
import { historyEntrySchema } from '../../contracts/records.schema.js';
import type { EntityDefinition } from '../../db/entities/entity-definition.js';
import type { Services } from '../../services/create-services.js';
import {
  errorResponseSchema,
  idParamsSchema,
  listQuerySchema,
  recordPageSchemaOf,
  recordResponseSchemaOf,
  replaceBodySchema,
  versionFromIfMatch,
  versionQuerySchema,
} from '../route-schemas.js';
import { principalOf } from '../auth/authenticate.js';
import { pendingApprovalSchema } from './approvals.routes.js';
import { presentPage, presentRecord as present } from './present-record.js';
import { assertReadOnlyUnchanged } from './read-only-fields.js';

// REST routes for one kind of record: list (filters, pagination, as of a date), read, create, replace and
// delete with a version check, and the record's history from the audit log.

/** Register /api/<name> routes for an entity. */
export function registerRecordRoutes(app: FastifyInstance, services: Services, entity: EntityDefinition): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const tags = [entity.name];
  const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema, 428: errorResponseSchema };
  const base = `/api/${entity.name}`;
  const recordResponseSchema = recordResponseSchemaOf(entity);

  api.get(base, {
    schema: {
      tags,
      summary: `List ${entity.name}`,
      querystring: listQuerySchema(entity),
      response: { 200: recordPageSchemaOf(entity), 400: errorResponseSchema },
    },
    handler: async (request) => presentPage(await services.recordLists.list(principalOf(request), entity, request.query)),
  });

  api.get(`${base}/:id`, {
    schema: { tags, summary: `Read one of ${entity.name}`, params: idParamsSchema, response: { 200: recordResponseSchema, 404: errorResponseSchema } },
    handler: async (request, reply) => {
      const found = await services.records.get(principalOf(request), entity, request.params.id);
      void reply.header('etag', `"${found.version}"`);
      return present(found);
    },
  });

  api.post(base, {
    schema: { tags, summary: `Create one of ${entity.name}`, body: entity.schema, response: { 201: recordResponseSchema, ...errors } },
    handler: async (request, reply) => {
      const created = await services.records.create(principalOf(request), entity, request.body);
      void reply.status(201).header('etag', `"${created.version}"`);
      return present(created);
    },
  });

  api.put(`${base}/:id`, {
    schema: {
      tags,
      summary: `Replace one of ${entity.name} (If-Match or version required; createdAt and updatedAt may come back unchanged)`,
      params: idParamsSchema,
      body: replaceBodySchema(entity),
      response: { 200: recordResponseSchema, ...(entity.name === 'pledges' ? { 202: pendingApprovalSchema } : {}), ...errors },
    },
    handler: async (request, reply) => {
      const { version, createdAt, updatedAt, ...record } = request.body;
      if (record.id !== request.params.id) {
        throw new AppError('input.invalid', 'the body id differs from the path', [{ path: 'body.id', message: `must be '${request.params.id}' as in the path` }]);
      }
      const expected = requiredVersion(request.headers['if-match'], version);
      await assertReadOnlyUnchanged({ services, principal: principalOf(request), entity, id: record.id, expected, sent: { createdAt, updatedAt } });
      // Setting a pledge to approved is a four-eyes request: 202 with the pending approval.
      const outcome = await services.approvals.replaceOrRequest(principalOf(request), entity, record, expected);
      if (outcome.kind === 'pending') return reply.status(202).send(outcome.approval);
      void reply.header('etag', `"${outcome.record.version}"`);
      return present(outcome.record);
    },
  });

  api.delete(`${base}/:id`, {
    schema: {
      tags,
      summary: `Delete one of ${entity.name} (If-Match or ?version= required)`,
      params: idParamsSchema,
      querystring: versionQuerySchema,
      response: { 200: recordResponseSchema, ...errors },
    },
    handler: async (request) => {
      const expected = requiredVersion(request.headers['if-match'], request.query.version);
      return present(await services.records.remove(principalOf(request), entity, request.params.id, expected));
    },
  });

  api.get(`${base}/:id/history`, {
    schema: {
      tags,
      summary: `The audit history of one of ${entity.name}`,
      params: idParamsSchema,
      response: { 200: z.object({ items: z.array(historyEntrySchema) }) },
    },
    handler: async (request) => ({ items: await services.records.history(principalOf(request), entity, request.params.id) }),
  });
}

/** The version a write names: an If-Match header or a version field (428 without either). */
export function requiredVersion(ifMatch: string | string[] | undefined, field: number | undefined): number {
  const fromHeader = versionFromIfMatch(Array.isArray(ifMatch) ? ifMatch[0] : ifMatch);
  if (fromHeader === 'invalid') throw new AppError('input.invalid', 'If-Match must be a version such as "3"', [{ path: 'headers.if-match', message: 'must be a version number' }]);
  if (fromHeader !== undefined && field !== undefined && fromHeader !== field) {
    throw new AppError('input.invalid', 'If-Match and version disagree', [{ path: 'body.version', message: `If-Match says ${fromHeader}` }]);
  }
  const version = fromHeader ?? field;
  if (version === undefined) throw new AppError('version.required', 'name the version you change: an If-Match header or a version field');
  return version;
}
