import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ENTITIES } from '../db/entities/all-entities.js';
import type { Services } from '../services/create-services.js';
import { installAuthentication } from './auth/authenticate.js';
import { installErrorHandling } from './error-handler.js';
import { documentRoute, openApiHeader, transformDocumentObject } from './openapi-document.js';
import { registerAnalysisRoutes } from './routes/analyses.routes.js';
import { registerApprovalRoutes } from './routes/approvals.routes.js';
import { registerIncidentVerificationRoutes } from './routes/incident-verifications.routes.js';
import { registerDonorConfirmationRoutes } from './routes/donor-confirmations.routes.js';
import { registerPublicRoutes } from './routes/public.routes.js';
import { registerSessionRoutes } from './routes/session.routes.js';
import type { DemoAccount } from '../services/access/demo-users.js';
import { installSecurityHeaders } from './security-headers.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerBriefingRoutes } from './routes/briefing.routes.js';
import { registerChangesRoutes } from './routes/changes.routes.js';
import { registerMeetingRoutes } from './routes/meetings.routes.js';
import { registerIngestRoutes } from './routes/ingest.routes.js';
import { registerFundingRoutes } from './routes/funding.routes.js';
import { registerRecordRoutes } from './routes/records.routes.js';
import { registerPartyDomainRoutes } from './routes/party-domains.routes.js';
import { registerSanctionsRoutes } from './routes/sanctions.routes.js';
import { registerScenarioRoutes } from './routes/scenarios.routes.js';
import { registerPledgeListRoutes } from './routes/pledge-list.routes.js';
import { registerPledgePreviewRoutes } from './routes/pledge-preview.routes.js';
import { registerWebAssets } from './web-assets.js';

// Builds the HTTP app from injected services (server.ts listens). Every route has request and response
// schemas, both enforced by zod: a request that does not fit is a 400, a response is written as its schema says
// (fields it does not declare are left out); /openapi.json documents both.

export interface AppOptions {
  logger?: boolean | { level: string };
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** The demo accounts the login page may offer (a server started with --demo); none otherwise. */
  demoAccounts?: readonly DemoAccount[];
  /** Directory of the built dashboard (default dist/web). */
  webRoot?: string;
}

/** Build the Fastify app (not listening). */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  // Long path parameters reach the schema (and its message naming params.id) instead of the router's bare 414 or
  // 404: the bound is above any URL Node's HTTP parser accepts (16 KiB of headers).
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1024 * 1024, return503OnClosing: true, routerOptions: { maxParamLength: 64 * 1024 } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  installErrorHandling(app);
  installSecurityHeaders(app);
  installAuthentication(app, services);
  app.addHook('onRoute', documentRoute);
  await app.register(swagger, { openapi: openApiHeader(), transform: jsonSchemaTransform, transformObject: transformDocumentObject });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  const cacheSchema = z.object({ name: z.string(), entries: z.number().int(), bytes: z.number(), maxBytes: z.number().nullable() });
  app.get(
    '/health',
    {
      schema: {
        tags: ['system'],
        summary: 'Liveness, the store kind, and the size of each cache (estimated bytes and its bound)',
        response: { 200: z.object({ status: z.literal('ok'), store: z.string(), caches: z.array(cacheSchema) }) },
      },
    },
    async () => ({
      status: 'ok' as const,
      store: services.store.kind,
      caches: [services.cache.stats(), ...services.scenarios.cacheStats(), services.records.cacheStats(), services.pledgeList.cacheStats()],
    }),
  );
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  await registerWebAssets(app, options.webRoot);
  registerSessionRoutes(app, services, options.demoAccounts ?? []);
  registerPublicRoutes(app, services);
  registerApprovalRoutes(app, services);
  registerDonorConfirmationRoutes(app, services);
  registerIncidentVerificationRoutes(app, services);
  for (const entity of ALL_ENTITIES) registerRecordRoutes(app, services, entity);
  registerScenarioRoutes(app, services);
  registerPledgeListRoutes(app, services);
  registerPartyDomainRoutes(app, services);
  registerPledgePreviewRoutes(app, services);
  registerAnalysisRoutes(app, services);
  registerAuditRoutes(app, services);
  registerFundingRoutes(app, services);
  registerChangesRoutes(app, services);
  registerMeetingRoutes(app, services);
  registerIngestRoutes(app, services);
  registerBriefingRoutes(app, services);
  registerSanctionsRoutes(app, services);
  return app;
}
