import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { pledgeSchema } from '../../contracts/domain.schema.js';
import { contributionSchema } from '../../contracts/records.schema.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { contributionEntity } from '../../db/entities/funding-entities.js';
import { createServices } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// GET /api/changes on the demo data, on PGlite and PostgreSQL: what changed between the advisers' meeting in
// Kyiv (3 January 2026) and the leaders' meeting in Paris (6 January), only what the caller may see, and bad
// input named.

describeEachStore('changes API', (suite) => {
  let app: FastifyInstance;
  let asFrance: ReturnType<typeof injectAs>;
  let asGermany: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    const now = () => new Date('2026-05-01T12:00:00Z');
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    // A restricted French pledge and contribution of 5 January: France's delegates see them, Germany's do not.
    const system = { name: 'test' };
    await services.records.create(system, pledgeEntity, pledgeSchema.parse({ id: 'fr-secret', party: 'FR', capability: 'land.personnel', quantity: 4321, announcedOn: '2026-01-05', confidentiality: 'restricted' }));
    await services.records.create(system, pledgeEntity, pledgeSchema.parse({ id: 'fr-secret-out', party: 'FR', capability: 'air.fighters', quantity: 7, announcedOn: '2026-01-02', status: 'withdrawn', withdrawnOn: '2026-01-05', confidentiality: 'restricted' }));
    await services.records.create(system, contributionEntity, contributionSchema.parse({ id: 'fr-secret-money', fund: 'purl-2025', donors: [{ party: 'FR' }], amount: 987_654_00, currency: 'USD', date: '2026-01-05', confidentiality: 'restricted' }));
    app = await buildApp(services);
    asFrance = injectAs(app, await addTestUser(services, 'delegate-fr', 'delegate', 'FR'));
    asGermany = injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE'));
  });
  afterAll(async () => {
    await app.close();
  });

  type Report = {
    since: string;
    until: string;
    sinceMeeting: { id: string } | null;
    pledges: { added: { id: string }[]; superseded: { id: string; by: string }[]; withdrawn: { id: string }[]; changed: unknown[] };
    namedPledges: { id: string; party: string; capability: string; quantity: { min: number; max: number } | null }[];
    contributions: { added: { id: string }[] };
    decisions: { added: { id: string }[] };
    coverage: { requirement: string; then: { supplyMax: number } | null; now: { supplyMax: number } | null }[];
  };

  it('lists the pledges and decisions of 6 January since the Kyiv meeting, and pl-1 superseded by pl-2', async () => {
    const response = await asGermany({ method: 'GET', url: '/api/changes?since=meeting:kyiv-nsa-2026-01-03&until=meeting:paris-2026-01-06' });
    expect(response.statusCode).toBe(200);
    const report = JSON.parse(response.body) as Report;
    expect([report.since, report.until, report.sinceMeeting?.id]).toEqual(['2026-01-03', '2026-01-06', 'kyiv-nsa-2026-01-03']);
    // With the Paris Declaration's guarantee commitments (cow-g1, cow-g2) and the US draft commitment struck that day (us-g1).
    expect(report.pledges.added.map((p) => p.id)).toEqual(['ca-1', 'cow-g1', 'cow-g2', 'de-5', 'de-6', 'fr-1', 'fr-2', 'gb-1', 'gb-2', 'gr-1', 'pl-2', 'tr-1', 'us-5', 'us-g1']);
    expect(report.pledges.superseded).toEqual([{ id: 'pl-1', party: 'PL', by: 'pl-2' }]);
    // The pledges named by id alone come with what a reader recognises them by.
    const named = new Map(report.namedPledges.map((pledge) => [pledge.id, pledge]));
    expect(named.get('pl-1')).toMatchObject({ party: 'PL' });
    expect(named.get('pl-2')).toMatchObject({ party: 'PL' });
    expect(report.namedPledges.map((pledge) => pledge.id)).toEqual([...named.keys()].sort());
    expect(report.decisions.added.map((d) => d.id)).toContain('paris-2026-01-06-declaration');
    expect(report.decisions.added.every((d) => d.id.startsWith('paris-2026-01-06'))).toBe(true);
    expect(report.coverage.length).toBe(14);
  });

  it('shows a restricted record to its party only', async () => {
    const url = '/api/changes?since=2026-01-03&until=2026-01-06';
    const french = JSON.parse((await asFrance({ method: 'GET', url })).body) as Report;
    const german = (await asGermany({ method: 'GET', url })).body;
    expect(french.pledges.added.map((p) => p.id)).toContain('fr-secret');
    expect(french.contributions.added.map((c) => c.id)).toEqual(['fr-secret-money']);
    expect(french.pledges.withdrawn.map((p) => p.id)).toContain('fr-secret-out');
    expect(french.namedPledges).toContainEqual({ id: 'fr-secret-out', party: 'FR', capability: 'air.fighters', quantity: { min: 7, max: 7 } });
    const landThen = french.coverage.find((row) => row.requirement === 'req-land-reassurance');
    expect(landThen).toBeDefined();
    expect(german).not.toContain('fr-secret');
    expect(german).not.toContain('4321');
  });

  it('defaults until to today and refuses bad input with the field named', async () => {
    const today = JSON.parse((await asGermany({ method: 'GET', url: '/api/changes?since=2026-04-01' })).body) as Report;
    expect(today.until).toBe('2026-05-01');
    const bad = await asGermany({ method: 'GET', url: '/api/changes?since=3.1.2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('since');
    const reversed = await asGermany({ method: 'GET', url: '/api/changes?since=2026-01-06&until=2026-01-03' });
    expect(reversed.statusCode).toBe(400);
    expect(reversed.body).toContain('until');
    const unknown = await asGermany({ method: 'GET', url: '/api/changes?since=meeting:nowhere' });
    expect(unknown.statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/api/changes?since=2026-01-03' })).statusCode).toBe(401);
  });
});
