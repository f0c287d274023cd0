import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import Fastify, { type FastifyInstance } from 'fastify';
import { jsonSchemaTransform, validatorCompiler } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { ALL_ENTITIES } from '../db/entities/all-entities.js';
import type { Services } from '../services/create-services.js';
import { installAuthentication } from './auth/authenticate.js';
import { installErrorHandling } from './error-handler.js';
import { registerApprovalRoutes } from './routes/approvals.routes.js';
import { registerPublicRoutes } from './routes/public.routes.js';
import { registerSessionRoutes } from './routes/session.routes.js';
import type { DemoAccount } from '../services/access/demo-users.js';
import { installSecurityHeaders } from './security-headers.js';
import { registerAuditRoutes } from './routes/audit.routes.js';
import { registerFundingRoutes } from './routes/funding.routes.js';
import { registerRecordRoutes } from './routes/records.routes.js';
import { registerScenarioRoutes } from './routes/scenarios.routes.js';

// Builds the HTTP app from injected services (server.ts listens). Every route has request and response
// schemas; requests are validated by zod, responses are plain JSON.

export interface AppOptions {
  logger?: boolean | { level: string };
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** The demo accounts the login page may offer (a server started with --demo); none otherwise. */
  demoAccounts?: readonly DemoAccount[];
}

// Until the dashboard exists, the root says what is here.
const LANDING_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Coalition Ledger</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 3rem auto; line-height: 1.5">
<h1>Coalition Ledger</h1>
<p>The system of record for the coalition's conditional pledges for Ukraine.</p>
<ul>
<li><a href="/docs">API documentation</a> (<a href="/openapi.json">OpenAPI</a>)</li>
<li><a href="/public/summary">Public summary</a> (no login): contributing parties and totals under disclosure control</li>
</ul>
<p>The API needs a login (<code>POST /api/session</code>) or an API token (<code>Authorization: Bearer</code>).</p>
</body></html>`;

/** Build the Fastify app (not listening). */
export async function buildApp(services: Services, options: AppOptions = {}): Promise<FastifyInstance> {
  // Long path parameters reach the schema (and its message) instead of the router's bare 414.
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: options.bodyLimit ?? 1024 * 1024, return503OnClosing: true, routerOptions: { maxParamLength: 1000 } });
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(() => (data) => JSON.stringify(data));
  installErrorHandling(app);
  installSecurityHeaders(app);
  installAuthentication(app, services);
  await app.register(swagger, {
    openapi: { info: { title: 'Coalition Ledger API', version: '0.1.0', description: 'Pledges, conditions, coverage and gaps of the coalition for Ukraine.' } },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/docs' });

  app.get('/health', { schema: { tags: ['system'], response: { 200: z.object({ status: z.literal('ok'), store: z.string() }) } } }, async () => ({
    status: 'ok' as const,
    store: services.store.kind,
  }));
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
  app.get('/', { schema: { hide: true } }, async (_request, reply) => reply.type('text/html; charset=utf-8').send(LANDING_PAGE));
  registerSessionRoutes(app, services, options.demoAccounts ?? []);
  registerPublicRoutes(app, services);
  registerApprovalRoutes(app, services);
  for (const entity of ALL_ENTITIES) registerRecordRoutes(app, services, entity);
  registerScenarioRoutes(app, services);
  registerAuditRoutes(app, services);
  registerFundingRoutes(app, services);
  return app;
}
