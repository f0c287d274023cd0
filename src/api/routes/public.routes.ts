import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { PUBLIC_STAGES } from '../../core/disclosure/build-release.js';
import { EARLIEST_DATE, freeTextSchema, isoDateSchema, LATEST_DATE } from '../../contracts/primitives.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// What the public may see without logging in: dated releases of aggregates under disclosure control
// (DESIGN.md §7, docs/access-control.md). A coordinator publishes a release; /public/summary is the newest.

const cellSchema = z.object({ value: z.number().nullable(), parties: z.number().nullable(), suppressed: z.boolean() });

const releaseInfoSchema = z.object({
  id: z.number().int().describe('1, 2, 3, … in the order of publication'),
  date: z.string().describe('the day it was published (UTC), YYYY-MM-DD'),
  publishedAt: z.string(),
  note: z.string().nullable(),
});

const releaseSchema = releaseInfoSchema
  .extend({
    rule: z.object({ minParties: z.number(), maxShare: z.number() }),
    contributingParties: z.number().nullable(),
    domains: z.array(z.object({ domain: z.string(), parties: z.number().nullable(), suppressed: z.boolean() })),
    capabilities: z.array(z.object({ capability: z.string(), unit: z.string(), total: cellSchema, stages: z.array(cellSchema.extend({ stage: z.enum(PUBLIC_STAGES) })) })),
  })
  .describe('A public release: contributing parties per domain, totals per capability and stage; a suppressed cell is null');

const refParamsSchema = z.strictObject({
  ref: z
    .string()
    .regex(/^([1-9]\d{0,8}|\d{4}-\d{2}-\d{2})$/, 'must be a release number (1, 2, …) or a date YYYY-MM-DD')
    .refine((ref) => !ref.includes('-') || isoDateSchema.safeParse(ref).success, `must be a valid date YYYY-MM-DD from ${EARLIEST_DATE} to ${LATEST_DATE}`),
});

const publishBodySchema = z.strictObject({ note: freeTextSchema(1000, z.string().min(1)).optional().describe('what this release is for (shown with it)') }).default({});

/** Register the public routes and POST /api/public/releases. */
export function registerPublicRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/public/summary', {
    schema: {
      tags: ['public'],
      summary: 'The newest public release (no login); 404 until a coordinator has published one',
      response: { 200: releaseSchema, 404: errorResponseSchema },
    },
    handler: async () => services.publicReleases.latest(),
  });
  api.get('/public/releases', {
    schema: {
      tags: ['public'],
      summary: 'Every public release, newest first (no login)',
      response: { 200: z.object({ items: z.array(releaseInfoSchema) }) },
    },
    handler: async () => ({ items: await services.publicReleases.list() }),
  });
  api.get('/public/releases/:ref', {
    schema: {
      tags: ['public'],
      summary: 'A public release by number, or the newest one published on or before a date (no login)',
      params: refParamsSchema,
      response: { 200: releaseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (request) => {
      const { ref } = request.params;
      return services.publicReleases.find(ref.includes('-') ? { date: ref } : { id: Number(ref) });
    },
  });
  api.post('/api/public/releases', {
    schema: {
      tags: ['public'],
      summary: 'Publish a public release of the data as it is now (coordinators); audited',
      body: publishBodySchema,
      response: { 201: releaseSchema, 400: errorResponseSchema, 403: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const { note } = request.body;
      const release = await services.publicReleases.publish(principalOf(request), note === undefined ? {} : { note });
      return reply.code(201).send(release);
    },
  });
}
