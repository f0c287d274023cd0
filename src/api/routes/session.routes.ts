import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { demoAccountSchema, loginBodySchema, sessionResponseSchema } from '../../contracts/access.schema.js';
import { AppError } from '../../contracts/input-error.js';
import type { Services } from '../../services/create-services.js';
import type { DemoAccount } from '../../services/access/demo-users.js';
import { SESSION_TTL_MS } from '../../services/access/sessions.service.js';
import { SESSION_COOKIE } from '../auth/authenticate.js';
import { errorResponseSchema } from '../route-schemas.js';

// Log in, who am I, log out; and the demo accounts the login page offers when the server runs with --demo.


/** Register /api/session and /api/session/demo-accounts. */
export function registerSessionRoutes(app: FastifyInstance, services: Services, demoAccounts: readonly DemoAccount[]): void {
  const api = app.withTypeProvider<ZodTypeProvider>();
  api.post('/api/session', {
    schema: {
      tags: ['session'],
      summary: 'Log in: sets the cl_session cookie (HttpOnly, SameSite=Strict) and returns the CSRF token for writes',
      body: loginBodySchema,
      response: { 200: sessionResponseSchema, 400: errorResponseSchema, 401: errorResponseSchema, 429: errorResponseSchema },
    },
    handler: async (request, reply) => {
      const result = await services.sessions.login(request.body.name, request.body.password, request.ip);
      void reply.header('set-cookie', sessionCookie(request, result.token, Math.floor(SESSION_TTL_MS / 1000)));
      const { name, role, party } = result.principal;
      return { user: { name, role, party }, csrfToken: result.csrfToken };
    },
  });
  api.get('/api/session', {
    schema: { tags: ['session'], summary: 'The logged-in user (cookie or bearer); csrfToken is empty for bearer tokens', response: { 200: sessionResponseSchema, 401: errorResponseSchema } },
    handler: async (request) => {
      const credential = request.credential;
      if (!credential) throw new AppError('auth.required', 'not logged in');
      const { name, role, party } = credential.principal;
      return { user: { name, role, party }, csrfToken: credential.csrfToken ?? '' };
    },
  });
  api.delete('/api/session', {
    schema: { tags: ['session'], summary: 'Log out: deletes the session and clears the cookie (X-CSRF-Token required with a session)', response: { 204: z.null(), 403: errorResponseSchema } },
    handler: async (request, reply) => {
      if (request.credential?.sessionToken !== undefined) await services.sessions.logout(request.credential.sessionToken);
      return clearCookie(request, reply).status(204).send();
    },
  });
  api.get('/api/session/demo-accounts', {
    schema: { tags: ['session'], summary: 'Demo accounts to try each role (only on a server started with --demo; else [])', response: { 200: z.array(demoAccountSchema) } },
    handler: async () => {
      if (demoAccounts.length === 0) return [];
      const users = new Map((await services.accounts.list()).map((user) => [user.name, user]));
      return demoAccounts.filter((account) => {
        const user = users.get(account.name);
        return user !== undefined && !user.disabled && user.role === account.role;
      });
    },
  });
}

function sessionCookie(request: FastifyRequest, value: string, maxAge: number): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${SESSION_COOKIE}=${value}; HttpOnly; SameSite=Strict; Path=/; Max-Age=${maxAge}${secure}`;
}

function clearCookie(request: FastifyRequest, reply: FastifyReply): FastifyReply {
  return reply.header('set-cookie', sessionCookie(request, '', 0));
}
