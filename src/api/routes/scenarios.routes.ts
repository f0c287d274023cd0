import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { factValueSchema, isoDateSchema } from '../../contracts/domain.schema.js';
import { freeTextSchema } from '../../contracts/primitives.schema.js';
import type { Services } from '../../services/create-services.js';
import { scenarioJson } from '../../core/scenario/evaluate-scenario.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// Scenario evaluation and coverage: the same result as `coalition scenario --json`, on the pledges the caller may see.

/** Pledges an evaluation lists unless asked for more, and at most. */
export const DEFAULT_SCENARIO_PLEDGES = 1000;
export const MAX_SCENARIO_PLEDGES = 10_000;

const minStatusSchema = z.enum(['announced', 'offered', 'committed', 'approved', 'delivered']);

export const scenarioRequestSchema = z.strictObject({
  facts: z.array(z.strictObject({ id: freeTextSchema(100).min(1, 'must not be empty'), value: factValueSchema })).max(1000).default([]),
  asOf: isoDateSchema.optional(),
  minStatus: minStatusSchema.optional(),
});

const allocationSchema = z.object({ pledge: z.string(), party: z.string(), min: z.number(), max: z.number() });

const coverageRowSchema = z
  .object({
    requirement: z.string(),
    demand: z.number().nullable(),
    supplyMin: z.number(),
    supplyMax: z.number(),
    /** How many pledges serve the requirement: the allocated and the unquantified ones, each once. */
    pledgeCount: z.number().int(),
    unquantifiedPledges: z.array(z.string()),
  })
  .catchall(z.unknown());

/** An evaluation's rows carry `allocations` only when asked for (`allocations=all`); GET /api/coverage always does. */
const scenarioCoverageRowSchema = coverageRowSchema.extend({ allocations: z.array(allocationSchema).optional() });

/** Which pledges the answer lists, and which page of them (docs/api.md "Scenarios"). */
export const scenarioPledgesQuerySchema = z.strictObject({
  pledges: z.enum(['all', 'noncertain', 'none'], { error: 'must be all, noncertain or none' }).default('noncertain'),
  limit: z.coerce.number().int().min(1).max(MAX_SCENARIO_PLEDGES).default(DEFAULT_SCENARIO_PLEDGES),
  offset: z.coerce.number().int().min(0).max(10_000_000).default(0),
  allocations: z.enum(['all', 'none'], { error: 'must be all or none' }).default('none'),
});

const scenarioResponseSchema = z
  .object({
    summary: z.object({ pledges: z.number().int(), candidates: z.number().int(), certain: z.number().int(), possible: z.number().int(), inactive: z.number().int(), noncertain: z.number().int() }).catchall(z.unknown()),
    pledges: z.array(
      z
        .object({
          id: z.string(),
          state: z.enum(['certain', 'possible', 'inactive']),
          withoutCoordination: z.boolean(),
          explanation: z.string().nullable(),
          /** A guarantee commitment waiting for its trigger (docs/guarantees.md): the trigger fact. */
          standby: z.string().optional(),
        })
        .catchall(z.unknown()),
    ),
    pledgesPage: z.object({ filter: z.enum(['all', 'noncertain', 'none']), total: z.number().int(), limit: z.number().int(), offset: z.number().int() }),
    assuranceGap: z.array(z.string()),
    waitingGroups: z.array(z.array(z.string())),
    coverage: z.array(scenarioCoverageRowSchema),
  })
  .catchall(z.unknown());

type ScenarioResponse = z.output<typeof scenarioResponseSchema>;

/** Register /api/scenarios/evaluate and /api/coverage. */
export function registerScenarioRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/scenarios/evaluate', {
    schema: {
      tags: ['scenarios'],
      summary: 'Evaluate a scenario: summary, coverage, assurance gap and a page of the pledges with their explanations',
      description:
        'Lists the pledges that are not plainly certain by default (possible, inactive, or certain only if the coalition moves together); ' +
        '`pledges=all` lists every pledge, `pledges=none` none; `limit` (default 1000, at most 10000) and `offset` page them, `pledgesPage` says how many there are. ' +
        'Coverage rows say how many pledges serve each requirement (`pledgeCount`); `allocations=all` adds each pledge\'s allocated share (`allocations`), left out by default.',
      querystring: scenarioPledgesQuerySchema,
      body: scenarioRequestSchema,
      response: { 200: scenarioResponseSchema, 400: errorResponseSchema, 422: errorResponseSchema },
    },
    handler: async (request) => {
      const { pledges: filter, limit, offset, allocations } = request.query;
      const result = await services.scenarios.evaluate(principalOf(request), request.body);
      const page = result.selectPledges(filter, offset, limit);
      // ScenarioJson is an interface (no index signature); the serializer only stringifies it.
      const body = scenarioJson(result, page.items) as unknown as ScenarioResponse;
      // Every pledge's share of every requirement is most of a large answer; the rows' counts say who serves.
      const coverage = allocations === 'all' ? body.coverage : body.coverage.map(({ allocations: _, ...row }) => row);
      return { ...body, coverage, pledgesPage: { filter, total: page.total, limit, offset } };
    },
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
      const result = await services.scenarios.evaluate(principalOf(request), { facts: [], ...request.query });
      return { coverage: result.coverage as unknown as ScenarioResponse['coverage'], capabilities: result.capabilities, packages: result.packages };
    },
  });
}
