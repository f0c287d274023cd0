import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore } from '../../test/support/stores.js';
import type { UserPrincipal } from '../core/access/principal.js';
import { ALL_ENTITIES } from '../db/entities/all-entities.js';
import { createServices, type Services } from '../services/create-services.js';
import { loadDemo } from '../services/load-demo.js';
import { buildApp } from './app.js';
import { componentNameOf } from './route-schemas.js';
import { presentRecord } from './routes/present-record.js';

// The API contract (issue 23): the OpenAPI document says what the server does — PUT bodies as accepted, security per
// operation, record fields in responses — and the server keeps to it: GET → edit → PUT works with the read-only
// fields GET returns, a changed read-only field is a 400 naming it, and enforced responses lose no stored field.

interface Operation {
  operationId?: string;
  security?: Record<string, string[]>[];
  requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown>; required?: string[] } }> };
  responses: Record<string, { content?: Record<string, { schema: ObjectSchema }> }>;
}
interface ObjectSchema {
  $ref?: string;
  properties?: Record<string, unknown>;
  required?: string[];
}
interface Document {
  openapi: string;
  components: { securitySchemes: Record<string, Record<string, string>>; schemas: Record<string, ObjectSchema> };
  paths: Record<string, Record<string, Operation>>;
}

describeEachStore('the API contract', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let spec: Document;
  let coordinator: UserPrincipal;
  const as: Record<string, ReturnType<typeof injectAs>> = {};
  const by = (who: string) => as[who] as ReturnType<typeof injectAs>;

  beforeAll(async () => {
    services = createServices(suite.store(), () => new Date('2026-01-10T12:00:00Z'));
    await loadDemo(suite.store(), services.cache, services.now);
    app = await buildApp(services);
    as.IT = injectAs(app, await addTestUser(services, 'contract-delegate-it', 'delegate', 'IT'));
    const token = await addTestUser(services, 'contract-coordinator', 'coordinator');
    as.coordinator = injectAs(app, token);
    const resolved = await services.sessions.resolveToken(token);
    if (!resolved) throw new Error('the test token does not resolve');
    coordinator = resolved.principal;
    spec = JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as Document;
  });
  afterAll(async () => {
    await app.close();
  });

  const operations = () => Object.entries(spec.paths).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));

  it('declares the security schemes and applies them per operation; public routes take none', () => {
    expect(spec.openapi).toBe('3.1.0');
    expect(spec.components.securitySchemes).toMatchObject({
      bearerToken: { type: 'http', scheme: 'bearer' },
      sessionCookie: { type: 'apiKey', in: 'cookie', name: 'cl_session' },
      csrfToken: { type: 'apiKey', in: 'header', name: 'X-CSRF-Token' },
    });
    for (const { path, method, operation } of operations()) {
      expect(operation.security, `${method} ${path}`).toBeDefined();
      expect(operation.operationId, `${method} ${path}`).toMatch(/^[a-z][A-Za-z0-9]+$/);
    }
    const securityOf = (path: string, method: string) => spec.paths[path]?.[method]?.security;
    expect(securityOf('/api/pledges/{id}', 'get')).toEqual([{ bearerToken: [] }, { sessionCookie: [] }]);
    expect(securityOf('/api/pledges/{id}', 'put')).toEqual([{ bearerToken: [] }, { sessionCookie: [], csrfToken: [] }]);
    for (const [path, method] of [['/health', 'get'], ['/public/summary', 'get'], ['/public/releases', 'get'], ['/api/session', 'post'], ['/api/session/demo-accounts', 'get']] as const) {
      expect(securityOf(path, method), `${method} ${path}`).toEqual([]);
    }
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('documents each PUT body as the server takes it: the record at the top level, with version and the read-only fields', () => {
    const puts = operations().filter(({ method }) => method === 'put');
    expect(puts.length).toBe(ALL_ENTITIES.length);
    for (const { path, operation } of puts) {
      const body = operation.requestBody?.content['application/json']?.schema;
      expect(Object.keys(body?.properties ?? {}), path).toEqual(expect.arrayContaining(['id', 'version', 'createdAt', 'updatedAt']));
      expect(body?.properties, path).not.toHaveProperty('record');
    }
  });

  it('describes the record fields in responses, each record type as a named component', () => {
    const reference = spec.paths['/api/pledges/{id}']?.get?.responses['200']?.content?.['application/json']?.schema;
    expect(reference).toEqual({ $ref: '#/components/schemas/Pledge' });
    const read = spec.components.schemas.Pledge;
    expect(Object.keys(read?.properties ?? {})).toEqual(expect.arrayContaining(['id', 'party', 'capability', 'quantity', 'status', 'condition', 'version', 'createdAt', 'updatedAt']));
    expect(read?.required).toEqual(expect.arrayContaining(['id', 'party', 'quantity', 'version']));
    expect(Object.keys(spec.components.schemas).sort()).toEqual(ALL_ENTITIES.map((entity) => componentNameOf(entity.name)).sort());
    expect(componentNameOf('fund-packages')).toBe('FundPackage');
    expect(componentNameOf('parties')).toBe('Party');
  });

  it('GET → edit → PUT: the read-only fields come back unchanged and are ignored; a stale version is a 409', async () => {
    const read = await by('IT')({ method: 'GET', url: '/api/pledges/it-1' });
    const record = JSON.parse(read.body) as Record<string, unknown>;
    const updated = await by('IT')({ method: 'PUT', url: '/api/pledges/it-1', payload: { ...record, note: 'edited as read' } });
    expect(updated.statusCode, updated.body).toBe(200);
    const written = JSON.parse(updated.body) as Record<string, unknown>;
    expect(written).toMatchObject({ note: 'edited as read', version: (record.version as number) + 1, createdAt: record.createdAt });
    const stale = await by('IT')({ method: 'PUT', url: '/api/pledges/it-1', payload: { ...record, note: 'edited again' } });
    expect(stale.statusCode).toBe(409);
    expect(JSON.parse(stale.body)).toMatchObject({ error: 'conflict', details: { currentVersion: written.version } });
  });

  it('refuses a changed read-only field with a 400 naming it, and writes nothing', async () => {
    const record = JSON.parse((await by('coordinator')({ method: 'GET', url: '/api/sources?limit=1' })).body).items[0] as Record<string, unknown>;
    const url = `/api/sources/${String(record.id)}`;
    const changedCreated = await by('coordinator')({ method: 'PUT', url, payload: { ...record, createdAt: '2020-01-01T00:00:00.000Z' } });
    expect(changedCreated.statusCode).toBe(400);
    expect(JSON.parse(changedCreated.body)).toMatchObject({ error: 'input.invalid', details: { problems: [{ path: 'body.createdAt' }] } });
    const changedUpdated = await by('coordinator')({ method: 'PUT', url, payload: { ...record, updatedAt: '2030-01-01T00:00:00Z' } });
    expect(JSON.parse(changedUpdated.body)).toMatchObject({ details: { problems: [{ path: 'body.updatedAt' }] } });
    const notATimestamp = await by('coordinator')({ method: 'PUT', url, payload: { ...record, updatedAt: 'yesterday' } });
    expect(notATimestamp.statusCode).toBe(400);
    expect(notATimestamp.body).toContain('body.updatedAt');
    // The same instant written another way is unchanged.
    const sameInstant = await by('coordinator')({ method: 'PUT', url, payload: { ...record, createdAt: String(record.createdAt).replace('Z', '+00:00') } });
    expect(sameInstant.statusCode, sameInstant.body).toBe(200);
    const history = JSON.parse((await by('coordinator')({ method: 'GET', url: `${url}/history` })).body) as { items: unknown[] };
    expect(history.items).toHaveLength((record.version as number) + 1);
  });

  it('responses are written by their schema and lose no stored field of any record type', async () => {
    for (const entity of ALL_ENTITIES) {
      const page = await services.records.list(coordinator, entity, { filters: {}, limit: 500, offset: 0 });
      const served = await by('coordinator')({ method: 'GET', url: `/api/${entity.name}?limit=500` });
      expect(served.statusCode, entity.name).toBe(200);
      expect((JSON.parse(served.body) as { items: unknown[] }).items, entity.name).toEqual(JSON.parse(JSON.stringify(page.items.map(presentRecord))));
    }
  });
});
