import type { FastifyDynamicSwaggerOptions } from '@fastify/swagger';
import type { RouteOptions } from 'fastify';
import { jsonSchemaTransformObject } from 'fastify-type-provider-zod';
import { CALENDAR_ROUTE, isApiPath, isSafeMethod, isSessionPath, SESSION_COOKIE } from './auth/authenticate.js';
import { errorResponseSchema } from './route-schemas.js';

// What the OpenAPI document (/openapi.json) says beyond each route's own schema: the security schemes the
// authentication hook enforces (auth/authenticate.ts) and, per operation, which of them it takes; an operationId for
// generated clients; and the 401 (a bad bearer token, anywhere) and 403 (a cookie write without the CSRF header).

/** The document's header: OpenAPI 3.1, the server, and the security schemes. */
export function openApiHeader(): NonNullable<FastifyDynamicSwaggerOptions['openapi']> {
  return {
    openapi: '3.1.0',
    info: {
      title: 'Coalition Ledger API',
      version: '0.1.0',
      description:
        'Pledges, conditions, coverage and gaps of the coalition for Ukraine. Scripts send an API token (`Authorization: Bearer TOKEN`); ' +
        'the web app logs in with POST /api/session, which sets the session cookie and returns a CSRF token that every write with the cookie ' +
        'sends back in X-CSRF-Token. A record is updated with PUT: the record as GET returned it, edited (version, createdAt and updatedAt may ' +
        'come back unchanged), with its version in `version` or If-Match; a stale version gets 409.',
      license: { name: 'MIT', identifier: 'MIT' },
    },
    servers: [{ url: '/', description: 'This server' }],
    components: {
      securitySchemes: {
        bearerToken: { type: 'http', scheme: 'bearer', description: 'An API token (`coalition user add NAME --token` or `coalition user reset NAME --token`): Authorization: Bearer TOKEN. No CSRF header needed.' },
        sessionCookie: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The session cookie POST /api/session sets (HttpOnly, SameSite=Strict).' },
        csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token', description: 'With the session cookie, on every request but GET and HEAD: the csrfToken POST /api/session returned.' },
        calendarToken: { type: 'apiKey', in: 'query', name: 'token', description: 'A calendar token from GET /api/calendar/link; opens GET /api/calendar.ics only.' },
      },
    },
  };
}

type SecurityRequirement = Record<string, string[]>;

/** The security requirements of a route (alternatives), as the authentication hook enforces them; [] for a public route. */
export function securityOf(url: string, method: string): SecurityRequirement[] {
  const cookie: SecurityRequirement = isSafeMethod(method) ? { sessionCookie: [] } : { sessionCookie: [], csrfToken: [] };
  const loggedIn = [{ bearerToken: [] }, cookie];
  if (!isApiPath(url)) return [];
  if (!isSessionPath(url)) return url === CALENDAR_ROUTE ? [...loggedIn, { calendarToken: [] }] : loggedIn;
  if (url === '/api/session' && method === 'GET') return loggedIn;
  // Log out works with or without a session; with the cookie it needs the CSRF header.
  if (url === '/api/session' && method === 'DELETE') return [{}, ...loggedIn];
  return [];
}

/** An operationId from the method and path: GET /api/pledges/:id/history → getPledgesByIdHistory. */
export function operationIdOf(url: string, method: string): string {
  const words = url
    .split('/')
    .filter((part) => part !== '' && part !== 'api')
    .flatMap((part) => (part.startsWith(':') ? ['by', part.slice(1)] : part.split(/[^A-Za-z0-9]+/)))
    .filter((word) => word !== '');
  return method.toLowerCase() + words.map((word) => word.charAt(0).toUpperCase() + word.slice(1)).join('');
}

/** Add the security requirements, operationId and the authentication errors to a route's schema (an onRoute hook). */
export function documentRoute(route: RouteOptions): void {
  const schema = route.schema;
  if (!schema || (schema as { hide?: boolean }).hide) return;
  const method = Array.isArray(route.method) ? String(route.method[0]) : String(route.method);
  const extra = schema as { security?: SecurityRequirement[]; operationId?: string };
  extra.security ??= securityOf(route.url, method);
  extra.operationId ??= operationIdOf(route.url, method);
  const response = (schema.response ?? {}) as Record<string, unknown>;
  response[401] ??= errorResponseSchema.describe('The bearer token is not valid, or the route needs a login and there is none');
  if (extra.security.some((requirement) => 'csrfToken' in requirement)) {
    response[403] ??= errorResponseSchema.describe('Not allowed, or a session write without the X-CSRF-Token header');
  }
  schema.response = response;
}

/**
 * The document's named components: each record type's response schema (registered with an id in route-schemas.ts)
 * becomes `#/components/schemas/<Name>`. The transform also emits an input variant of each (`<Name>Input`), which no
 * route references (request bodies are the edge schemas, described inline); those are dropped.
 */
export const transformDocumentObject: typeof jsonSchemaTransformObject = (input) => {
  const document = jsonSchemaTransformObject(input);
  const schemas = 'components' in document ? document.components?.schemas : undefined;
  if (!schemas) return document;
  const text = JSON.stringify(document);
  for (const name of Object.keys(schemas)) if (!text.includes(`"#/components/schemas/${name}"`)) delete schemas[name];
  return document;
};
