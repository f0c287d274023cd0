import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import {
  allocationRequestSchema,
  allocationResponseSchema,
  riskRequestSchema,
  riskResponseSchema,
  unlockersRequestSchema,
  unlockersResponseSchema,
} from '../../contracts/analyses.schema.js';
import { guaranteesRequestSchema, guaranteesResponseSchema } from '../../contracts/guarantees.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// The decision analyses (docs/analyses.md, docs/guarantees.md), on the pledges the caller may see: the same results
// as `coalition unlock|allocate|risk|guarantees --json`.

const errors = { 400: errorResponseSchema, 422: errorResponseSchema };

/** Register /api/analyses/unlockers, /api/analyses/allocation, /api/analyses/risk and /api/analyses/guarantees. */
export function registerAnalysisRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/analyses/unlockers', {
    schema: {
      tags: ['analyses'],
      summary: 'Unlockers: what each fact turning true would activate, and what each party’s absence would cost (ranked)',
      body: unlockersRequestSchema,
      response: { 200: unlockersResponseSchema, ...errors },
    },
    handler: async (request) => services.analyses.unlockers(principalOf(request), request.body),
  });
  api.post('/api/analyses/allocation', {
    schema: {
      tags: ['analyses'],
      summary: 'Allocation: who fills what by linear program (lexicographic by priority), shadow prices, greedy coverage beside it',
      body: allocationRequestSchema,
      response: { 200: allocationResponseSchema, ...errors },
    },
    handler: async (request) => services.analyses.allocation(principalOf(request), request.body),
  });
  api.post('/api/analyses/risk', {
    schema: {
      tags: ['analyses'],
      summary: 'Risk: P(requirement met) with 95 % intervals, supply quantiles, P(active) per pledge, sensitivity per fact',
      body: riskRequestSchema,
      response: { 200: riskResponseSchema, ...errors },
    },
    handler: async (request) => services.analyses.risk(principalOf(request), request.body),
  });
  api.post('/api/analyses/guarantees', {
    schema: {
      tags: ['analyses'],
      summary: 'What if the ceasefire is violated: which guarantee commitments the trigger (default violation) activates, what they add per response kind and requirement, what stays unanswered',
      body: guaranteesRequestSchema,
      response: { 200: guaranteesResponseSchema, ...errors },
    },
    handler: async (request) => services.analyses.guarantees(principalOf(request), request.body),
  });
}
