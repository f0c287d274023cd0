import fc from 'fast-check';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, injectAs, TEST_PASSWORD } from '../../test/support/auth.js';
import { type ApiRoute, formatFieldPath, mayTakeDateLikeText, routesOf, takesFreeText, withField } from '../../test/support/openapi-fields.js';
import { describeEachStore, makeParty, openTestStore, type TestStore } from '../../test/support/stores.js';
import { readAuditHead } from '../db/audit.repository.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { loadDemo } from '../services/load-demo.js';
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

// Issue 21: values no store keeps (the NUL character, a lone surrogate), dates PostgreSQL refuses or that are not
// days, and over-long text, in every field of every route — body properties at every depth and query parameters,
// read from the OpenAPI document — on PGlite and PostgreSQL. Each request starts from a valid body (a record of
// the demo data as the API returns it), so nothing but the one field can be wrong: never a 5xx, and a value the
// field cannot take is a 400 naming the field (or the list or object it sits in).

const LONG_TEXT = 'x'.repeat(10_001);
/** `dateLike`: a field that takes text or an id may take it; a date field, enum or number must refuse it. */
const BAD_VALUES: { label: string; value: string; dateLike: boolean }[] = [
  { label: 'NUL inside', value: 'a\u0000b', dateLike: false },
  { label: 'NUL alone', value: '\u0000', dateLike: false },
  // URL-shaped: the URL parser takes a lone surrogate in a path, so a URL field must refuse it as text does.
  { label: 'lone surrogate', value: 'https://example.org/x\ud800', dateLike: false },
  { label: 'year 0', value: '0000-01-01', dateLike: true },
  { label: 'year 99999', value: '99999-01-01', dateLike: true },
  { label: 'February 30', value: '2025-02-30', dateLike: true },
  { label: '10,001 characters', value: LONG_TEXT, dateLike: false },
];

