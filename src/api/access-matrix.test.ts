import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { makeParty, openTestStore, type TestStore } from '../../test/support/stores.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// The authorisation matrix (DESIGN.md §10), generated: every record route × role × own/other party ×
// confidentiality level, and every other route × role. The expected outcome comes from the policy as written
// here (not from the implementation); every response is checked for its status and for the markers of records
// the caller may not see. Runs on PGlite (the policy is in the services, the same on both stores).

type Who = 'admin' | 'coordinator' | 'delegate-own' | 'delegate-other' | 'delegate-partner' | 'analyst';
const WHO: Record<Who, { role: 'admin' | 'coordinator' | 'delegate' | 'analyst'; party?: string }> = {
  admin: { role: 'admin' },
  coordinator: { role: 'coordinator' },
  'delegate-own': { role: 'delegate', party: 'FR' },
  'delegate-other': { role: 'delegate', party: 'DE' },
  'delegate-partner': { role: 'delegate', party: 'GB' },
  analyst: { role: 'analyst' },
};
const LEVELS = ['public', 'coalition', 'restricted', 'bilateral'] as const;
type Level = (typeof LEVELS)[number];

// The policy, stated independently: owner FR, bilateral items shared with GB.
function maySee(who: Who, level: Level): boolean {
  if (level === 'public' || level === 'coalition') return true;
  if (level === 'restricted') return who === 'coordinator' || who === 'delegate-own';
  return who === 'delegate-own' || who === 'delegate-partner';
}
const WRITERS: Record<string, Who[]> = {
  parties: ['admin'],
  sources: ['coordinator', 'delegate-own', 'delegate-other', 'delegate-partner'],
  facts: ['coordinator'],
  packages: ['coordinator'],
  requirements: ['coordinator'],
  funds: ['coordinator'],
  meetings: ['coordinator'],
  pledges: ['delegate-own'],
  contributions: ['delegate-own'],
};
// Who may change or delete a record the system created (no owning party): a source is a delegate's only if its
// party created it.
const CHANGERS: Record<string, Who[]> = { sources: ['coordinator'] };

const marker = (id: string) => `MARK-${id}`;
const confidentialRecord = (collection: string, id: string, level: Level): StoredRecord => {
  const shared = level === 'bilateral' ? { sharedWith: ['GB'] } : {};
  if (collection === 'pledges') {
    return { id, party: 'FR', capability: 'land.personnel', quantity: { min: 1234, max: 1234 }, areas: ['any'], status: 'offered', confidentiality: level, condition: 'true', sources: ['src-1'], note: marker(id), ...shared } as unknown as StoredRecord;
  }
  return { id, fund: 'fund-1', donors: [{ party: 'FR' }], amount: 100, currency: 'EUR', date: '2026-01-01', status: 'pledged', confidentiality: level, sources: [], note: marker(id), ...shared } as unknown as StoredRecord;
};
const plainRecords: Record<string, (id: string) => StoredRecord> = {
  parties: (id) => makeParty(id.toUpperCase().replace(/[^A-Z0-9]/g, '')),
  sources: (id) => ({ id, publisher: 'Test', date: '2026-01-01' }) as StoredRecord,
  facts: (id) => ({ id: `f${id.replace(/[^a-z0-9]/g, '')}`, value: 'unknown', sources: [] }) as StoredRecord,
  packages: (id) => ({ id, title: 'Package', sources: [] }) as StoredRecord,
  requirements: (id) => ({ id, capability: 'land.personnel', quantity: 1_000_000, estimate: false, priority: 1, area: 'any', sources: [] }) as StoredRecord,
  funds: (id) => ({ id, title: 'Fund', currency: 'EUR', sources: [] }) as StoredRecord,
  meetings: (id) => ({ id, date: '2026-01-06', format: 'nsa', title: 'Meeting', inPerson: [], online: [], sources: [] }) as StoredRecord,
};

