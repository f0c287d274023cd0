import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { meetingSchema } from '../../contracts/records.schema.js';
import { meetingEntity } from '../../db/entities/meeting-entities.js';
import { sanctionsMeasureEntity } from '../../db/entities/sanctions-entities.js';
import { createServices, type Services } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// Sanctions through the API, on PGlite and PostgreSQL: the alignment matrix and the timeline now and as of a date,
// and `asOf` on sanctions packages, measures and meetings, which works as on pledges: each record as it was
// recorded at the end of that day (the audit log), counted from its own date. The demo is loaded on 20 Dec 2025;
// on 1 Mar 2026 (test edits, not facts) the price cap's level changes, Hungary's Druzhba exemption gets an end,
// a measure is deleted, a meeting is renamed and another recorded after it took place.

const SYSTEM = { name: 'test' };

type Page = { items: { id: string; level?: string; title?: string; exemptions?: { party: string; until?: string }[] }[]; total: number };
type Matrix = { asOf: string; cells: { type: string; jurisdiction: string; status: string; level: { text: string } | null; exemptions: { party: string; until?: string; ended: boolean }[] }[] };
type Timeline = { asOf: string; events: { on: { date: string; basis: string }; kind: string; package: string; party?: string; future: boolean }[] };

describeEachStore('sanctions API: alignment, timeline and asOf', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let asAnalyst: ReturnType<typeof injectAs>;
  let clock = new Date('2025-12-20T12:00:00Z');

  beforeAll(async () => {
    services = createServices(suite.store(), () => clock);
    await loadDemo(suite.store(), services.cache, () => clock);
    clock = new Date('2026-03-01T12:00:00Z');
    const cap = await services.records.get(SYSTEM, sanctionsMeasureEntity, 'eu-18-price-cap');
    await services.records.replace(SYSTEM, sanctionsMeasureEntity, { ...cap.record, level: 'USD 44.10/bbl (test edit)' }, cap.version);
    const embargo = await services.records.get(SYSTEM, sanctionsMeasureEntity, 'eu-6-oil-embargo');
    const exemptions = embargo.record.exemptions.map((exemption, i) => (i === 0 ? { ...exemption, until: '2026-06-30' } : exemption));
    await services.records.replace(SYSTEM, sanctionsMeasureEntity, { ...embargo.record, exemptions }, embargo.version);
    await services.records.remove(SYSTEM, sanctionsMeasureEntity, 'eu-17-hybrid', 1);
    const paris = await services.records.get(SYSTEM, meetingEntity, 'paris-2026-01-06');
    await services.records.replace(SYSTEM, meetingEntity, { ...paris.record, title: 'Renamed in March (test edit)' }, paris.version);
    await services.records.create(SYSTEM, meetingEntity, meetingSchema.parse({ id: 'late-2026-02-15', date: '2026-02-15', format: 'other', title: 'Recorded after it met', sources: [] }));
    app = await buildApp(services);
    asAnalyst = injectAs(app, await addTestUser(services, 'analyst', 'analyst'));
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const get = async <T>(url: string): Promise<{ status: number; body: T }> => {
    const response = await asAnalyst({ method: 'GET', url });
    return { status: response.statusCode, body: JSON.parse(response.body) as T };
  };
  const cell = (matrix: Matrix, type: string, jurisdiction: string) => matrix.cells.find((entry) => entry.type === type && entry.jurisdiction === jurisdiction);

  it('serves the matrix now and as recorded at the end of a past date', async () => {
    const now = await get<Matrix>('/api/sanctions/alignment');
    expect(now.status).toBe(200);
    expect(now.body.asOf).toBe('2026-03-01');
    expect(cell(now.body, 'oil_price_cap', 'EU')?.level?.text).toBe('USD 44.10/bbl (test edit)');
    expect(cell(now.body, 'oil_price_cap', 'JP')?.status).toBe('unknown');
    const before = await get<Matrix>('/api/sanctions/alignment?asOf=2026-01-15');
    expect(cell(before.body, 'oil_price_cap', 'EU')?.level?.text).toBe('USD 47.60/bbl');
    expect(cell(before.body, 'maritime_services_ban', 'EU')?.status).toBe('unknown');
    expect(cell(before.body, 'oil_embargo', 'EU')?.exemptions.map((e) => `${e.party}${e.until ? `..${e.until}` : ''}`)).toEqual(['HU', 'SK', 'CZ..2025-07-18']);
    const after = await get<Matrix>('/api/sanctions/alignment?asOf=2026-03-01');
    expect(cell(after.body, 'oil_embargo', 'EU')?.exemptions[0]).toMatchObject({ party: 'HU', until: '2026-06-30', ended: false });
  });

  it('serves the timeline as of a date, with dates the records do not give marked as source dates', async () => {
    const { status, body } = await get<Timeline>('/api/sanctions/timeline?asOf=2026-01-15');
    expect(status).toBe(200);
    expect(body.events[0]).toMatchObject({ kind: 'package', package: 'eu-6', on: { date: '2022-05-28', basis: 'source' } });
    expect(body.events.some((event) => event.package === 'eu-20')).toBe(false);
    expect(body.events.find((event) => event.kind === 'exemption_ends')).toMatchObject({ party: 'CZ', on: { date: '2025-07-18' }, future: false });
  });

  it('lists sanctions measures and packages as of a date: old versions, deleted ones, later ones left out', async () => {
    const past = await get<Page>('/api/sanctions-measures?asOf=2026-01-15&limit=500');
    expect(past.status).toBe(200);
    const byId = new Map(past.body.items.map((item) => [item.id, item]));
    expect(byId.get('eu-18-price-cap')?.level).toBe('USD 47.60/bbl');
    expect(byId.has('eu-17-hybrid')).toBe(true);
    expect(byId.has('eu-20-maritime-services')).toBe(false);
    expect(byId.has('eu-20-adopted-vessels')).toBe(false);
    const now = await get<Page>('/api/sanctions-measures?asOf=2026-03-01&package=eu-17');
    expect(now.body.items.map((item) => item.id)).toEqual(['eu-17-dual-use', 'eu-17-military-industrial', 'eu-17-vessels']);
    const proposed = await get<Page>('/api/sanctions-measures?asOf=2026-02-10&status=proposed');
    expect(proposed.body.items.map((item) => item.id)).toEqual(['eu-20-maritime-services', 'eu-20-vessels']);
    const packages = await get<Page>('/api/sanctions-packages?asOf=2025-08-01&jurisdiction=EU');
    expect(packages.body.items.map((item) => item.id)).toEqual(['eu-16', 'eu-17', 'eu-18', 'eu-6']);
  });

  it('lists meetings as of a date: the title recorded then, a meeting recorded later from its own date', async () => {
    const then = await get<Page>('/api/meetings?asOf=2026-02-20&limit=500');
    expect(then.status).toBe(200);
    const byId = new Map(then.body.items.map((item) => [item.id, item]));
    expect(byId.get('paris-2026-01-06')?.title).toEqual(expect.any(String));
    expect(byId.get('paris-2026-01-06')?.title).not.toContain('Renamed');
    expect(byId.has('late-2026-02-15')).toBe(true);
    const earlier = await get<Page>('/api/meetings?asOf=2026-02-14&limit=500');
    expect(earlier.body.items.map((item) => item.id)).not.toContain('late-2026-02-15');
  });

  it('derives eu_russian_oil_ended from the exemptions as of each date: false while one is open, true from the last end', async () => {
    type Scenario = { facts: { id: string; value: unknown; derived?: { kind: string; since: string | null; basis: { id: string; date: string; title?: string }[] } }[] };
    const oilEnded = async (asOf?: string) => {
      const response = await asAnalyst({ method: 'POST', url: '/api/scenarios/evaluate', payload: asOf === undefined ? { facts: [] } : { facts: [], asOf } });
      expect(response.statusCode, response.body).toBe(200);
      return (JSON.parse(response.body) as Scenario).facts.find((fact) => fact.id === 'eu_russian_oil_ended');
    };
    const now = await oilEnded();
    expect(now).toMatchObject({ value: false, derived: { kind: 'sanctions_exemptions_ended', since: '2022-05-28' } });
    // Oldest first: SK (open, dated by the embargo's source), CZ (ended), HU's Adria exception (from 18 Feb 2026), HU (test end).
    expect(now?.derived?.basis.map((entry) => `${entry.title?.slice(0, 2)} ${entry.date}`)).toEqual(['SK 2022-05-28', 'CZ 2025-07-18', 'HU 2026-02-18', 'HU 2026-06-30']);
    // Test edits (not facts): every open exemption gets an end; the last one, 31 Jul 2026, decides.
    const embargo = await services.records.get(SYSTEM, sanctionsMeasureEntity, 'eu-6-oil-embargo');
    const ends = ['2026-06-30', '2026-07-31', '2025-07-18', '2026-07-15'];
    const exemptions = embargo.record.exemptions.map((exemption, i) => ({ ...exemption, until: ends[i] }));
    await services.records.replace(SYSTEM, sanctionsMeasureEntity, { ...embargo.record, exemptions }, embargo.version);
    expect(await oilEnded('2026-07-30')).toMatchObject({ value: false });
    expect(await oilEnded('2026-07-31')).toMatchObject({ value: true, derived: { since: '2026-07-31' } });
    expect(await oilEnded('2022-05-27')).toMatchObject({ value: false });
    expect((await oilEnded('2022-05-27'))?.derived).toBeUndefined();
  });

  it('still refuses asOf where there is no time travel, and a bad date, naming the field', async () => {
    const funds = await get<{ error: string; details: { problems: { path: string }[] } }>('/api/funds?asOf=2026-01-15');
    expect(funds.status).toBe(400);
    expect(funds.body.details.problems[0]?.path).toBe('querystring.asOf');
    const bad = await get<{ error: string; details: { problems: { path: string }[] } }>('/api/sanctions/alignment?asOf=15.01.2026');
    expect(bad.status).toBe(400);
    expect(bad.body.details.problems[0]?.path).toContain('asOf');
  });
});