describeEachStore('bad values in every field of every route', (suite) => {
  let services: Services;
  let app: FastifyInstance;
  let as: ReturnType<typeof injectAs>;
  let routes: ApiRoute[] = [];
  const bases = new Map<string, { record: Record<string, unknown>; id: string }>();

  beforeAll(async () => {
    services = createServices(suite.store());
    await loadDemo(suite.store(), services.cache, services.now);
    const token = await addTestUser(services, 'sweep-coordinator', 'coordinator');
    app = await buildApp(services);
    as = injectAs(app, token);
    routes = routesOf(JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as Parameters<typeof routesOf>[0]);
    // A valid body for each collection: one of its records as the API returns it.
    for (const route of routes.filter((item) => item.method === 'POST' && /^\/api\/[a-z-]+$/.test(item.path))) {
      const list = await as({ method: 'GET', url: `${route.path}?limit=1` });
      const [first] = list.statusCode === 200 ? ((JSON.parse(list.body) as { items?: Record<string, unknown>[] }).items ?? []) : [];
      if (!first) continue;
      const { createdAt: _created, updatedAt: _updated, ...record } = first;
      bases.set(route.path, { record, id: String(record.id) });
    }
  }, 300_000);
  afterAll(async () => {
    await app.close();
  });

  const collectionOf = (path: string): string => /^\/api\/[a-z-]+/.exec(path)?.[0] ?? path;
  function baseBody(route: ApiRoute): Record<string, unknown> {
    if (route.path === '/api/session') return { name: 'sweep-coordinator', password: TEST_PASSWORD };
    const base = bases.get(collectionOf(route.path));
    if (!base || !route.fields.some((field) => field.in === 'body')) return {};
    // A new id for a create (so a valid value may create), the record's own id and version for a replace.
    if (route.method === 'POST') return { ...base.record, id: `sweep-${randomSuffix()}`, version: undefined };
    return base.record;
  }
  let counter = 0;
  const randomSuffix = () => String((counter += 1));
  const urlOf = (route: ApiRoute, query: Record<string, string> = {}): string => {
    const path = route.path.replace('{id}', encodeURIComponent(bases.get(collectionOf(route.path))?.id ?? 'x'));
    const search = Object.entries(query).map(([key, value]) => `${key}=${encodeQueryValue(value)}`).join('&');
    return search ? `${path}?${search}` : path;
  };
  const problemPaths = (body: string): string[] => ((JSON.parse(body) as { details?: { problems?: { path: string }[] } }).details?.problems ?? []).map((problem) => problem.path);
  const names = (paths: string[], field: string): boolean => paths.some((path) => path === field || (field.startsWith(path) && /^[.[]/.test(field.slice(path.length)) && path.includes('.')));

  it('refuses every bad value in every field with a 400 naming the field, and never answers 5xx', async () => {
    const swept = new Set<string>();
    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let requests = 0;
    for (const route of routes) {
      for (const field of route.fields) {
        for (let bad of BAD_VALUES) {
          const where = formatFieldPath(field.path, field.in === 'body' ? 'body' : 'querystring');
          // A field that declares a longer limit (an article for ingestion) gets a text one past its own limit.
          const declared = typeof field.schema === 'object' && field.schema !== null ? (field.schema as { maxLength?: unknown }).maxLength : undefined;
          if (bad.value === LONG_TEXT && typeof declared === 'number' && declared > LONG_TEXT.length) bad = { ...bad, value: 'x'.repeat(declared + 1) };
          const request =
            field.in === 'query'
              ? // A route that also takes a body (a scenario's page query) gets a valid one, so only the query field is wrong.
                { method: route.method, url: urlOf(route, { [String(field.path[0])]: bad.value }), ...(route.hasBody ? { payload: JSON.stringify(baseBody(route)), headers: { 'content-type': 'application/json' } } : {}) }
              : { method: route.method, url: urlOf(route), payload: JSON.stringify(withField(baseBody(route), field.path, bad.value)), headers: { 'content-type': 'application/json' } };
          const response = await as(request);
          requests += 1;
          swept.add(`${route.method} ${route.path}`);
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          const label = `${route.method} ${route.path} ${where} = ${bad.label}: ${response.statusCode} ${response.body.slice(0, 300)}`;
          if (response.statusCode >= 500 || /\n\s+at /.test(response.body)) failures.push(label);
          // A lone surrogate cannot be sent in a URL: its percent-encoded bytes are not UTF-8 and decode to U+FFFD.
          const sendable = field.in === 'body' || bad.label !== 'lone surrogate';
          const mustRefuse = sendable && (!bad.dateLike || !mayTakeDateLikeText(field.schema));
          if (mustRefuse && (response.statusCode !== 400 || !names(problemPaths(response.body), where))) failures.push(`not refused naming the field: ${label}`);
        }
      }
    }
    console.info(`field sweep [${suite.kind}]: ${requests} requests over ${swept.size} routes; statuses ${JSON.stringify(Object.fromEntries(statuses))}`);
    expect(failures).toEqual([]);
    // Every route that takes a body or a query was swept (the routes come from the app, not a list here).
    const withFields = routes.filter((route) => route.fields.length > 0).map((route) => `${route.method} ${route.path}`);
    expect([...swept].sort()).toEqual(withFields.sort());
    expect(withFields.length).toBeGreaterThan(60);
  }, 600_000);

  it('refuses a 1 MB text in a body field by naming it, and a body over 1 MiB with 413 naming the body', async () => {
    const huge = 'y'.repeat(1_000_000);
    const failures: string[] = [];
    const bodyRoutes = routes.filter((route) => route.fields.some((field) => field.in === 'body'));
    for (const route of bodyRoutes) {
      const field = route.fields.find((item) => item.in === 'body' && takesFreeText(item.schema)) ?? route.fields.find((item) => item.in === 'body');
      if (!field) continue;
      const where = formatFieldPath(field.path, 'body');
      const response = await as({ method: route.method, url: urlOf(route), payload: JSON.stringify(withField(baseBody(route), field.path, huge)), headers: { 'content-type': 'application/json' } });
      if (response.statusCode !== 400 || !names(problemPaths(response.body), where)) failures.push(`${route.method} ${route.path} ${where}: ${response.statusCode} ${response.body.slice(0, 200)}`);
      const over = await as({ method: route.method, url: urlOf(route), payload: JSON.stringify(withField(baseBody(route), field.path, `${huge}${huge}`)), headers: { 'content-type': 'application/json' } });
      if (over.statusCode !== 413 || !problemPaths(over.body).includes('body')) failures.push(`${route.method} ${route.path} 2 MB: ${over.statusCode} ${over.body.slice(0, 200)}`);
    }
    expect(failures).toEqual([]);
    expect(bodyRoutes.length).toBeGreaterThan(30);
  }, 600_000);

  it('refuses bad path parameters without a 5xx', async () => {
    const failures: string[] = [];
    for (const route of routes.filter((item) => item.path.includes('{id}'))) {
      for (const bad of BAD_VALUES) {
        const response = await as({ method: route.method, url: route.path.replace('{id}', encodeQueryValue(bad.value)) });
        const mustRefuse = !bad.dateLike && bad.label !== 'lone surrogate';
        if (response.statusCode >= 500 || (mustRefuse && (response.statusCode !== 400 || !problemPaths(response.body).includes('params.id')))) {
          failures.push(`${route.method} ${route.path} id = ${bad.label}: ${response.statusCode} ${response.body.slice(0, 200)}`);
        }
      }
    }
    expect(failures).toEqual([]);
  }, 600_000);
});

/** Percent-encode a query value, a lone surrogate as the bytes of its (invalid) UTF-8 encoding. */
function encodeQueryValue(value: string): string {
  return [...value].map((char) => (/\p{Surrogate}/u.test(char) ? '%ED%A0%80' : encodeURIComponent(char))).join('');
}
