import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import type { Services } from '../../services/create-services.js';
import { principalOf } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// The audit log as the caller may see it (entries about records they may not see are left out), chain
// verification, and the log of refused attempts (admins).

const entrySchema = z.object({
  seq: z.number(),
  at: z.string(),
  actor: z.string(),
  action: z.string(),
  entity: z.string(),
  entityId: z.string(),
  before: z.unknown(),
  after: z.unknown(),
  hash: z.string(),
});

/** Register /api/audit and /api/audit/verify. */
export function registerAuditRoutes(app: FastifyInstance, services: Services): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.get('/api/audit', {
    schema: {
      tags: ['audit'],
      summary: 'Audit entries, newest first (or from `after` onwards, oldest first)',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50), after: z.coerce.number().int().min(0).optional() }),
      response: { 200: z.object({ items: z.array(entrySchema) }) },
    },
    handler: async (request) => {
      const { limit, after } = request.query;
      const options = after === undefined ? { limit } : { limit, after };
      const rows = await services.auditView.entries(principalOf(request), options);
      return { items: rows.map((row) => ({ seq: row.seq, at: row.at.toISOString(), actor: row.actor, action: row.action, entity: row.entity, entityId: row.entityId, before: row.before, after: row.after, hash: row.hash })) };
    },
  });
  api.get('/api/audit/verify', {
    schema: {
      tags: ['audit'],
      summary: 'Walk the hash chain and name the first broken entry',
      response: { 200: z.object({ ok: z.boolean(), entries: z.number(), head: z.string().optional(), firstBad: z.number().optional(), reason: z.string().optional() }) },
    },
    handler: async () => verifyAudit(services.store.db),
  });
  api.get('/api/access-denials', {
    schema: {
      tags: ['audit'],
      summary: 'Refused attempts, newest first (admins only)',
      querystring: z.strictObject({ limit: z.coerce.number().int().min(1).max(500).default(50) }),
      response: {
        200: z.object({ items: z.array(z.object({ at: z.string(), actor: z.string(), action: z.string(), entity: z.string(), entityId: z.string().nullable(), reason: z.string() })) }),
        403: errorResponseSchema,
      },
    },
    handler: async (request) => ({ items: await services.access.denials(principalOf(request), request.query.limit) }),
  });
}
