import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { readAuditBatch, readRecentAudit } from '../../db/audit.repository.js';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import type { Services } from '../../services/create-services.js';

// The audit log: recent entries and chain verification.

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
      const rows = after === undefined ? await readRecentAudit(services.store.db, limit) : await readAuditBatch(services.store.db, after, limit);
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
}
