import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { UserPrincipal } from '../../core/access/principal.js';
import { AppError } from '../../contracts/input-error.js';
import type { Services } from '../../services/create-services.js';
import { sameSecret } from '../../services/access/secrets.js';
import { resolveCalendarToken } from '../../services/meetings/calendar-token.js';

// Who is calling: `Authorization: Bearer TOKEN` (scripts) or the `cl_session` cookie (the web app). Every /api
// route except the session routes needs one (401 auth.required); a cookie-authenticated request that is not a
// GET or HEAD must echo the session's CSRF token in X-CSRF-Token (403 auth.csrf). Bearer requests need none:
// a browser never sends a bearer token by itself. A bearer token that is not valid is refused (401) on every
// route, the public ones too: a script should learn its token is bad wherever it sends it.

export const SESSION_COOKIE = 'cl_session';

export interface RequestCredential {
  principal: UserPrincipal;
  via: 'bearer' | 'cookie' | 'calendar';
  /** The raw session token (cookie only), for logout. */
  sessionToken?: string;
  csrfToken?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    credential: RequestCredential | undefined;
  }
}

const SAFE_METHODS = new Set(['GET', 'HEAD']);
const BEARER_SCHEME = /^\s*Bearer(\s|$)/i;

/** Resolve credentials on every /api request and refuse the unauthenticated and CSRF-less ones. */
export function installAuthentication(app: FastifyInstance, services: Services): void {
  app.decorateRequest('credential', undefined);
  app.addHook('onRequest', async (request) => {
    // Both the path as sent and the route it matched decide (an encoded path must not slip past the check).
    const raw = request.url.split('?')[0] ?? '';
    const route: string | undefined = request.routeOptions.url;
    if (![raw, route].some((path) => path !== undefined && isApiPath(path))) {
      // Outside /api no login is needed, but a bearer token that is sent must be valid (another scheme, such
      // as a reverse proxy's Basic credentials, is not ours to judge there).
      if (BEARER_SCHEME.test(request.headers.authorization ?? '')) await resolveCredential(request, services);
      return;
    }
    request.credential = (await resolveCredential(request, services)) ?? (await calendarLinkCredential(request, services, route));
    const sessionRoute = isSessionPath(route ?? raw);
    if (!request.credential) {
      if (sessionRoute) return;
      throw new AppError('auth.required', 'log in (POST /api/session) or send Authorization: Bearer TOKEN');
    }
    const login = sessionRoute && request.method === 'POST';
    if (request.credential.via === 'cookie' && !SAFE_METHODS.has(request.method) && !login) {
      const sent = request.headers['x-csrf-token'];
      if (typeof sent !== 'string' || !request.credential.csrfToken || !sameSecret(sent, request.credential.csrfToken)) {
        throw new AppError('auth.csrf', 'send the csrfToken of your session in the X-CSRF-Token header');
      }
    }
  });
}

/** Whether a path is under /api, where every route but the session routes needs a credential. */
export function isApiPath(path: string): boolean {
  return path === '/api' || path.startsWith('/api/');
}

/** Whether a path is a session route (log in, who am I, log out, demo accounts): no credential needed to reach it. */
export function isSessionPath(path: string): boolean {
  return path === '/api/session' || path.startsWith('/api/session/');
}

/** Methods a cookie session may use without the CSRF header. */
export function isSafeMethod(method: string): boolean {
  return SAFE_METHODS.has(method);
}

/** The route a calendar program subscribes to with `?token=` (a calendar token: docs/meetings.md). */
export const CALENDAR_ROUTE = '/api/calendar.ics';

// A calendar program sends no headers: on the calendar route alone, and for reading, `?token=` is a calendar token.
async function calendarLinkCredential(request: FastifyRequest, services: Services, route: string | undefined): Promise<RequestCredential | undefined> {
  if (route !== CALENDAR_ROUTE || !SAFE_METHODS.has(request.method)) return undefined;
  const token = (request.query as Record<string, unknown> | undefined)?.token;
  if (typeof token !== 'string') return undefined;
  const principal = await resolveCalendarToken(services.store.db, token);
  if (!principal) throw new AppError('auth.required', 'the calendar token is not valid: get a new link from GET /api/calendar/link');
  return { principal, via: 'calendar' };
}

/** The authenticated user of a request (routes behind installAuthentication always have one). */
export function principalOf(request: FastifyRequest): UserPrincipal {
  if (!request.credential) throw new AppError('auth.required', 'log in (POST /api/session) or send Authorization: Bearer TOKEN');
  return request.credential.principal;
}

async function resolveCredential(request: FastifyRequest, services: Services): Promise<RequestCredential | undefined> {
  const authorization = request.headers.authorization;
  if (typeof authorization === 'string' && authorization.length > 0) {
    const match = /^Bearer\s+([A-Za-z0-9_\-.~+/=]{1,200})\s*$/i.exec(authorization);
    const resolved = match?.[1] ? await services.sessions.resolveToken(match[1]) : undefined;
    // A wrong token is refused even where no login is needed: a script should learn its token is bad.
    if (!resolved) throw new AppError('auth.required', 'the API token is not valid (Authorization: Bearer TOKEN)');
    return { principal: resolved.principal, via: 'bearer' };
  }
  const token = sessionCookieOf(request.headers.cookie);
  if (token === undefined) return undefined;
  const resolved = await services.sessions.resolveSession(token);
  if (!resolved) return undefined;
  const credential: RequestCredential = { principal: resolved.principal, via: 'cookie', sessionToken: token };
  if (resolved.csrfToken !== undefined) credential.csrfToken = resolved.csrfToken;
  return credential;
}

/** The session token of a Cookie header, if any. */
export function sessionCookieOf(header: string | undefined): string | undefined {
  if (typeof header !== 'string') return undefined;
  for (const part of header.split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === SESSION_COOKIE) {
      const value = rest.join('=');
      return /^[A-Za-z0-9_-]{10,200}$/.test(value) ? value : undefined;
    }
  }
  return undefined;
}
