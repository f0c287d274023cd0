import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { openTestStore, type TestStore } from '../../test/support/stores.js';
import { openStore, type Store } from '../db/open-store.js';
import { createServices } from '../services/create-services.js';
import { loadDemo } from '../services/load-demo.js';
import { buildApp } from './app.js';

// Two app servers (two pools, two sets of caches) on one PostgreSQL database (DESIGN.md §8): a write through one is
// read through the other at once — the record, its list page, scenarios and coverage — because every cache is keyed
// by the audit head, which each read reads from the database. PGlite is one process's store, so only PostgreSQL.

type Caller = ReturnType<typeof injectAs>;

describe('two servers on one PostgreSQL database', () => {
  let database: TestStore;
  let otherPool: Store;
  let first: FastifyInstance;
  let second: FastifyInstance;
  let as: { firstFr: Caller; secondFr: Caller; firstCoordinator: Caller; secondCoordinator: Caller };

  beforeAll(async () => {
    database = await openTestStore('postgres');
    otherPool = await openStore({ kind: 'postgres', url: database.url ?? '' });
    const one = createServices(database.store);
    await loadDemo(database.store, one.cache, one.now);
    first = await buildApp(one);
    second = await buildApp(createServices(otherPool));
    const fr = await addTestUser(one, 'delegate-fr', 'delegate', 'FR');
    const coordinator = await addTestUser(one, 'coordinator-1', 'coordinator');
    as = { firstFr: injectAs(first, fr), secondFr: injectAs(second, fr), firstCoordinator: injectAs(first, coordinator), secondCoordinator: injectAs(second, coordinator) };
  }, 60_000);
  afterAll(async () => {
    await first.close();
    await second.close();
    await otherPool.close();
    await database.dispose();
  }, 60_000);

  type Scenario = { pledges: { id: string; state: string }[]; coverage: { requirement: string; supplyMax: number }[] };
  const read = async (via: Caller) => {
    const record = (await via({ method: 'GET', url: '/api/pledges/fr-1' })).json() as { version: number; quantity: { min: number; max: number }; condition: string };
    const page = (await via({ method: 'GET', url: '/api/pledges?party=FR&limit=50' })).json() as { items: { id: string; version: number }[] };
    const scenario = (await via({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { facts: [{ id: 'ceasefire', value: true }] } })).json() as Scenario;
    const coverage = (await via({ method: 'GET', url: '/api/coverage' })).json() as { coverage: Scenario['coverage'] };
    return { record, listed: page.items.find((item) => item.id === 'fr-1')?.version, state: scenario.pledges.find((item) => item.id === 'fr-1')?.state, scenario, coverage };
  };

  it('a write through one server is what the other reads next: the record, its list, scenarios and coverage', async () => {
    // Both servers have read (and cached) everything before the write.
    const before = await read(as.secondCoordinator);
    await read(as.firstCoordinator);
    expect(before.state).not.toBe('inactive');
    const { version: _v, createdAt: _c, updatedAt: _u, ...record } = (await as.firstFr({ method: 'GET', url: '/api/pledges/fr-1' })).json() as Record<string, unknown>;
    const written = await as.firstFr({ method: 'PUT', url: '/api/pledges/fr-1', payload: { ...record, condition: 'false', version: before.record.version } });
    expect(written.statusCode, written.body).toBe(200);

    const after = await read(as.secondCoordinator);
    expect(after.record.version).toBe(before.record.version + 1);
    expect(after.record.condition).toBe('false');
    expect(after.listed).toBe(before.record.version + 1);
    expect(after.state).toBe('inactive');
    expect(after.scenario.coverage).not.toEqual(before.scenario.coverage);
    expect(after.coverage.coverage).toEqual((await read(as.firstCoordinator)).coverage.coverage);

    // And the other way round: a write through the second is read through the first.
    const back = await as.secondFr({ method: 'PUT', url: '/api/pledges/fr-1', payload: { ...record, version: after.record.version } });
    expect(back.statusCode, back.body).toBe(200);
    const again = await read(as.firstCoordinator);
    expect(again.record.version).toBe(before.record.version + 2);
    expect(again.listed).toBe(before.record.version + 2);
    expect(again.state).toBe(before.state);
    expect(again.coverage.coverage).toEqual(before.coverage.coverage);
  });
});
