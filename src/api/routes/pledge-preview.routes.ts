import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';
import { scenarioRequestSchema } from './scenarios.routes.js';

// The pledge editor's preview (docs/api.md "Pledge preview"): a draft pledge evaluated under a scenario on what the
// caller may see, with the coverage it changes. Nothing is stored and nothing goes into the audit.

const stateSchema = z.enum(['certain', 'possible', 'inactive']);
const rangeSchema = z.object({ min: z.number(), max: z.number() });

export const pledgePreviewBodySchema = scenarioRequestSchema.extend({
  pledge: pledgeEntity.schema.describe('The draft: a pledge record as POST /api/pledges takes it (checked the same way)'),
});

const pledgePreviewResponseSchema = z.object({
  asOf: z.string().nullable(),
  change: z.enum(['create', 'update']).describe('update: the draft replaces the pledge of its id (one the caller may see); create: it is added'),
  pledge: z
    .object({
      id: z.string(),
      party: z.string(),
      capability: z.string(),
      quantity: rangeSchema.nullable(),
      areas: z.array(z.string()),
      status: z.string(),
      condition: z.string(),
      state: stateSchema,
      candidate: z.boolean(),
      withoutCoordination: z.boolean(),
      inAssuranceGap: z.boolean(),
      explanation: z.string().nullable().describe('Why the draft is not plainly certain (English, ids); null when it is'),
      explanationChain: z.unknown().describe('The same explanation as a structure (reasons, waits-for chains), for rendering in another language; null when there is none'),
      reasons: z.unknown().describe("The engine's reasons (what explanationChain is built from)"),
      waitsFor: z.unknown().describe('For a certain pledge in the assurance gap: what it waits for'),
      standby: z.string().optional().describe('A guarantee commitment waiting for its trigger: the trigger fact'),
    })
    .describe('The draft as POST /api/scenarios/evaluate lists a pledge'),
  coverageChanges: z
    .array(z.object({ requirement: z.string(), demand: z.number().nullable(), before: rangeSchema, after: rangeSchema }))
    .describe('Each requirement whose supply range (certain minimum – possible maximum) the draft changes, before → after'),
  areas: z.array(z.string()).describe('The areas a condition may name (`total(cap, area=…)`): the known ones and those the requirements and the visible pledges use'),
});

/** Register POST /api/scenarios/pledge-preview. */
export function registerPledgePreviewRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/scenarios/pledge-preview', {
    schema: {
      tags: ['scenarios'],
      summary: "Preview a draft pledge under a scenario: its state and why, and the coverage it changes (nothing is stored)",
      description:
        'The body is the scenario of POST /api/scenarios/evaluate (facts, asOf, minStatus) and `pledge`, a draft as POST /api/pledges takes it. ' +
        'The draft is written into the pledges the caller may see (replacing the one of its id there, else added) and evaluated with them; ' +
        'the caller must be allowed to write it (403 otherwise, as a save), and a draft a save would refuse as inconsistent gets the same 422 and codes. ' +
        'Nothing is stored or audited.',
      body: pledgePreviewBodySchema,
      response: { 200: pledgePreviewResponseSchema, 400: errorResponseSchema, 403: errorResponseSchema, 422: errorResponseSchema },
    },
    handler: async (request) => {
      const { pledge, ...scenario } = request.body;
      return services.pledgePreview.preview(principalOf(request), { scenario, pledge });
    },
  });
}
