import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { factValueSchema, isoDateSchema } from '../../contracts/domain.schema.js';
import { freeTextSchema } from '../../contracts/primitives.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// Scenario evaluation and coverage: the same result as `coalition scenario --json`, on the pledges the caller may see.

const minStatusSchema = z.enum(['announced', 'offered', 'committed', 'approved', 'delivered']);

export const scenarioRequestSchema = z.strictObject({
  facts: z.array(z.strictObject({ id: freeTextSchema(100).min(1, 'must not be empty'), value: factValueSchema })).max(1000).default([]),
  asOf: isoDateSchema.optional(),
  minStatus: minStatusSchema.optional(),
});

const coverageRowSchema = z
  .object({ requirement: z.string(), demand: z.number().nullable(), supplyMin: z.number(), supplyMax: z.number() })
  .catchall(z.unknown());

const scenarioResponseSchema = z
  .object({
    pledges: z.array(
      z.object({ id: z.string(), state: z.enum(['certain', 'possible', 'inactive']), withoutCoordination: z.boolean(), explanation: z.string().nullable() }).catchall(z.unknown()),
    ),
    assuranceGap: z.array(z.string()),
    waitingGroups: z.array(z.array(z.string())),
    coverage: z.array(coverageRowSchema),
  })
  .catchall(z.unknown());

type ScenarioResponse = z.output<typeof scenarioResponseSchema>;

/** Register /api/scenarios/evaluate and /api/coverage. */
export function registerScenarioRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/scenarios/evaluate', {
    schema: {
      tags: ['scenarios'],
      summary: 'Evaluate a scenario: activation, explanations, assurance gap, coverage',
      body: scenarioRequestSchema,
      response: { 200: scenarioResponseSchema, 400: errorResponseSchema, 422: errorResponseSchema },
    },
    // ScenarioResult is an interface (no index signature); the serializer only stringifies it.
    handler: async (request) => (await services.scenarios.evaluate(principalOf(request), withoutUndefined(request.body))) as unknown as ScenarioResponse,
  });
  api.get('/api/coverage', {
    schema: {
      tags: ['scenarios'],
      summary: 'Coverage per requirement, capability and package under the recorded facts',
      querystring: z.strictObject({ asOf: isoDateSchema.optional(), minStatus: minStatusSchema.optional() }),
      response: {
        200: z.object({ coverage: z.array(coverageRowSchema), capabilities: z.array(z.unknown()), packages: z.array(z.unknown()) }),
        400: errorResponseSchema,
      },
    },
    handler: async (request) => {
      const result = await services.scenarios.evaluate(principalOf(request), withoutUndefined({ facts: [], ...request.query }));
      return { coverage: result.coverage as unknown as ScenarioResponse['coverage'], capabilities: result.capabilities, packages: result.packages };
    },
  });
}

function withoutUndefined<T extends Record<string, unknown>>(value: T): T {
  return Object.fromEntries(Object.entries(value).filter(([, item]) => item !== undefined)) as T;
}
