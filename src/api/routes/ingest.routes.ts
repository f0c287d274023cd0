import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { acceptRequestSchema } from '../../contracts/ingest-accept.schema.js';
import { ingestRequestSchema, proposalSchema } from '../../contracts/ingest.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema, idParamsSchema } from '../route-schemas.js';

// News ingestion (docs/ingestion.md): POST /api/ingest proposes records for an article; GET shows them again;
// POST /api/ingest/:id/accept writes the chosen ones (edited) with their sources; DELETE rejects them all.

const viewSchema = z.object({
  id: z.string(),
  language: z.string(),
  date: z.string().nullable(),
  url: z.string().nullable(),
  publisher: z.string().nullable(),
  title: z.string().nullable(),
  text: z.string(),
  proposals: z.array(
    z.object({
      index: z.number().int(),
      proposal: proposalSchema,
      span: z.object({ start: z.number().int(), end: z.number().int() }),
      draft: z.object({ entity: z.string(), record: z.record(z.string(), z.unknown()), replaces: z.boolean().optional() }).nullable(),
      duplicate: z.object({ entity: z.string(), id: z.string() }).nullable(),
    }),
  ),
});
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
      response: { 200: viewSchema, ...errors },
    },
    handler: async (request) => services.ingest.propose(principalOf(request), request.body),
  });
  api.get('/api/ingest/:id', {
    schema: { tags: ['ingest'], summary: 'The proposals of an earlier ingest (kept two hours)', params, response: { 200: viewSchema, ...errors } },
    handler: async (request) => services.ingest.get(principalOf(request), request.params.id),
  });
  api.post('/api/ingest/:id/accept', {
    schema: {
      tags: ['ingest'],
      summary: 'Write accepted proposals (as edited) as records, each citing a source with its quote, in one transaction',
      params,
      body: acceptRequestSchema,
      response: {
        201: z.object({ created: z.array(z.object({ entity: z.string(), id: z.string(), version: z.number().int() })), sources: z.array(z.string()) }),
        ...errors,
        409: errorResponseSchema,
      },
    },
    handler: async (request, reply) => {
      const result = await services.ingest.accept(principalOf(request), request.params.id, request.body);
      return reply.code(201).send(result);
    },
  });
  api.delete('/api/ingest/:id', {
    schema: { tags: ['ingest'], summary: 'Reject (forget) the proposals: nothing is written', params, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      services.ingest.reject(principalOf(request), request.params.id);
      return reply.code(204).send(null);
    },
  });
}
