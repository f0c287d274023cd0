import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../../test/support/stores.js';
import { factEntity, partyEntity, pledgeEntity, requirementEntity } from '../../db/entities/dataset-entities.js';
import { readAuditHead } from '../../db/audit.repository.js';
import { createServices } from '../../services/create-services.js';
import { buildApp } from '../app.js';

// POST /api/scenarios/pledge-preview through HTTP, on PGlite and PostgreSQL: a delegate previews their party's draft;
// another party's is 403; bad input is a 4xx naming the field (the body's shape, then the dataset's rules); the
// refused attempts and the previews leave the audit as it was.

type Request = ReturnType<typeof injectAs>;

describeEachStore('the pledge preview API', (suite) => {
  let app: FastifyInstance;
  let services: ReturnType<typeof createServices>;
  const as = {} as Record<'de' | 'analyst', Request>;
  const draft = { id: 'de-1', party: 'DE', capability: 'land.personnel', quantity: 1000, areas: ['ua.rear'], condition: 'ceasefire' };

  beforeAll(async () => {
    services = createServices(suite.store());
    const system = { name: 'setup' };
    for (const party of ['DE', 'FR']) await services.records.create(system, partyEntity, makeParty(party));
    await services.records.create(system, factEntity, { id: 'ceasefire', value: 'unknown', sources: [] });
    await services.records.create(system, requirementEntity, { id: 'req-land', capability: 'land.personnel', quantity: 5000, estimate: false, priority: 1, area: 'ua.rear', sources: [] });
    await services.records.create(system, pledgeEntity, { ...draft, quantity: { min: 1000, max: 1000 }, status: 'committed', confidentiality: 'coalition', condition: 'ceasefire and ceasefire', sources: [] });
    await services.records.create(system, pledgeEntity, { id: 'fr-1', party: 'FR', capability: 'land.personnel', quantity: { min: 500, max: 500 }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [] });
    app = await buildApp(services);
    as.de = injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE'));
    as.analyst = injectAs(app, await addTestUser(services, 'analyst', 'analyst'));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const preview = (request: Request, payload: unknown) => request({ method: 'POST', url: '/api/scenarios/pledge-preview', payload: payload as object });

  it("answers the draft's state and the coverage it changes", async () => {
    const response = await preview(as.de, { facts: [{ id: 'ceasefire', value: true }], pledge: { ...draft, quantity: { min: 1000, max: 3000 } } });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({
      asOf: null,
      change: 'update',
      pledge: { id: 'de-1', state: 'certain', explanation: null, explanationChain: null },
      coverageChanges: [{ requirement: 'req-land', demand: 5000, before: { min: 1500, max: 1500 }, after: { min: 1500, max: 3500 } }],
    });
    expect(response.json().areas).toContain('ua.rear');
  });

  it("refuses another party's pledge and callers who may not write pledges", async () => {
    for (const [request, pledge] of [[as.de, { ...draft, id: 'fr-1', party: 'FR' }], [as.analyst, draft]] as const) {
      const response = await preview(request, { pledge });
      expect(response.statusCode, response.body).toBe(403);
      expect(response.json().error).toBe('auth.forbidden');
    }
  });

  it('names the field of bad input, never a 5xx', async () => {
    const cases: [unknown, number, string][] = [
      [{ pledge: { ...draft, quantity: 'many' } }, 400, 'body.pledge.quantity'],
      [{ pledge: { ...draft, areas: 'ua.rear' } }, 400, 'body.pledge.areas'],
      [{ pledge: { ...draft, status: 'promised' } }, 400, 'body.pledge.status'],
      [{ pledge: { ...draft, id: '' } }, 400, 'body.pledge.id'],
      [{ pledge: { ...draft, colour: 'red' } }, 400, 'body.pledge'],
      [{ facts: [{ id: 'ceasefire', value: 'maybe' }], pledge: draft }, 400, 'body.facts[0].value'],
      [{}, 400, 'body.pledge'],
      [{ facts: [{ id: 'ceasefir', value: true }], pledge: draft }, 400, 'facts[0].id'],
      [{ pledge: { ...draft, condition: 'ceasefire and' } }, 422, 'condition'],
      [{ pledge: { ...draft, condition: 'active(XX)' } }, 422, 'condition'],
      [{ pledge: { ...draft, capability: 'land.personel' } }, 422, 'capability'],
      [{ pledge: { ...draft, sources: ['nowhere'] } }, 422, 'sources[0]'],
    ];
    const head = await readAuditHead(suite.store().db);
    for (const [payload, status, path] of cases) {
      const response = await preview(as.de, payload);
      expect(response.statusCode, `${JSON.stringify(payload)}: ${response.body}`).toBe(status);
      const paths = (response.json().details.problems as { path: string }[]).map((problem) => problem.path);
      expect(paths, JSON.stringify(payload)).toContain(path);
    }
    expect(await readAuditHead(suite.store().db)).toEqual(head);
  });

  it('sends an unknown reference’s collection and id with its code, for the editor to say in its language', async () => {
    const response = await preview(as.de, { pledge: { ...draft, sources: ['nowhere'] } });
    expect(response.statusCode).toBe(422);
    expect(response.json().details.problems).toContainEqual({ path: 'sources[0]', code: 'dataset.unknown_reference', message: "unknown source 'nowhere'", reference: { collection: 'sources', id: 'nowhere' } });
  });
});
