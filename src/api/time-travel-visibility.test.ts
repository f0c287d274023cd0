import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import { buildApp } from './app.js';
import type { Principal } from '../core/access/principal.js';
import type { Pledge } from '../core/types.js';
import { partyEntity, pledgeEntity, requirementEntity } from '../db/entities/dataset-entities.js';
import { createServices, type Services } from '../services/create-services.js';

// Time travel and confidentiality (issue 21, item 6): a pledge created as `coalition` and later made
// `restricted` used to be served in its old version, with its figures, by `GET /api/pledges?asOf=…`,
// `GET /api/coverage?asOf=…` and `POST /api/scenarios/evaluate {asOf}` to callers who may not see it now. A
// past version is visible only to those who may see the record now (a deleted one: as it was last) and could
// see it then. Through the API and the services, on PGlite and PostgreSQL.

type Caller = 'analyst' | 'admin' | 'coordinator' | 'fr' | 'gb';

describeEachStore('time travel shows only what the caller may see now and could see then', (suite) => {
  let services: Services;
  let app: FastifyInstance;
  let clock = new Date('2026-01-10T12:00:00Z');
  const as = {} as Record<Caller, ReturnType<typeof injectAs>>;
  const system = { name: 'setup' };
  const before = '2026-01-15';
  const after = '2026-01-25';
  const pledge = (id: string, min: number, confidentiality: Pledge['confidentiality'], extra: Partial<Pledge> = {}): Pledge => ({
    id, party: 'FR', capability: 'land.personnel', quantity: { min, max: min }, areas: ['any'], status: 'offered', confidentiality, condition: 'true', sources: [], note: `MARK-${id}-${confidentiality}`, ...extra,
  });
  // What each caller may see of the pledges as of the 15th, and the sum of their minimum quantities.
  const EXPECTED: Record<Caller, string[]> = {
    analyst: ['fr-open'],
    admin: ['fr-open'],
    coordinator: ['fr-closed', 'fr-deleted', 'fr-open', 'fr-opened'],
    fr: ['fr-bilateral', 'fr-closed', 'fr-deleted', 'fr-open', 'fr-opened'],
    gb: ['fr-bilateral', 'fr-open'],
  };
  const QUANTITY: Record<string, number> = { 'fr-open': 10, 'fr-closed': 4000, 'fr-bilateral': 200, 'fr-deleted': 30_000, 'fr-opened': 500_000 };
  const supplyOf = (ids: readonly string[]) => ids.reduce((sum, id) => sum + (QUANTITY[id] ?? 0), 0);

  beforeAll(async () => {
    services = createServices(suite.store(), () => clock);
    for (const party of ['FR', 'GB', 'DE']) await services.records.create(system, partyEntity, makeParty(party));
    await services.records.create(system, requirementEntity, { id: 'req-land', capability: 'land.personnel', quantity: 1_000_000, estimate: false, priority: 1, area: 'any', sources: [] });
    await services.records.create(system, pledgeEntity, pledge('fr-open', QUANTITY['fr-open'] ?? 0, 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-closed', QUANTITY['fr-closed'] ?? 0, 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-bilateral', QUANTITY['fr-bilateral'] ?? 0, 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-deleted', QUANTITY['fr-deleted'] ?? 0, 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-opened', QUANTITY['fr-opened'] ?? 0, 'restricted'));
    clock = new Date('2026-01-20T12:00:00Z');
    await services.records.replace(system, pledgeEntity, pledge('fr-closed', QUANTITY['fr-closed'] ?? 0, 'restricted'), 1);
    await services.records.replace(system, pledgeEntity, pledge('fr-bilateral', QUANTITY['fr-bilateral'] ?? 0, 'bilateral', { sharedWith: ['GB'] }), 1);
    await services.records.replace(system, pledgeEntity, pledge('fr-deleted', QUANTITY['fr-deleted'] ?? 0, 'restricted'), 1);
    await services.records.replace(system, pledgeEntity, pledge('fr-opened', QUANTITY['fr-opened'] ?? 0, 'coalition'), 1);
    clock = new Date('2026-01-21T12:00:00Z');
    await services.records.remove(system, pledgeEntity, 'fr-deleted', 2);
    clock = new Date('2026-02-01T12:00:00Z');
    app = await buildApp(services);
    const users: Record<Caller, [string, 'analyst' | 'admin' | 'coordinator' | 'delegate', string?]> = {
      analyst: ['tt-analyst', 'analyst'],
      admin: ['tt-admin', 'admin'],
      coordinator: ['tt-coordinator', 'coordinator'],
      fr: ['tt-fr', 'delegate', 'FR'],
      gb: ['tt-gb', 'delegate', 'GB'],
    };
    for (const [caller, [name, role, party]] of Object.entries(users)) as[caller as Caller] = injectAs(app, await addTestUser(services, name, role, party));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const hiddenMarkers = (caller: Caller): string[] =>
    Object.keys(QUANTITY)
      .filter((id) => !EXPECTED[caller].includes(id))
      .map((id) => `MARK-${id}`);

  it('lists as of a date only the past versions the caller may see now and could see then', async () => {
    for (const caller of Object.keys(EXPECTED) as Caller[]) {
      const response = await as[caller]({ method: 'GET', url: `/api/pledges?asOf=${before}` });
      expect(response.statusCode).toBe(200);
      const body = response.json() as { items: { id: string }[]; total: number };
      expect(body.items.map((item) => item.id), caller).toEqual(EXPECTED[caller]);
      expect(body.total, caller).toBe(EXPECTED[caller].length);
      for (const mark of hiddenMarkers(caller)) expect(response.body, `${caller}: ${mark}`).not.toContain(mark);
    }
    // After the change the analyst sees the opened pledge (coalition now and then), still not the closed ones.
    const later = (await as.analyst({ method: 'GET', url: `/api/pledges?asOf=${after}` })).json() as { items: { id: string }[] };
    expect(later.items.map((item) => item.id)).toEqual(['fr-open', 'fr-opened']);
  });

  it('computes coverage and scenarios as of a date on the same view', async () => {
    for (const caller of Object.keys(EXPECTED) as Caller[]) {
      const coverage = await as[caller]({ method: 'GET', url: `/api/coverage?asOf=${before}` });
      expect(coverage.statusCode).toBe(200);
      const row = (coverage.json() as { coverage: { requirement: string; supplyMin: number; supplyMax: number }[] }).coverage.find((item) => item.requirement === 'req-land');
      expect(row, caller).toMatchObject({ supplyMin: supplyOf(EXPECTED[caller]), supplyMax: supplyOf(EXPECTED[caller]) });
      const scenario = await as[caller]({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { asOf: before } });
      expect(scenario.statusCode).toBe(200);
      expect((scenario.json() as { pledges: { id: string }[] }).pledges.map((item) => item.id).sort(), caller).toEqual(EXPECTED[caller]);
      for (const mark of hiddenMarkers(caller)) expect(scenario.body, `${caller}: ${mark}`).not.toContain(mark);
    }
  });

  it('applies the rule to the services the CLI and the web app share, and to histories and the audit log', async () => {
    const analyst: Principal = { kind: 'user', userId: 'x', name: 'svc-analyst', role: 'analyst', party: null };
    expect((await services.scenarios.dataset(analyst, before)).pledges.map((item) => item.id)).toEqual(['fr-open']);
    // The system (CLI) sees every past version.
    expect((await services.scenarios.dataset(system, before)).pledges.map((item) => item.id).sort()).toEqual(EXPECTED.fr);
    // A pledge deleted after it was made restricted: no history and no audit entries for the analyst.
    await expect(services.records.history(analyst, pledgeEntity, 'fr-deleted')).rejects.toMatchObject({ code: 'not_found' });
    const audit = JSON.stringify(await services.auditView.entries(analyst, { limit: 100 }));
    for (const id of ['fr-deleted', 'fr-closed', 'fr-bilateral']) expect(audit).not.toContain(`"${id}"`);
    expect(audit).toContain('"fr-open"');
    const coordinator: Principal = { kind: 'user', userId: 'c', name: 'svc-coordinator', role: 'coordinator', party: null };
    expect(JSON.stringify(await services.auditView.entries(coordinator, { limit: 100 }))).toContain('MARK-fr-deleted-coalition');
  });
});
