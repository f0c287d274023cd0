import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { BRIEFING_LANGUAGES } from '../../core/briefing/briefing-text.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { idParamsSchema } from '../route-schemas.js';

// The briefing pack of a meeting as a PDF (docs/meetings.md): as of the meeting's date, only what the caller may see.

/** Register GET /api/meetings/:id/briefing.pdf. */
export function registerBriefingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/meetings/:id/briefing.pdf', {
    schema: {
      tags: ['meetings'],
      summary: "The meeting's briefing pack (PDF) as of its date, in English or German (?lang=en|de)",
      params: idParamsSchema,
      querystring: z.strictObject({ lang: z.enum(BRIEFING_LANGUAGES, { error: 'must be en or de' }).default('en') }),
      produces: ['application/pdf'],
      response: { 200: { description: 'The briefing pack', content: { 'application/pdf': { schema: z.custom<Uint8Array>((value) => value instanceof Uint8Array).meta({ type: 'string', contentMediaType: 'application/pdf', description: 'The PDF document' }) } } } },
    },
    handler: async (request, reply) => {
      const { bytes, filename } = await services.briefing.pdf(principalOf(request), request.params.id, request.query.lang);
      void reply.header('content-type', 'application/pdf').header('content-disposition', `inline; filename="${filename}"`).header('cache-control', 'private, no-store');
      return reply.send(bytes);
    },
  });
}
