import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { alignmentMatrixResponseSchema, sanctionsQuerySchema, sanctionsTimelineResponseSchema } from '../../contracts/sanctions.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// The sanctions views (docs/sanctions.md): the alignment matrix (measure types × jurisdictions) and the timeline,
// as known at the end of `asOf` (default: today).

/** Register GET /api/sanctions/alignment and GET /api/sanctions/timeline. */
export function registerSanctionsRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/sanctions/alignment', {
    schema: {
      tags: ['sanctions'],
      summary: 'The sanctions alignment matrix: per measure type and jurisdiction, since when, at what level, with which exemptions (unknown where no record says)',
      querystring: sanctionsQuerySchema,
      response: { 200: alignmentMatrixResponseSchema, 400: errorResponseSchema },
    },
    handler: async (request) => services.sanctions.alignment(principalOf(request), request.query),
  });
  api.get('/api/sanctions/timeline', {
    schema: {
      tags: ['sanctions'],
      summary: 'The sanctions timeline: packages adopted, measures proposed or applying later, exemptions beginning and ending',
      querystring: sanctionsQuerySchema,
      response: { 200: sanctionsTimelineResponseSchema, 400: errorResponseSchema },
    },
    handler: async (request) => services.sanctions.timeline(principalOf(request), request.query),
  });
}
