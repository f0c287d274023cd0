import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptRequestSchema, rejectRequestSchema } from '../../contracts/ingest-accept.schema.js';
import { acceptResultSchema, ingestViewSchema } from '../../contracts/ingest-view.schema.js';
import { ingestRequestSchema } from '../../contracts/ingest.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema, idParamsSchema } from '../route-schemas.js';

// News ingestion (docs/ingestion.md): POST /api/ingest proposes records for an article; GET shows them again;
// POST /api/ingest/:id/accept writes the chosen ones (edited) with their sources; POST …/reject rejects some;
// DELETE rejects them all (the proposals are deleted).

const params = idParamsSchema;
const errors = { 400: errorResponseSchema, 401: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 413: errorResponseSchema, 422: errorResponseSchema };

/** Register the ingestion routes. */
export function registerIngestRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/ingest', {
    schema: {
      tags: ['ingest'],
      summary: 'Propose records (meetings, contributions, pledges, estimates, sanctions, facts) from a German or English article (text or HTML)',
      body: ingestRequestSchema,
      response: { 200: ingestViewSchema, ...errors },
    },
    handler: async (request) => services.ingest.propose(principalOf(request), request.body),
  });
  api.get('/api/ingest/:id', {
    schema: { tags: ['ingest'], summary: 'The proposals of an earlier ingest, with the decisions made so far (kept seven days)', params, response: { 200: ingestViewSchema, ...errors } },
    handler: async (request) => services.ingest.get(principalOf(request), request.params.id),
  });
  api.post('/api/ingest/:id/accept', {
    schema: {
      tags: ['ingest'],
      summary: 'Write accepted proposals (as edited) as records, each citing a source with its quote, in one transaction',
      params,
      body: acceptRequestSchema,
      response: { 201: acceptResultSchema, ...errors, 409: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const result = await services.ingest.accept(principalOf(request), request.params.id, request.body);
      return reply.code(201).send(result);
    },
  });
  api.post('/api/ingest/:id/reject', {
    schema: {
      tags: ['ingest'],
      summary: 'Reject some proposals: they are marked rejected and cannot be accepted; nothing is written',
      params,
      body: rejectRequestSchema,
      response: { 200: ingestViewSchema, ...errors, 409: errorResponseSchema },
    },
    handler: async (request) => services.ingest.rejectItems(principalOf(request), request.params.id, request.body),
  });
  api.delete('/api/ingest/:id', {
    schema: { tags: ['ingest'], summary: 'Reject the article: its proposals are deleted; nothing is written', params, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await services.ingest.reject(principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
