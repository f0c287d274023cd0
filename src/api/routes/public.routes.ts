import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Services } from '../../services/create-services.js';

// What the public may see without logging in: aggregates under disclosure control (DESIGN.md §7).

const cellSchema = z.object({ value: z.number().nullable(), parties: z.number().nullable(), suppressed: z.boolean() });

const summarySchema = z.object({
  rule: z.object({ minParties: z.number(), maxShare: z.number() }),
  contributingParties: z.number().nullable(),
  domains: z.array(z.object({ domain: z.string(), parties: z.number().nullable(), suppressed: z.boolean() })),
  capabilities: z.array(
    z.object({ capability: z.string(), unit: z.string(), total: cellSchema, stages: z.array(cellSchema.extend({ stage: z.enum(['planned', 'committed', 'delivered']) })) }),
  ),
});

/** Register GET /public/summary. */
export function registerPublicRoutes(app: FastifyInstance, services: Services): void {
  app.withTypeProvider<ZodTypeProvider>().get('/public/summary', {
    schema: {
      tags: ['public'],
      summary: 'Contributing parties per domain and totals per capability and stage; cells that could reveal one party are null (suppressed)',
      response: { 200: summarySchema },
    },
    handler: async () => services.publicSummary.summary(),
  });
}
