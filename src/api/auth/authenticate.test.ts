import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { createServices } from '../../services/create-services.js';
import { buildApp } from '../app.js';

// Credentials on routes that need no login: a bearer token that is not valid is 401 everywhere (issue 21,
// item 12: `/public/summary` used to answer 200), a valid one or none is fine, and another scheme (a reverse
// proxy's Basic credentials) is left alone outside /api.

describeEachStore('bearer tokens on every route', (suite) => {
  let app: FastifyInstance;
  let token: string;

  beforeAll(async () => {
    const services = createServices(suite.store());
    token = await addTestUser(services, 'token-user', 'analyst');
    app = await buildApp(services);
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const get = (url: string, authorization?: string) => app.inject({ method: 'GET', url, ...(authorization === undefined ? {} : { headers: { authorization } }) });
  const OPEN_ROUTES = ['/public/summary', '/health', '/openapi.json', '/', '/pledges/fr-1', '/no-such-page'];

  it('refuses an invalid bearer token on the routes that need no login, as on /api', async () => {
    for (const url of [...OPEN_ROUTES, '/api/facts']) {
      for (const bad of ['Bearer clt_not-a-real-token', 'bearer clt_not-a-real-token', 'Bearer', 'Bearer ' + 'x'.repeat(300), 'Bearer a b']) {
        const response = await get(url, bad);
        expect(response.statusCode, `${url} with '${bad.slice(0, 30)}'`).toBe(401);
        expect(response.json()).toMatchObject({ error: 'auth.required' });
      }
    }
  });

  it('accepts a valid token or none on the open routes', async () => {
    for (const url of ['/health', '/openapi.json']) {
      expect((await get(url)).statusCode, url).toBe(200);
      expect((await get(url, `Bearer ${token}`)).statusCode, url).toBe(200);
    }
    // The public summary answers as without a token (404 until a coordinator issues the first release).
    const anonymous = await get('/public/summary');
    expect(anonymous.statusCode).not.toBe(401);
    expect((await get('/public/summary', `Bearer ${token}`)).statusCode).toBe(anonymous.statusCode);
    expect((await get('/api/facts', `Bearer ${token}`)).statusCode).toBe(200);
  });

  it('leaves another scheme alone outside /api and refuses it on /api', async () => {
    expect((await get('/health', 'Basic dXNlcjpwYXNz')).statusCode).toBe(200);
    expect((await get('/public/summary', 'Basic dXNlcjpwYXNz')).statusCode).not.toBe(401);
    expect((await get('/api/facts', 'Basic dXNlcjpwYXNz')).statusCode).toBe(401);
  });
});
