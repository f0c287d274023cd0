import type { FastifyInstance } from 'fastify';
import ICAL from 'ical.js';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { actionItemSchema } from '../../contracts/records.schema.js';
import { actionItemEntity } from '../../db/entities/meeting-entities.js';
import { createServices, type Services } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// Following up meetings through the API, on PGlite and PostgreSQL: action items with owner, due date and status
// history; the overdue list on a given day, a delegate's own party first; the calendar as iCalendar, parsed
// back with ical.js, behind a calendar token that opens nothing else.

describeEachStore('follow-up and calendar API', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let asGermany: ReturnType<typeof injectAs>;
  let asCoordinator: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    let clock = new Date('2026-01-07T09:00:00Z');
    services = createServices(suite.store(), () => clock);
    await loadDemo(suite.store(), services.cache, () => clock);
    const system = { name: 'cell' };
    const write = (record: unknown) => services.records.create(system, actionItemEntity, actionItemSchema.parse(record));
    await write({ id: 'ai-gb-vote', meeting: 'paris-2026-01-06', text: 'Commons vote', owner: 'GB', due: '2026-01-20' });
    await write({ id: 'ai-de-mandate', meeting: 'paris-2026-01-06', text: 'Bundestag mandate', owner: 'DE', ownerPerson: 'Federal Chancellery', due: '2026-02-15' });
    await write({ id: 'ai-umerov', meeting: 'kyiv-nsa-2026-01-03', text: 'Send the list of sites', ownerPerson: 'NSDC Secretary Umerov', due: '2026-01-10' });
    clock = new Date('2026-01-12T15:00:00Z');
    const current = await services.records.get(system, actionItemEntity, 'ai-umerov');
    await services.records.replace(system, actionItemEntity, { ...current.record, status: 'done' }, current.version);
    clock = new Date('2026-03-01T12:00:00Z');
    app = await buildApp(services);
    asGermany = injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE'));
    asCoordinator = injectAs(app, await addTestUser(services, 'coordinator', 'coordinator'));
  });
  afterAll(async () => {
    await app.close();
  });

  type Listing = { on: string; items: { id: string; overdue: boolean; daysOverdue: number; ownParty: boolean; status: string; history: { from: string | null; to: string | null; at: string; actor: string }[] }[] };

  it('lists the overdue items on a day, the German delegate seeing Germany first', async () => {
    const german = JSON.parse((await asGermany({ method: 'GET', url: '/api/follow-up/overdue?on=2026-03-01' })).body) as Listing;
    expect(german.items.map((entry) => [entry.id, entry.daysOverdue, entry.ownParty])).toEqual([
      ['ai-de-mandate', 14, true],
      ['ai-gb-vote', 40, false],
    ]);
    const coordinator = JSON.parse((await asCoordinator({ method: 'GET', url: '/api/follow-up/overdue?on=2026-01-21' })).body) as Listing;
    expect(coordinator.items.map((entry) => entry.id)).toEqual(['ai-gb-vote']);
    // The day defaults to today (the services' clock).
    expect((JSON.parse((await asCoordinator({ method: 'GET', url: '/api/follow-up/overdue' })).body) as Listing).on).toBe('2026-03-01');
  });

  it('gives every item its status history from the audit log', async () => {
    const all = JSON.parse((await asCoordinator({ method: 'GET', url: '/api/follow-up?on=2026-03-01' })).body) as Listing;
    const done = all.items.find((entry) => entry.id === 'ai-umerov');
    expect(done?.status).toBe('done');
    expect(done?.history.map((change) => [change.from, change.to, change.at.slice(0, 10), change.actor])).toEqual([
      [null, 'open', '2026-01-07', 'cell'],
      ['open', 'done', '2026-01-12', 'cell'],
    ]);
    expect(all.items.length).toBe(6);
    const bad = await asCoordinator({ method: 'GET', url: '/api/follow-up?on=1.3.2026' });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('on');
  });

  it('serves the calendar to a calendar link, parsed back with ical.js', async () => {
    const link = JSON.parse((await asGermany({ method: 'GET', url: '/api/calendar/link' })).body) as { path: string; token: string };
    expect(link.path).toBe(`/api/calendar.ics?token=${link.token}`);
    const response = await app.inject({ method: 'GET', url: link.path });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/calendar');
    const calendar = new ICAL.Component(ICAL.parse(response.body));
    const events = calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component));
    const byUid = new Map(events.map((event) => [event.uid, event]));
    const paris = byUid.get('meeting-paris-2026-01-06@coalition-ledger');
    expect(paris?.summary).toContain('Paris');
    expect(paris?.startDate.isDate).toBe(true);
    expect(paris?.startDate.toString()).toBe('2026-01-06');
    expect(paris?.location).toBe('Paris');
    expect(paris?.description).toContain('In person: ');
    expect(paris?.description).toContain('France');
    const due = byUid.get('action-ai-de-mandate@coalition-ledger');
    expect(due?.startDate.toString()).toBe('2026-02-15');
    expect(due?.summary).toBe('Due: Bundestag mandate');
    expect(due?.description).toContain('Owner: DE (Federal Chancellery)');
    // Done items leave the calendar; every demo meeting is in it.
    expect(byUid.has('action-ai-umerov@coalition-ledger')).toBe(false);
    expect(events.filter((event) => event.uid.startsWith('meeting-')).length).toBeGreaterThanOrEqual(8);
  });

  it('a calendar token opens the calendar only, and stops working when the password is reset', async () => {
    const { token } = JSON.parse((await asGermany({ method: 'GET', url: '/api/calendar/link' })).body) as { token: string };
    expect((await app.inject({ method: 'GET', url: `/api/follow-up?token=${token}` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/calendar.ics?token=${token.slice(0, -2)}xx` })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/calendar.ics' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: `/api/calendar.ics?token=${token}` })).statusCode).toBe(200);
    await services.accounts.resetPassword('delegate-de', 'admin');
    expect((await app.inject({ method: 'GET', url: `/api/calendar.ics?token=${token}` })).statusCode).toBe(401);
  });
});
