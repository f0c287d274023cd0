import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../../test/support/stores.js';
import { entityByName } from '../../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import { createServices, type Services } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// The analyses through app.inject(): on the demo data, on exactly what the caller may see, bad input named, work
// over the limits refused with 422 before it starts. On PGlite and PostgreSQL.

type Json = Record<string, unknown>;
const json = (response: { body: string }) => JSON.parse(response.body) as Json;

describeEachStore('analyses API', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let coordinator: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    services = createServices(suite.store());
    await loadDemo(suite.store(), services.cache, services.now);
    app = await buildApp(services);
    coordinator = injectAs(app, await addTestUser(services, 'coordinator', 'coordinator'));
  });
  afterAll(async () => {
    await app.close();
    await services.analyses.close();
  });

  it('unlockers: a ceasefire unlocks the most on the demo data; every party is listed with what it would cost', async () => {
    const response = await coordinator({ method: 'POST', url: '/api/analyses/unlockers', payload: {} });
    expect(response.statusCode).toBe(200);
    const body = json(response) as { facts: { fact: string; from: unknown; pledgesImproved: string[]; explanation: string }[]; parties: { party: string }[] };
    expect(body.facts[0]).toMatchObject({ fact: 'ceasefire', from: false });
    expect(body.facts[0]?.pledgesImproved).toEqual(expect.arrayContaining(['ee-1', 'fr-1', 'gb-1']));
    expect(body.facts[0]?.explanation).toMatch(/^ceasefire \(false → true\): .*land\.personnel in ua\.rear/);
    expect(body.parties.map((p) => p.party)).toContain('FR');
    // With the ceasefire set, it is no longer a fact to unlock.
    const set = json(await coordinator({ method: 'POST', url: '/api/analyses/unlockers', payload: { facts: [{ id: 'ceasefire', value: true }] } })) as { facts: { fact: string }[] };
    expect(set.facts.map((f) => f.fact)).not.toContain('ceasefire');
  });

  it('allocation: solved in the worker, min and max bounds, with greedy beside it; /health answers meanwhile', async () => {
    const [min, health] = await Promise.all([
      coordinator({ method: 'POST', url: '/api/analyses/allocation', payload: { facts: [{ id: 'ceasefire', value: true }] } }),
      app.inject({ method: 'GET', url: '/health' }),
    ]);
    expect(health.statusCode).toBe(200);
    expect(min.statusCode).toBe(200);
    const body = json(min) as { bound: string; requirements: { requirement: string; filled: number; demand: number | null; shortfall: number | null }[]; greedy: unknown[]; assignments: { quantity: number }[] };
    expect(body.bound).toBe('min');
    expect(body.greedy).toHaveLength(body.requirements.length);
    const land = body.requirements.find((r) => r.requirement === 'req-land-reassurance');
    expect(land?.demand).toBe(30000);
    expect(land?.shortfall).toBe(30000 - (land?.filled ?? 0));
    const max = json(await coordinator({ method: 'POST', url: '/api/analyses/allocation', payload: { bound: 'max', facts: [{ id: 'ceasefire', value: true }] } })) as typeof body;
    expect(max.bound).toBe('max');
    const landMax = max.requirements.find((r) => r.requirement === 'req-land-reassurance');
    expect(landMax?.filled ?? 0).toBeGreaterThan(land?.filled ?? 0);
    expect(max.assignments.length).toBeGreaterThan(0);
  });

  it('risk: exact by default on the demo data, Monte Carlo reproducible from its seed', async () => {
    const exact = json(await coordinator({ method: 'POST', url: '/api/analyses/risk', payload: { facts: [{ id: 'ceasefire', value: 'unknown' }] } }));
    expect(exact).toMatchObject({ method: 'exact', samples: 64, seed: null, path: 'scalar' });
    const land = (exact.requirements as { requirement: string; pMetMax: number }[]).find((r) => r.requirement === 'req-land-reassurance');
    expect(land?.pMetMax).toBeGreaterThanOrEqual(0);
    const payload = { facts: [{ id: 'ceasefire', value: 'unknown' }], method: 'monte-carlo', samples: 500, seed: 42, probabilities: [{ fact: 'ceasefire', probability: 0.9 }] };
    const first = await coordinator({ method: 'POST', url: '/api/analyses/risk', payload });
    const second = await coordinator({ method: 'POST', url: '/api/analyses/risk', payload });
    expect(first.statusCode).toBe(200);
    expect(first.body).toBe(second.body);
    expect(json(first)).toMatchObject({ method: 'monte-carlo', samples: 500, seed: 42 });
    expect((json(first).facts as { fact: string; source: string; probability: number }[]).find((f) => f.fact === 'ceasefire')).toEqual({ fact: 'ceasefire', probability: 0.9, source: 'request' });
  });

  it('bad input is named (400); more than 10^6 samples or an enumeration too large is refused with 422 at once', async () => {
    const cases: [string, Json, string][] = [
      ['/api/analyses/unlockers', { facts: [{ id: 'ceasfire', value: true }] }, 'facts[0].id'],
      ['/api/analyses/allocation', { bound: 'middle' }, 'body.bound'],
      ['/api/analyses/risk', { samples: 1.5 }, 'body.samples'],
      ['/api/analyses/risk', { probabilities: [{ fact: 'ceasefire', probability: 2 }] }, 'body.probabilities[0].probability'],
      ['/api/analyses/risk', { probabilities: [{ fact: 'nope', probability: 0.5 }] }, 'probabilities[0].fact'],
      ['/api/analyses/risk', { method: 'exact', samples: 10 }, 'samples'],
      ['/api/analyses/risk', { colour: 'blue' }, 'body'],
    ];
    for (const [url, payload, path] of cases) {
      const response = await coordinator({ method: 'POST', url, payload });
      expect(response.statusCode, `${url} ${JSON.stringify(payload)}`).toBe(400);
      expect((json(response).details as { problems: { path: string }[] }).problems.map((p) => p.path)).toContain(path);
    }
    const tooMany = await coordinator({ method: 'POST', url: '/api/analyses/risk', payload: { method: 'monte-carlo', samples: 1_000_001 } });
    expect(tooMany.statusCode).toBe(422);
    expect(json(tooMany)).toMatchObject({ error: 'analysis.too_large', details: { problems: [{ path: 'samples' }] } });
  });

  it('unauthenticated calls are 401', async () => {
    for (const url of ['/api/analyses/unlockers', '/api/analyses/allocation', '/api/analyses/risk']) {
      expect((await app.inject({ method: 'POST', url, payload: {} })).statusCode).toBe(401);
    }
  });

  it('runs on exactly what the caller may see: a restricted pledge moves no figure for another party’s delegate', async () => {
    const store = await suite.fresh();
    const own = createServices(store);
    const system = { name: 'analyses-setup' };
    const entity = (name: string) => entityByName(name) as EntityDefinition;
    for (const party of ['FR', 'DE', 'GB']) await own.records.create(system, entity('parties'), makeParty(party));
    await own.records.create(system, entity('facts'), { id: 'ceasefire', value: 'unknown', probability: 0.5, sources: [] } as unknown as StoredRecord);
    await own.records.create(system, entity('requirements'), { id: 'req-x', capability: 'land.personnel', quantity: 5000, estimate: false, priority: 1, area: 'ua.rear', sources: [] } as unknown as StoredRecord);
    const pledge = (id: string, party: string, confidentiality: string, quantity: number) =>
      ({ id, party, capability: 'land.personnel', quantity: { min: quantity, max: quantity }, areas: ['ua.rear'], status: 'offered', confidentiality, condition: 'ceasefire', sources: [] }) as unknown as StoredRecord;
    await own.records.create(system, entity('pledges'), pledge('secret-fr', 'FR', 'restricted', 1234));
    await own.records.create(system, entity('pledges'), pledge('open-gb', 'GB', 'public', 1000));
    const ownApp = await buildApp(own);
    try {
      const fr = injectAs(ownApp, await addTestUser(own, 'delegate-fr', 'delegate', 'FR'));
      const de = injectAs(ownApp, await addTestUser(own, 'delegate-de', 'delegate', 'DE'));
      for (const url of ['/api/analyses/unlockers', '/api/analyses/allocation', '/api/analyses/risk']) {
        const payload = url.endsWith('allocation') ? { bound: 'max', facts: [{ id: 'ceasefire', value: true }] } : {};
        const seen = await fr({ method: 'POST', url, payload });
        const hidden = await de({ method: 'POST', url, payload });
        expect(seen.statusCode, url).toBe(200);
        expect(hidden.statusCode, url).toBe(200);
        expect(seen.body, url).toContain('secret-fr');
        expect(hidden.body, url).not.toContain('secret-fr');
        expect(hidden.body, url).not.toContain('1234');
        expect(hidden.body, url).not.toContain('2234');
      }
      const unlock = json(await de({ method: 'POST', url: '/api/analyses/unlockers', payload: {} })) as { facts: { coverage: { supplyMinDelta: number }[] }[] };
      expect(unlock.facts[0]?.coverage).toEqual([{ requirement: 'req-x', supplyMinDelta: 1000, supplyMaxDelta: 0 }]);
    } finally {
      await ownApp.close();
      await own.analyses.close();
    }
  });
});