describe('authorisation matrix', () => {
  let test: TestStore;
  let services: Services;
  let app: FastifyInstance;
  const as = {} as Record<Who, ReturnType<typeof injectAs>>;
  const system = { name: 'matrix-setup' };
  let cases = 0;
  const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
  const hidden = (who: Who): string[] =>
    ['pledges', 'contributions'].flatMap((collection) => LEVELS.filter((level) => !maySee(who, level)).map((level) => marker(`${collection.slice(0, 1)}-${level}`)));
  const expectNoLeak = (who: Who, body: string) => {
    for (const mark of hidden(who)) expect(body, `${who} must not see ${mark}`).not.toContain(mark);
  };

  beforeAll(async () => {
    test = await openTestStore('pglite');
    services = createServices(test.store);
    for (const party of ['FR', 'DE', 'GB', 'PL']) await services.records.create(system, entityByName('parties') as EntityDefinition, makeParty(party));
    await services.records.create(system, entityByName('sources') as EntityDefinition, { id: 'src-1', publisher: 'Test', date: '2026-01-01' } as StoredRecord);
    await services.records.create(system, entityByName('funds') as EntityDefinition, plainRecords.funds?.('fund-1') as StoredRecord);
    for (const collection of ['pledges', 'contributions']) {
      for (const level of LEVELS) await services.records.create(system, entityByName(collection) as EntityDefinition, confidentialRecord(collection, `${collection.slice(0, 1)}-${level}`, level));
    }
    for (const [collection, make] of Object.entries(plainRecords)) {
      if (collection !== 'funds') await services.records.create(system, entityByName(collection) as EntityDefinition, make(`${collection}-x`));
    }
    app = await buildApp(services);
    for (const [who, user] of Object.entries(WHO)) as[who as Who] = injectAs(app, await addTestUser(services, who, user.role, user.party));
  }, 60_000);
  afterAll(async () => {
    console.info(`authorisation matrix: ${cases} cases`);
    await app.close();
    await test.dispose();
  });

  const current = async (collection: string, id: string) => services.records.get(system, entityByName(collection) as EntityDefinition, id);

  it('confidential records: read, list, history, replace, delete, create × role × confidentiality', async () => {
    for (const collection of ['pledges', 'contributions']) {
      const entity = entityByName(collection) as EntityDefinition;
      for (const level of LEVELS) {
        const id = `${collection.slice(0, 1)}-${level}`;
        for (const who of Object.keys(WHO) as Who[]) {
          const see = maySee(who, level);
          const write = see && WRITERS[collection]?.includes(who);
          const request = as[who];
          const detail = await request({ method: 'GET', url: `/api/${collection}/${id}` });
          expect(detail.statusCode, `${who} GET ${id}`).toBe(see ? 200 : 404);
          const history = await request({ method: 'GET', url: `/api/${collection}/${id}/history` });
          expect(history.statusCode, `${who} history ${id}`).toBe(see ? 200 : 404);
          const list = await request({ method: 'GET', url: `/api/${collection}?limit=500` });
          expect(list.statusCode).toBe(200);
          expect((json(list.body).items as { id: string }[]).some((item) => item.id === id), `${who} list has ${id}`).toBe(see);
          const { record, version } = await current(collection, id);
          const put = await request({ method: 'PUT', url: `/api/${collection}/${id}`, payload: { ...record, version } });
          expect(put.statusCode, `${who} PUT ${id}`).toBe(!see ? 404 : write ? 200 : 403);
          const del = await request({ method: 'DELETE', url: `/api/${collection}/${id}?version=${(await current(collection, id)).version}` });
          expect(del.statusCode, `${who} DELETE ${id}`).toBe(!see ? 404 : write ? 200 : 403);
          if (del.statusCode === 200) await services.records.create(system, entity, record);
          const created = await request({ method: 'POST', url: `/api/${collection}`, payload: confidentialRecord(collection, `${id}-new-${who}`, level) });
          expect(created.statusCode, `${who} POST ${collection} ${level}`).toBe(WRITERS[collection]?.includes(who) ? 201 : 403);
          if (created.statusCode === 201) await services.records.remove(system, entity, `${id}-new-${who}`, 1);
          for (const response of [detail, history, list, put, del]) expectNoLeak(who, response.body);
          cases += 6;
        }
      }
    }
  });

  it('other records: read, list, history, replace, delete, create × role', async () => {
    for (const [collection, make] of Object.entries(plainRecords)) {
      const entity = entityByName(collection) as EntityDefinition;
      const sample = collection === 'funds' ? 'fund-1' : make(`${collection}-x`).id;
      for (const who of Object.keys(WHO) as Who[]) {
        const write = WRITERS[collection]?.includes(who) ?? false;
        const request = as[who];
        expect((await request({ method: 'GET', url: `/api/${collection}/${sample}` })).statusCode).toBe(200);
        expect((await request({ method: 'GET', url: `/api/${collection}/${sample}/history` })).statusCode).toBe(200);
        expect((await request({ method: 'GET', url: `/api/${collection}` })).statusCode).toBe(200);
        const { record, version } = await current(collection, sample);
        const put = await request({ method: 'PUT', url: `/api/${collection}/${sample}`, payload: { ...record, version } });
        expect(put.statusCode, `${who} PUT ${collection}`).toBe((CHANGERS[collection]?.includes(who) ?? write) ? 200 : 403);
        const fresh = make(`${collection}-${who}`);
        const created = await request({ method: 'POST', url: `/api/${collection}`, payload: fresh });
        expect(created.statusCode, `${who} POST ${collection}`).toBe(write ? 201 : 403);
        if (created.statusCode !== 201) await services.records.create(system, entity, fresh);
        const del = await request({ method: 'DELETE', url: `/api/${collection}/${fresh.id}?version=1` });
        expect(del.statusCode, `${who} DELETE ${collection}`).toBe(write ? 200 : 403);
        if (del.statusCode !== 200) await services.records.remove(system, entity, fresh.id, 1);
        cases += 6;
      }
    }
  });

  it('scenarios, coverage, as-of lists, audit and approvals see only what the caller may see', async () => {
    for (const who of Object.keys(WHO) as Who[]) {
      const request = as[who];
      const scenario = await request({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: {} });
      expect(scenario.statusCode).toBe(200);
      const ids = (json(scenario.body).pledges as { id: string }[]).map((pledge) => pledge.id).sort();
      expect(ids).toEqual(LEVELS.filter((level) => maySee(who, level)).map((level) => `p-${level}`).sort());
      // The web's pledge list and its export hold exactly the same pledges.
      const list = await request({ method: 'POST', url: '/api/scenarios/pledges?limit=500', payload: {} });
      expect(list.statusCode).toBe(200);
      expect((json(list.body).items as { id: string }[]).map((pledge) => pledge.id).sort()).toEqual(ids);
      const exported = await request({ method: 'POST', url: '/api/scenarios/pledges/export?columns=id,condition,explanation', payload: {} });
      expect(exported.statusCode).toBe(200);
      expectNoLeak(who, list.body);
      expectNoLeak(who, exported.body);
      const coverage = await request({ method: 'GET', url: '/api/coverage' });
      const asOf = await request({ method: 'GET', url: `/api/pledges?asOf=2030-01-01` });
      const audit = await request({ method: 'GET', url: '/api/audit?limit=500' });
      const verify = await request({ method: 'GET', url: '/api/audit/verify' });
      const denials = await request({ method: 'GET', url: '/api/access-denials' });
      for (const response of [coverage, asOf, audit, verify]) expect(response.statusCode).toBe(200);
      expect(denials.statusCode).toBe(who === 'admin' ? 200 : 403);
      for (const response of [scenario, coverage, asOf, audit]) expectNoLeak(who, response.body);
      // A hidden pledge's total is not in the coverage: 1234 per visible pledge.
      const supply = (json(coverage.body).coverage as { requirement: string; supplyMax: number }[]).find((row) => row.requirement === 'requirements-x')?.supplyMax;
      expect(supply).toBe(1234 * ids.length);
      for (const level of LEVELS) {
        const approval = await request({ method: 'GET', url: `/api/pledges/p-${level}/approval` });
        expect(approval.statusCode).toBe(404);
        expectNoLeak(who, approval.body);
      }
      cases += 6 + LEVELS.length;
    }
  });

  it('without a login every /api route answers 401 and the public routes answer', async () => {
    for (const collection of [...Object.keys(plainRecords), 'pledges', 'contributions']) {
      for (const [method, url] of [['GET', `/api/${collection}`], ['GET', `/api/${collection}/x`], ['GET', `/api/${collection}/x/history`], ['POST', `/api/${collection}`], ['PUT', `/api/${collection}/x`], ['DELETE', `/api/${collection}/x`]] as const) {
        const response = await app.inject({ method, url, payload: method === 'POST' || method === 'PUT' ? {} : undefined });
        expect(response.statusCode, `${method} ${url}`).toBe(401);
        expect(json(response.body).error).toBe('auth.required');
        cases += 1;
      }
    }
    for (const url of ['/api/coverage', '/api/audit', '/api/audit/verify', '/api/access-denials', '/api/pledges/p-public/approval', '/api/session']) {
      expect((await app.inject({ method: 'GET', url })).statusCode, url).toBe(401);
      cases += 1;
    }
    // And every other /api route the OpenAPI document lists (funding analyses, rates, …), whatever it is.
    const spec = json((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, Record<string, unknown>> };
    for (const [path, operations] of Object.entries(spec.paths)) {
      if (!path.startsWith('/api/') || path.startsWith('/api/session')) continue;
      for (const method of Object.keys(operations).map((name) => name.toUpperCase())) {
        const url = path.replace(/\{[^}]+\}/g, 'x');
        const response = await app.inject({ method: method as 'GET', url, payload: method === 'POST' || method === 'PUT' ? {} : undefined });
        expect(response.statusCode, `${method} ${url}`).toBe(401);
        cases += 1;
      }
    }
    await services.publicReleases.publish(system);
    for (const url of ['/public/summary', '/public/releases', '/public/releases/1']) {
      const response = await app.inject({ method: 'GET', url });
      expect(response.statusCode, url).toBe(200);
      expectNoLeak('analyst', response.body);
    }
    expect((await app.inject({ method: 'GET', url: '/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/openapi.json' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/session/demo-accounts' })).body).toBe('[]');
    cases += 6;
  });
});
