import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { allocationQuerySchema, burdenQuerySchema, financingQuerySchema, rateQuerySchema } from '../../contracts/funding.schema.js';
import { principalOf } from '../auth/authenticate.js';
import type { Services } from '../../services/create-services.js';
import { errorResponseSchema, idParamsSchema } from '../route-schemas.js';
import {
  allocationResponseSchema,
  burdenResponseSchema,
  financingResponseSchema,
  fundSummariesResponseSchema,
  ratesResponseSchema,
} from './funding.schemas.js';

// The funding analyses (docs/funding.md): PURL allocation, financing options side by side, burden sharing
// and the ECB reference rates. Reads only; records are written through the generic record routes.

/** Register the funding analysis routes. */
export function registerFundingRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  const { funding } = services;
  const tags = ['funding'];

  api.get('/api/funding/funds', {
    schema: { tags, summary: 'Every fund with its totals', querystring: allocationQuerySchema, response: { 200: fundSummariesResponseSchema, 400: errorResponseSchema, 422: errorResponseSchema } },
    handler: async (request) => ({ items: await funding.listFunds(principalOf(request), request.query) }),
  });

  api.get('/api/funds/:id/allocation', {
    schema: {
      tags,
      summary: "A fund's contributions allocated to its packages (earmarks first, then priority), per donor, with the rates used and the reported totals",
      params: idParamsSchema,
      querystring: allocationQuerySchema,
      response: { 200: allocationResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema, 422: errorResponseSchema },
    },
    // The reports are interfaces (no index signature); the serializer only stringifies them.
    handler: async (request) => (await funding.allocation(principalOf(request), request.params.id, request.query)) as unknown as z.output<typeof allocationResponseSchema>,
  });

  api.get('/api/financing-plans/:id/shares', {
    schema: {
      tags,
      summary: "Each state's share and exposure under each option of a financing plan, side by side",
      params: idParamsSchema,
      querystring: financingQuerySchema,
      response: { 200: financingResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (request) => (await funding.financing(principalOf(request), request.params.id, request.query)) as unknown as z.output<typeof financingResponseSchema>,
  });

  api.get('/api/burden', {
    schema: {
      tags,
      summary: 'Burden sharing: contributions against a fair share by GDP, as % of GDP, ranked',
      querystring: burdenQuerySchema,
      response: { 200: burdenResponseSchema, 400: errorResponseSchema, 422: errorResponseSchema },
    },
    handler: async (request) => (await funding.burden(principalOf(request), request.query)) as unknown as z.output<typeof burdenResponseSchema>,
  });

  api.get('/api/rates', {
    schema: {
      tags,
      summary: 'ECB reference rates on a date (the nearest earlier publication day), or a conversion (amount, from, to)',
      querystring: rateQuerySchema,
      response: { 200: ratesResponseSchema, 400: errorResponseSchema },
    },
    handler: async (request) => (await funding.rates(request.query)) as unknown as z.output<typeof ratesResponseSchema>,
  });
}
