import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser } from '../../test/support/auth.js';
import { makeParty, openTestStore, type TestStore } from '../../test/support/stores.js';
import { readAuditHead } from '../db/audit.repository.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// Malformed requests to every route of the OpenAPI document (DESIGN.md §10): random path parameters, query
// strings, headers (credentials valid, invalid or missing; content types; CSRF and If-Match) and bodies that a
// schema must refuse (always with an unknown field, or not an object at all). Never a 5xx, never a state change.

const METHODS = ['get', 'post', 'put', 'delete'] as const;
const printable = fc.stringMatching(/^[\x20-\x7e]{0,60}$/);

describe('fuzzing every route', () => {
  let test: TestStore;
  let services: Services;
  let app: FastifyInstance;
  let routes: { method: string; path: string }[] = [];
  const tokens: string[] = [];

  beforeAll(async () => {
    test = await openTestStore('pglite');
    services = createServices(test.store);
    const system = { name: 'fuzz-setup' };
    await services.records.create(system, entityByName('parties') as EntityDefinition, makeParty('DE'));
    await services.records.create(system, entityByName('pledges') as EntityDefinition, {
      id: 'de-1', party: 'DE', capability: 'land.personnel', quantity: { min: 1, max: 1 }, areas: ['any'], status: 'offered', confidentiality: 'restricted', condition: 'true', sources: [],
    } as StoredRecord);
    tokens.push(await addTestUser(services, 'fuzz-coordinator', 'coordinator'), await addTestUser(services, 'fuzz-delegate', 'delegate', 'DE'), await addTestUser(services, 'fuzz-admin', 'admin'));
    app = await buildApp(services, { bodyLimit: 64 * 1024 });
    const spec = JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, Record<string, unknown>> };
    routes = Object.entries(spec.paths).flatMap(([path, operations]) => METHODS.filter((method) => method in operations).map((method) => ({ method: method.toUpperCase(), path })));
  }, 60_000);
  afterAll(async () => {
    await app.close();
    await test.dispose();
  });

  it('never answers 5xx and never changes the store', async () => {
    expect(routes.length).toBeGreaterThan(90);
    const head = await readAuditHead(test.store.db);
    const statuses = new Map<number, number>();
    const param = fc.oneof(fc.string({ unit: 'grapheme', maxLength: 30 }), fc.constant('de-1'), fc.string({ unit: 'grapheme-ascii', minLength: 200, maxLength: 1200 }));
    const query = fc.array(fc.tuple(fc.constantFrom('limit', 'offset', 'asOf', 'version', 'party', 'minStatus', 'after', 'x'), fc.string({ unit: 'grapheme', maxLength: 20 })), { maxLength: 3 });
    const malformedObject = fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 5 }).map((value) => ({ ...value, 'unknown-field-from-fuzz': 1 }));
    const body = fc.oneof(malformedObject, fc.jsonValue({ maxDepth: 3 }).filter((value) => typeof value !== 'object' || value === null || Array.isArray(value)), fc.string({ maxLength: 200 }), fc.constant(undefined));
    const headers = fc.record(
      {
        authorization: fc.oneof(
          { arbitrary: fc.constantFrom(...tokens).map((token) => `Bearer ${token}`), weight: 6 },
          { arbitrary: printable, weight: 1 },
          { arbitrary: printable.map((text) => `Bearer ${text}`), weight: 1 },
        ),
        cookie: fc.oneof(printable, printable.map((text) => `cl_session=${text}`)),
        'content-type': fc.constantFrom('application/json', 'text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/json; charset=latin1'),
        'if-match': printable,
        'x-csrf-token': printable,
      },
      { requiredKeys: [] },
    );
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: routes.length - 1 }), param, query, body, headers, async (index, id, pairs, payload, sent) => {
        const route = routes[index] as { method: string; path: string };
        const search = pairs.map(([key, value]) => `${key}=${encodeURIComponent(value)}`).join('&');
        const url = `${route.path.replace('{id}', encodeURIComponent(id))}${search ? `?${search}` : ''}`;
        const options = { method: route.method as 'GET', url, headers: sent, ...(payload === undefined || route.method === 'GET' ? {} : { payload: typeof payload === 'string' ? payload : JSON.stringify(payload) }) };
        const response = await app.inject(options);
        statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
        expect(response.statusCode, `${route.method} ${url}: ${response.body}`).toBeLessThan(500);
        expect(response.body).not.toMatch(/\n\s+at /);
      }),
      { numRuns: 2000 },
    );
    expect(await readAuditHead(test.store.db)).toEqual(head);
    // The requests got past authentication too: refused by validation, not only by the login check.
    console.info(`fuzz statuses: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`);
    for (const status of [400, 401, 404]) expect(statuses.get(status) ?? 0).toBeGreaterThan(20);
  }, 300_000);
});
