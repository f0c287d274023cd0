import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { errorResponseSchema, idParamsSchema, recordFieldsSchemaOf, recordResponseSchemaOf } from '../route-schemas.js';
import { presentRecord } from './present-record.js';

// Four-eyes approval of pledges: see the pending request, confirm it (a second person) or withdraw/reject it.
// The request itself is a PUT /api/pledges/:id setting status `approved` (202 with the pending approval).

export const pendingApprovalSchema = z.object({
  pledge: z.string(),
  baseVersion: z.number(),
  record: recordFieldsSchemaOf(pledgeEntity).describe('The pledge as it will be written on confirmation'),
  requestedBy: z.string(),
  requestedAt: z.string(),
  revision: z.string().describe('What is proposed, as a hash: a confirmation names it'),
});

const confirmBodySchema = z.strictObject({
  revision: z.string({ error: 'required: the revision of the pending approval you reviewed (GET …/approval)' }).regex(/^[0-9a-f]{64}$/, 'must be the 64-character revision shown by GET …/approval'),
});

/** Register /api/pledges/:id/approval. */
export function registerApprovalRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const path = '/api/pledges/:id/approval';
  const errors = { 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema };
  api.get(path, {
    schema: { tags: ['pledges'], summary: 'The pending approval of a pledge', params: idParamsSchema, response: { 200: pendingApprovalSchema, 404: errorResponseSchema } },
    handler: async (request) => services.approvals.pending(principalOf(request), request.params.id),
  });
  api.post(path, {
    schema: {
      tags: ['pledges'],
      summary: 'Confirm a pending approval, naming the revision reviewed (another delegate of the party or a coordinator; not the requester): writes the pledge',
      params: idParamsSchema,
      body: confirmBodySchema,
      response: { 200: recordResponseSchemaOf(pledgeEntity), ...errors },
    },
    handler: async (request, reply) => {
      const written = await services.approvals.confirm(principalOf(request), request.params.id, request.body.revision);
      void reply.header('etag', `"${written.version}"`);
      return presentRecord(written);
    },
  });
  api.delete(path, {
    schema: { tags: ['pledges'], summary: 'Withdraw (the requester) or reject (an approver) a pending approval', params: idParamsSchema, response: { 204: z.null(), ...errors } },
    handler: async (request, reply) => {
      await services.approvals.withdraw(principalOf(request), request.params.id);
      return reply.status(204).send(null);
    },
  });
}
