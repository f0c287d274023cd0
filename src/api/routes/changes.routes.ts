import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { changesQuerySchema } from '../../contracts/changes.schema.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// What changed since a date or a meeting (docs/meetings.md): pledges added, changed field by field, withdrawn or
// superseded; coverage then and now; requirements, facts, contributions and decisions — on what the caller may see.

const diffSchema = z.object({ added: z.array(z.unknown()), changed: z.array(z.unknown()), removed: z.array(z.unknown()) });

const meetingRefSchema = z.object({ id: z.string(), title: z.string(), date: z.string() }).nullable();

const namedPledgeSchema = z.object({
  id: z.string(),
  party: z.string(),
  capability: z.string(),
  quantity: z.object({ min: z.number(), max: z.number() }).nullable(),
});

const changesResponseSchema = z.object({
    since: z.string(),
    until: z.string(),
    pledges: diffSchema.extend({ withdrawn: z.array(z.unknown()), superseded: z.array(z.unknown()) }),
    namedPledges: z.array(namedPledgeSchema).describe('The pledges the report names by id alone (changed, withdrawn, superseded and their revisions): party, capability and quantity as known at `until`, or at `since` for one no longer known then'),
    coverage: z.array(z.unknown()),
    requirements: diffSchema,
    facts: diffSchema,
    contributions: diffSchema,
    decisions: diffSchema,
    sinceMeeting: meetingRefSchema,
    untilMeeting: meetingRefSchema,
  });

/** Register GET /api/changes. */
export function registerChangesRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/changes', {
    schema: {
      tags: ['meetings'],
      summary: 'What changed since a date or meeting (since=2026-01-03 or since=meeting:ID, optional until=…)',
      querystring: changesQuerySchema,
      response: { 200: changesResponseSchema, 400: errorResponseSchema, 404: errorResponseSchema },
    },
    handler: async (request) => services.changes.changes(principalOf(request), request.query),
  });
}
