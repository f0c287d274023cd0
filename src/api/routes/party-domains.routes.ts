import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';
import { scenarioRequestSchema } from './scenarios.routes.js';

// The map's aggregate of a scenario (docs/api.md "Scenarios"): per party and domain, what the map draws — on the
// pledges the caller may see, for the same scenario body as POST /api/scenarios/evaluate.

/** Pledges each cell lists unless asked otherwise, and at most. */
export const DEFAULT_PLEDGES_PER_CELL = 10;
export const MAX_PLEDGES_PER_CELL = 100;

const stateSchema = z.enum(['certain', 'possible', 'inactive']);
const quantitySchema = z.object({ min: z.number(), max: z.number() }).nullable();

const partyDomainsResponseSchema = z.object({
  asOf: z.string().nullable(),
  domains: z.array(z.string()).describe('Every domain any pledge is in (the part of a capability before the dot), sorted'),
  cells: z
    .array(
      z.object({
        party: z.string(),
        domain: z.string().nullable().describe('null: every domain together'),
        level: stateSchema.describe('The strongest state among the cell’s pledges'),
        certain: z.number().int(),
        possible: z.number().int(),
        inactive: z.number().int(),
        totals: z.array(z.object({ capability: z.string(), min: z.number(), max: z.number() })).describe('Sums per capability of the pledges that give a figure'),
        pledges: z.array(z.object({ id: z.string(), capability: z.string(), quantity: quantitySchema, state: stateSchema })).describe('The first pledges, in dataset order'),
      }),
    )
    .describe('Per party with a candidate pledge: one cell for every domain together, then one per domain it pledges in'),
});

/** Register POST /api/scenarios/party-domains. */
export function registerPartyDomainRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/scenarios/party-domains', {
    schema: {
      tags: ['scenarios'],
      summary: 'Evaluate a scenario and aggregate its pledges per party and domain: counts by state, the strongest state, sums per capability',
      description:
        'What the map draws, without the pledges: for each party with a candidate pledge, one cell for every domain together and one per domain, ' +
        'with the number of certain, possible and inactive pledges, the strongest of those states, the sums per capability and the first `pledgesPerCell` ' +
        `pledges (default ${DEFAULT_PLEDGES_PER_CELL}, at most ${MAX_PLEDGES_PER_CELL}). The body is that of POST /api/scenarios/evaluate.`,
      querystring: z.strictObject({
        pledgesPerCell: z.coerce.number().int().min(0).max(MAX_PLEDGES_PER_CELL).default(DEFAULT_PLEDGES_PER_CELL),
      }),
      body: scenarioRequestSchema,
      response: { 200: partyDomainsResponseSchema, 400: errorResponseSchema, 422: errorResponseSchema },
    },
    handler: async (request) => services.partyDomains.aggregate(principalOf(request), request.body, request.query.pledgesPerCell),
  });
}
