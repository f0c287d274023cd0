import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import { readAuditHead, readRecentAudit } from '../db/audit.repository.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// Dated public releases through the API, on PGlite and PostgreSQL, and the three attacks of issue 21 item 8
// that defeated the old public summary: a new pledge exposed by comparing two snapshots, a pledge exposed by
// subtracting the public pledges from one snapshot, and a suppressed stage recovered as total minus the rest.

interface Cell {
  value: number | null;
  parties: number | null;
  suppressed: boolean;
}
interface Release {
  id: number;
  date: string;
  note: string | null;
  capabilities: { capability: string; total: Cell; stages: (Cell & { stage: string })[] }[];
}

describeEachStore('public releases', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let clock = new Date('2026-03-02T09:00:00Z');
  let as: Record<'coordinator' | 'delegate' | 'analyst' | 'admin', ReturnType<typeof injectAs>>;
  const system = { name: 'setup' };
  const pledges = entityByName('pledges') as EntityDefinition;
  const pledge = (id: string, party: string, min: number, extra: Record<string, unknown> = {}): StoredRecord =>
    ({ id, party, capability: 'land.personnel', quantity: { min, max: min }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [], ...extra }) as unknown as StoredRecord;
  const published: Release[] = [];

  beforeAll(async () => {
    services = createServices(suite.store(), () => clock);
    for (const party of ['FR', 'GB', 'DE', 'NL', 'PL', 'SE', 'CZ']) await services.records.create(system, entityByName('parties') as EntityDefinition, makeParty(party));
    await services.records.create(system, pledges, pledge('fr-1', 'FR', 2000, { confidentiality: 'public' }));
    await services.records.create(system, pledges, pledge('gb-1', 'GB', 1, { confidentiality: 'public' }));
    app = await buildApp(services);
    as = {
      coordinator: injectAs(app, await addTestUser(services, 'coord', 'coordinator')),
      delegate: injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE')),
      analyst: injectAs(app, await addTestUser(services, 'analyst', 'analyst')),
      admin: injectAs(app, await addTestUser(services, 'admin', 'admin')),
    };
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const publish = async (day: string, note?: string): Promise<Release> => {
    clock = new Date(`${day}T12:00:00Z`);
    const response = await as.coordinator({ method: 'POST', url: '/api/public/releases', payload: note === undefined ? {} : { note } });
    expect(response.statusCode, response.body).toBe(201);
    const release = JSON.parse(response.body) as Release;
    published.push(release);
    return release;
  };
  const land = (release: Release) => release.capabilities.find((row) => row.capability === 'land.personnel');
  /** Every figure of land.personnel the public has seen so far, in any release. */
  const landFigures = (): number[] => published.flatMap((release) => {
    const row = land(release);
    return row ? [row.total, ...row.stages].flatMap((cell) => (cell.value === null ? [] : [cell.value])) : [];
  });
  /** Whether some figure, or difference of two, minus any subset of the public pledges (2000, 1), equals `secret`. */
  const recoverable = (secret: number): boolean => {
    const figures = landFigures();
    const derived = [...figures, ...figures.flatMap((a) => figures.map((b) => a - b))];
    return derived.some((value) => [0, 1, 2000, 2001].some((known) => value - known === secret || value + known === secret));
  };

  it('before any release: /public/summary is 404 saying none has been published; the list is empty', async () => {
    const summary = await app.inject({ method: 'GET', url: '/public/summary' });
    expect(summary.statusCode).toBe(404);
    expect(JSON.parse(summary.body)).toMatchObject({ error: 'not_found', message: expect.stringContaining('no public release has been published yet') });
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/public/releases' })).body)).toEqual({ items: [] });
    expect((await app.inject({ method: 'GET', url: '/public/releases/1' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/public/releases/2026-03-01' })).statusCode).toBe(404);
    for (const bad of ['abc', '0', '2026-13-45', '2026-02-30', '1.5', '0000-01-01', '1234567890']) {
      const response = await app.inject({ method: 'GET', url: `/public/releases/${bad}` });
      expect(response.statusCode, bad).toBe(400);
      expect(response.body).toContain('ref');
    }
  });

  it('only a coordinator publishes; refusals are logged and write nothing', async () => {
    const before = await readAuditHead(suite.store().db);
    for (const role of ['delegate', 'analyst', 'admin'] as const) {
      const response = await as[role]({ method: 'POST', url: '/api/public/releases', payload: {} });
      expect(response.statusCode, role).toBe(403);
      expect(JSON.parse(response.body).error).toBe('auth.forbidden');
    }
    expect((await app.inject({ method: 'POST', url: '/api/public/releases', payload: {} })).statusCode).toBe(401);
    expect((await as.coordinator({ method: 'POST', url: '/api/public/releases', payload: { colour: 'red' } })).statusCode).toBe(400);
    expect((await as.coordinator({ method: 'POST', url: '/api/public/releases', payload: { note: 'x'.repeat(1001) } })).statusCode).toBe(400);
    const nul = await as.coordinator({ method: 'POST', url: '/api/public/releases', payload: { note: 'a\u0000b' } });
    expect(nul.statusCode).toBe(400);
    expect(nul.body).toContain('note');
    expect(await readAuditHead(suite.store().db)).toEqual(before);
    const denials = JSON.parse((await as.admin({ method: 'GET', url: '/api/access-denials' })).body) as { items: { entity: string; reason: string }[] };
    expect(denials.items.filter((item) => item.entity === 'public-releases')).toHaveLength(3);
  });

  it('attack: one snapshot — 7001 minus the public 2000 and 1 would give the delegate’s 5000', async () => {
    const created = await as.delegate({ method: 'POST', url: '/api/pledges', payload: pledge('de-1', 'DE', 5000) });
    expect(created.statusCode, created.body).toBe(201);
    const release = await publish('2026-03-02', 'after DE');
    expect(release).toMatchObject({ id: 1, date: '2026-03-02', note: 'after DE' });
    expect(land(release)?.total).toEqual({ value: null, parties: null, suppressed: true });
    expect(recoverable(5000)).toBe(false);
    const entry = (await readRecentAudit(suite.store().db, 1))[0];
    expect(entry).toMatchObject({ actor: 'coord', action: 'create', entity: 'public-releases', entityId: '1' });
    expect(JSON.stringify(entry?.after)).not.toContain('5000');
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/public/summary' })).body)).toEqual(release);
  });

  it('attack: two snapshots — a new pledge of 5000 is not exposed by comparing releases, not even later ones', async () => {
    await services.records.remove(system, pledges, 'de-1', 1);
    for (const [id, party, min] of [['nl-1', 'NL', 1100], ['pl-1', 'PL', 1200], ['se-1', 'SE', 1300]] as const) await services.records.create(system, pledges, pledge(id, party, min));
    const first = await publish('2026-03-03');
    expect(land(first)?.total).toEqual({ value: 5601, parties: 5, suppressed: false });
    expect((await as.delegate({ method: 'POST', url: '/api/pledges', payload: pledge('de-2', 'DE', 5000) })).statusCode).toBe(201);
    // 10601 would pass on its own (4 non-public parties, DE 58 %), but 10601 − 5601 is DE's 5000.
    const second = await publish('2026-03-04');
    expect(land(second)?.total.suppressed).toBe(true);
    const third = await publish('2026-03-05', 'nothing changed');
    expect(land(third)?.total.suppressed).toBe(true);
    expect(recoverable(5000)).toBe(false);
  });

  it('attack: a suppressed stage (an offered 300) is not recovered as the total minus the other stages', async () => {
    await services.records.create(system, pledges, pledge('cz-offer', 'CZ', 300, { status: 'offered' }));
    const release = await publish('2026-03-06');
    expect(land(release)?.stages.find((cell) => cell.stage === 'planned')?.suppressed).toBe(true);
    expect(recoverable(300)).toBe(false);
    expect(JSON.stringify(published)).not.toMatch(/10901|10601/);
  });

  it('releases are kept and retrievable by number and by date; /public/summary is the newest', async () => {
    const list = JSON.parse((await app.inject({ method: 'GET', url: '/public/releases' })).body) as { items: { id: number; date: string }[] };
    expect(list.items.map((item) => [item.id, item.date])).toEqual([[5, '2026-03-06'], [4, '2026-03-05'], [3, '2026-03-04'], [2, '2026-03-03'], [1, '2026-03-02']]);
    for (const release of published) {
      expect(JSON.parse((await app.inject({ method: 'GET', url: `/public/releases/${release.id}` })).body)).toEqual(release);
      expect(JSON.parse((await app.inject({ method: 'GET', url: `/public/releases/${release.date}` })).body)).toEqual(release);
    }
    // A date without its own release gives the one in force then.
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/public/releases/2026-12-31' })).body).id).toBe(5);
    const early = await app.inject({ method: 'GET', url: '/public/releases/2026-03-01' });
    expect(early.statusCode).toBe(404);
    expect(JSON.parse(early.body).message).toContain('on or before 2026-03-01');
    expect((await app.inject({ method: 'GET', url: '/public/releases/99' })).statusCode).toBe(404);
    // No login needed, but a bearer token that is sent must be valid (as on every route).
    for (const url of ['/public/summary', '/public/releases', '/public/releases/1']) {
      expect((await app.inject({ method: 'GET', url, headers: { authorization: 'Bearer clt_not-a-token' } })).statusCode, url).toBe(401);
    }
    expect(JSON.parse((await app.inject({ method: 'GET', url: '/public/summary' })).body).id).toBe(5);
    // No basis (per-party figures) is ever served.
    expect(JSON.stringify(published)).not.toMatch(/basis|nonPublic|"NL"|"PL"|"SE"/);
  });

  it('the routes are in the OpenAPI document', async () => {
    const paths = Object.keys((JSON.parse((await app.inject({ method: 'GET', url: '/openapi.json' })).body) as { paths: Record<string, unknown> }).paths);
    expect(paths).toEqual(expect.arrayContaining(['/public/summary', '/public/releases', '/public/releases/{ref}', '/api/public/releases']));
  });
});
