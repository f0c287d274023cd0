import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { partyIdSchema } from '../../contracts/domain.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import { errorResponseSchema, idParamsSchema, recordResponseSchemaOf } from '../route-schemas.js';
import { presentRecord } from './present-record.js';
import { requiredVersion } from './records.routes.js';

// A donor confirms its part of a contribution another donor recorded (docs/access-control.md): until then
// that part does not count in any funding figure.

const confirmationBodySchema = z.strictObject({
  party: partyIdSchema.optional().describe("The donor whose part is confirmed (a delegate: its own party, the default; a coordinator: required)"),
  version: z.number().int().min(1).optional().describe('The version confirmed (or If-Match)'),
});

/** Register POST /api/contributions/:id/confirmation. */
export function registerDonorConfirmationRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/contributions/:id/confirmation', {
    schema: {
      tags: ['contributions'],
      summary: "Confirm a donor's part of a contribution (a delegate of that donor, or a coordinator), naming the version confirmed",
      params: idParamsSchema,
      body: confirmationBodySchema,
      response: { 200: recordResponseSchemaOf(contributionEntity), 400: errorResponseSchema, 403: errorResponseSchema, 404: errorResponseSchema, 409: errorResponseSchema, 422: errorResponseSchema, 428: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const expected = requiredVersion(request.headers['if-match'], request.body.version);
      const written = await services.donorConfirmations.confirm(principalOf(request), request.params.id, { party: request.body.party, expected });
      void reply.header('etag', `"${written.version}"`);
      return presentRecord(written);
    },
  });
}
