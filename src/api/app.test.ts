import type { FastifyInstance, InjectOptions } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore } from '../../test/support/stores.js';
import { createServices, type Services } from '../services/create-services.js';
import { loadDemo } from '../services/load-demo.js';
import { buildApp } from './app.js';

// The HTTP API through app.inject(), on PGlite and PostgreSQL, on the demo data.

describeEachStore('HTTP API', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let clock = new Date('2026-01-10T12:00:00Z');

  beforeAll(async () => {
    services = createServices(suite.store(), () => clock);
    await loadDemo(suite.store(), services.cache, services.now);
    app = await buildApp(services, { bodyLimit: 64 * 1024 });
    // Each write is made by someone allowed to make it: delegates for their party's pledges, the
    // coordinator for sources, the admin for parties.
    for (const party of ['FR', 'IT', 'GR']) as[party] = injectAs(app, await addTestUser(services, `delegate-${party.toLowerCase()}`, 'delegate', party));
    as.coordinator = injectAs(app, await addTestUser(services, 'coordinator', 'coordinator'));
    as.admin = injectAs(app, await addTestUser(services, 'admin', 'admin'));
  });
  const as: Record<string, ReturnType<typeof injectAs>> = {};
  const by = (who: string) => as[who] as ReturnType<typeof injectAs>;
  const inject = (options: InjectOptions) => by('coordinator')(options);
  afterAll(async () => {
    await app.close();
  });

  const json = (response: { body: string }) => JSON.parse(response.body) as Record<string, unknown>;

  it('serves health and an OpenAPI document listing every resource', async () => {
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    const spec = json(await inject({ method: 'GET', url: '/openapi.json' }));
    const paths = Object.keys(spec.paths as object);
    for (const path of ['/api/pledges', '/api/pledges/{id}', '/api/requirements', '/api/parties', '/api/facts', '/api/scenarios/evaluate', '/api/coverage', '/api/audit/verify']) {
      expect(paths).toContain(path);
    }
    expect((await inject({ method: 'GET', url: '/docs' })).statusCode).toBeLessThan(400);
  });

  it('lists with filters and pagination', async () => {
    const page = json(await inject({ method: 'GET', url: '/api/pledges?party=FR&limit=1' }));
    expect(page.total).toBe(2);
    expect((page.items as { id: string }[]).map((p) => p.id)).toEqual(['fr-1']);
    const next = json(await inject({ method: 'GET', url: '/api/pledges?party=FR&limit=1&offset=1' }));
    expect((next.items as { id: string }[]).map((p) => p.id)).toEqual(['fr-2']);
    const bad = await inject({ method: 'GET', url: '/api/pledges?colour=blue' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('colour');
  });

  it('updates need the version they change; a stale one gets 409 with the current version', async () => {
    const read = await inject({ method: 'GET', url: '/api/pledges/it-2' });
    expect(read.headers.etag).toBe('"1"');
    const { version: _v, createdAt: _c, updatedAt: _u, ...record } = json(read);
    const changed = { ...record, note: 'edited through the API' };
    expect((await by('IT')({ method: 'PUT', url: '/api/pledges/it-2', payload: changed })).statusCode).toBe(428);
    const ok = await by('IT')({ method: 'PUT', url: '/api/pledges/it-2', payload: changed, headers: { 'if-match': '"1"' } });
    expect(ok.statusCode).toBe(200);
    expect(json(ok).version).toBe(2);
    const stale = await by('IT')({ method: 'PUT', url: '/api/pledges/it-2', payload: { ...changed, version: 1 } });
    expect(stale.statusCode).toBe(409);
    expect(json(stale)).toMatchObject({ error: 'conflict', details: { currentVersion: 2 } });
    const history = json(await inject({ method: 'GET', url: '/api/pledges/it-2/history' }));
    expect((history.items as { action: string }[]).map((entry) => entry.action)).toEqual(['create', 'update']);
  });

  it('concurrent edits of one record: exactly one wins, the others get 409', async () => {
    const { version, createdAt: _c, updatedAt: _u, ...record } = json(await inject({ method: 'GET', url: '/api/pledges/gr-1' }));
    const attempts = await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        by('GR')({ method: 'PUT', url: '/api/pledges/gr-1', payload: { ...record, note: `attempt ${i}`, version } }),
      ),
    );
    const codes = attempts.map((response) => response.statusCode).sort();
    expect(codes.filter((code) => code === 200)).toHaveLength(1);
    expect(codes.filter((code) => code === 409)).toHaveLength(7);
    const verify = json(await inject({ method: 'GET', url: '/api/audit/verify' }));
    expect(verify.ok).toBe(true);
  });

  it('refuses bad input with 4xx naming the field, and writes nothing', async () => {
    const before = json(await inject({ method: 'GET', url: '/api/audit?limit=1' }));
    const badCondition = await by('FR')({
      method: 'POST',
      url: '/api/pledges',
      payload: { id: 'x-1', party: 'FR', capability: 'land.personnel', condition: 'ceasefire and us_backstp' },
    });
    expect(badCondition.statusCode).toBe(422);
    expect(json(badCondition)).toMatchObject({ error: 'condition.unknown_fact' });
    expect(badCondition.body).toContain("did you mean 'us_backstop'");
    const unknownField = await by('FR')({ method: 'POST', url: '/api/pledges', payload: { id: 'x-2', party: 'FR', capability: 'land.personnel', colour: 'red' } });
    expect(unknownField.statusCode).toBe(400);
    expect(unknownField.body).toContain("unknown field 'colour'");
    // A delegate of FR may not write another party's pledge (403); an unknown party elsewhere is a consistency error.
    const otherParty = await by('FR')({ method: 'POST', url: '/api/pledges', payload: { id: 'x-3', party: 'XX', capability: 'land.personnel' } });
    expect(otherParty.statusCode).toBe(403);
    const unknownParty = await by('FR')({ method: 'POST', url: '/api/pledges', payload: { id: 'x-3', party: 'FR', capability: 'land.personnel', confidentiality: 'bilateral', sharedWith: ['XX'] } });
    expect(unknownParty.statusCode).toBe(422);
    expect(json(unknownParty)).toMatchObject({ details: { problems: [{ path: 'sharedWith[0]' }] } });
    const notJson = await by('FR')({ method: 'POST', url: '/api/pledges', payload: '{"id":', headers: { 'content-type': 'application/json' } });
    expect(notJson.statusCode).toBe(400);
    const tooLarge = await by('FR')({ method: 'POST', url: '/api/pledges', payload: { id: 'x-4', party: 'FR', capability: 'land.personnel', note: 'x'.repeat(100_000) } });
    expect(tooLarge.statusCode).toBe(413);
    const duplicate = await by('FR')({ method: 'POST', url: '/api/pledges', payload: { id: 'fr-1', party: 'FR', capability: 'land.personnel' } });
    expect(duplicate.statusCode).toBe(409);
    expect((await inject({ method: 'GET', url: '/api/nothing-here' })).statusCode).toBe(404);
    expect((await inject({ method: 'GET', url: '/api/pledges/nope' })).statusCode).toBe(404);
    const after = json(await inject({ method: 'GET', url: '/api/audit?limit=1' }));
    expect(after).toEqual(before);
  });

  it('evaluates scenarios like the CLI, and coverage for the recorded facts', async () => {
    const response = await inject({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { facts: [{ id: 'ceasefire', value: true }] } });
    expect(response.statusCode).toBe(200);
    const body = json(response);
    const direct = await services.scenarios.evaluate({ name: 'test' }, { facts: [{ id: 'ceasefire', value: true }] });
    expect(body.assuranceGap).toEqual(direct.assuranceGap);
    expect((body.pledges as { id: string; state: string }[]).map((p) => [p.id, p.state])).toEqual(direct.pledges.map((p) => [p.id, p.state]));
    const unknownFact = await inject({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { facts: [{ id: 'cease', value: true }] } });
    expect(unknownFact.statusCode).toBe(400);
    const coverage = json(await inject({ method: 'GET', url: '/api/coverage' }));
    expect((coverage.coverage as { requirement: string }[]).length).toBeGreaterThan(0);
  });

  it('travels in time: as of a date before an edit, the old version counts', async () => {
    const { version, createdAt: _c, updatedAt: _u, ...record } = json(await inject({ method: 'GET', url: '/api/pledges/fr-1' }));
    clock = new Date('2026-02-01T09:00:00Z');
    const edited = await by('FR')({ method: 'PUT', url: '/api/pledges/fr-1', payload: { ...record, quantity: { min: 3000, max: 4000 }, version } });
    expect(edited.statusCode).toBe(200);
    const past = json(await inject({ method: 'GET', url: '/api/pledges?asOf=2026-01-15&party=FR' }));
    expect((past.items as { id: string; quantity: unknown }[]).find((p) => p.id === 'fr-1')?.quantity).toEqual({ min: 2000, max: 7501 });
    const now = json(await inject({ method: 'GET', url: '/api/pledges/fr-1' }));
    expect(now.quantity).toEqual({ min: 3000, max: 4000 });
    // At the Paris summit (4 Sep 2025), pledges announced in January 2026 were not yet known.
    const summit = json(await inject({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { asOf: '2025-09-04' } }));
    const fr = (summit.pledges as { id: string; candidate: boolean }[]).find((p) => p.id === 'fr-1');
    expect(fr?.candidate).toBe(false);
  });

  it('deletes with a version', async () => {
    const created = await inject({ method: 'POST', url: '/api/sources', payload: { id: 'tmp-source', publisher: 'Test', date: '2026-01-01' } });
    expect(created.statusCode).toBe(201);
    expect((await inject({ method: 'DELETE', url: '/api/sources/tmp-source' })).statusCode).toBe(428);
    expect((await inject({ method: 'DELETE', url: '/api/sources/tmp-source?version=1' })).statusCode).toBe(200);
    expect((await inject({ method: 'GET', url: '/api/sources/tmp-source' })).statusCode).toBe(404);
    const inUse = await by('admin')({ method: 'DELETE', url: '/api/parties/FR?version=1' });
    expect(inUse.statusCode).toBe(422);
  });
});
