import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { incidentEntity } from '../../db/entities/incident-entities.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema, idParamsSchema, recordFieldsSchemaOf, recordResponseSchemaOf } from '../route-schemas.js';
import { presentRecord } from './present-record.js';

// Four-eyes verification of incidents (docs/incidents.md): one coordinator asks, a second one confirms the
// revision they reviewed (the incident is then written as verified), or the request is withdrawn or rejected.

const pendingVerificationSchema = z.object({
  incident: z.string(),
  baseVersion: z.number(),
  record: recordFieldsSchemaOf(incidentEntity).describe('The incident as it will be written on confirmation'),
  requestedBy: z.string(),
  requestedAt: z.string(),
  revision: z.string().describe('What is asked, as a hash: a confirmation names it'),
});

const requestBodySchema = z.strictObject({
  version: z.number({ error: 'required: the version of the incident you ask to verify' }).int('must be a whole number').min(1, 'must be at least 1'),
});
const confirmBodySchema = z.strictObject({
  revision: z.string({ error: 'required: the revision of the pending verification you reviewed (GET …/verification)' }).regex(/^[0-9a-f]{64}$/, 'must be the 64-character revision shown by GET …/verification'),
});

/** Register /api/incidents/:id/verification (and …/confirmation). */
export function registerIncidentVerificationRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/incidents/:id/verification';
  const errors = { 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
  api.get(path, {
    schema: { tags: ['incidents'], summary: 'The pending verification of an incident', params: idParamsSchema, response: { 200: pendingVerificationSchema, 404: errorResponseSchema } },
    handler: async (request) => services.incidentVerifications.pending(principalOf(request), request.params.id),
  });
  api.post(path, {
    schema: {
      tags: ['incidents'],
      summary: 'Ask for the verification of an incident as it stands at `version` (a coordinator; a second coordinator confirms): 202, the incident unchanged',
      params: idParamsSchema,
      body: requestBodySchema,
      response: { 202: pendingVerificationSchema, ...errors },
    },
    handler: async (request, reply) => reply.status(202).send(await services.incidentVerifications.request(principalOf(request), request.params.id, request.body.version)),
  });
  api.post(`${path}/confirmation`, {
    schema: {
      tags: ['incidents'],
      summary: 'Confirm a pending verification, naming the revision reviewed (another coordinator than the one who asked): writes the incident as verified',
      params: idParamsSchema,
      body: confirmBodySchema,
      response: { 200: recordResponseSchemaOf(incidentEntity), ...errors },
    },
    handler: async (request, reply) => {
      const written = await services.incidentVerifications.confirm(principalOf(request), request.params.id, request.body.revision);
      void reply.header('etag', `"${written.version}"`);
      return presentRecord(written);
    },
  });
  api.delete(path, {
    schema: { tags: ['incidents'], summary: 'Withdraw (who asked) or reject (another coordinator) a pending verification', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await services.incidentVerifications.withdraw(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
