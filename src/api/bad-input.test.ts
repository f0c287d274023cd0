import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import { readAuditHead } from '../db/audit.repository.js';
import { countIngestProposals } from '../db/ingest-proposal.repository.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// Issue 21 item 9 and 11: input that PostgreSQL cannot store (the NUL character, lone surrogates, the date
// 0000-01-01) and over-long free text are refused at the edge with a 400 naming the field, on PGlite and
// PostgreSQL — they used to reach the database and come back as 500 {"error":"internal"}.

const PLEDGE = { id: 'de-bad', party: 'DE', capability: 'land.personnel', quantity: 5, condition: 'true' };
const SOURCE = { id: 'src-bad', publisher: 'Bundesregierung', date: '2025-01-06' };

describeEachStore('bad input at the edge', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let as: ReturnType<typeof injectAs>;
  let asDelegate: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    services = createServices(suite.store());
    await services.records.create({ name: 'setup' }, entityByName('parties') as EntityDefinition, makeParty('DE'));
    as = injectAs((app = await buildApp(services)), await addTestUser(services, 'bad-input-coordinator', 'coordinator'));
    asDelegate = injectAs(app, await addTestUser(services, 'bad-input-delegate', 'delegate', 'DE'));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const problemsOf = (body: string): { path: string; message: string }[] => (JSON.parse(body) as { details: { problems: { path: string; message: string }[] } }).details.problems;

  async function expectRefused(request: Parameters<typeof as>[0], path: string, message: RegExp): Promise<void> {
    const head = await readAuditHead(suite.store().db);
    const response = await as(request);
    expect(response.statusCode, response.body).toBe(400);
    expect(JSON.parse(response.body)).toMatchObject({ error: 'input.invalid' });
    expect(problemsOf(response.body)).toContainEqual({ path, message: expect.stringMatching(message) });
    expect(await readAuditHead(suite.store().db)).toEqual(head);
  }

  it('refuses the NUL character in a text field of a body, naming the field', async () => {
    await expectRefused({ method: 'POST', url: '/api/pledges', payload: { ...PLEDGE, note: 'a\u0000b' } }, 'body.note', /NUL/);
    await expectRefused({ method: 'POST', url: '/api/sources', payload: { ...SOURCE, publisher: 'x\u0000' } }, 'body.publisher', /NUL/);
    await expectRefused({ method: 'POST', url: '/api/sources', payload: { ...SOURCE, url: 'https://example.org/\u0000' } }, 'body.url', /NUL/);
    await expectRefused({ method: 'POST', url: '/api/meetings', payload: { id: 'm-1', date: '2025-01-06', format: 'leaders', title: '\u0000' } }, 'body.title', /NUL/);
  });

  it('refuses a lone surrogate (not Unicode; jsonb refuses it) naming the field', async () => {
    const payload = `{"id":"de-bad","party":"DE","capability":"land.personnel","quantity":5,"note":"x\\ud800y"}`;
    await expectRefused({ method: 'POST', url: '/api/pledges', payload, headers: { 'content-type': 'application/json' } }, 'body.note', /lone surrogate/);
  });

  // The URL parser takes a lone surrogate in a path, so a URL field needs the same refusal as text: a URL given
  // to POST /api/ingest reached the stored proposals' jsonb and came back as 500 {"error":"internal"}.
  it('refuses a URL holding a lone surrogate naming the field, and keeps nothing', async () => {
    const json = (body: string) => ({ payload: body, headers: { 'content-type': 'application/json' } });
    const proposalsBefore = await countIngestProposals(suite.store().db);
    await expectRefused({ method: 'POST', url: '/api/ingest', ...json('{"text":"Germany pledges 100 soldiers.","language":"en","url":"https://example.org/a\\ud800"}') }, 'body.url', /lone surrogate/);
    await expectRefused({ method: 'POST', url: '/api/sources', ...json('{"id":"src-sur","publisher":"P","date":"2025-01-06","url":"https://example.org/\\udc00"}') }, 'body.url', /lone surrogate/);
    const ingested = await as({ method: 'POST', url: '/api/ingest', payload: { text: 'Germany pledges 100 soldiers.', language: 'en' } });
    expect(ingested.statusCode, ingested.body).toBe(200);
    const { id } = JSON.parse(ingested.body) as { id: string };
    const accept = json('{"items":[{"index":0}],"source":{"url":"https://example.org/b\\ud800"}}');
    await expectRefused({ method: 'POST', url: `/api/ingest/${id}/accept`, ...accept }, 'body.source.url', /lone surrogate/);
    expect(await countIngestProposals(suite.store().db)).toBe(proposalsBefore + 1);
  });

  it('refuses the NUL character in a filter value of a list query, naming the parameter', async () => {
    await expectRefused({ method: 'GET', url: '/api/pledges?party=D%00E' }, 'querystring.party', /NUL/);
    await expectRefused({ method: 'GET', url: '/api/contributions?fund=%00' }, 'querystring.fund', /NUL/);
  });

  it('refuses the NUL character in a login name, naming the field', async () => {
    const response = await app.inject({ method: 'POST', url: '/api/session', payload: { name: 'demo\u0000', password: 'not-the-password' } });
    expect(response.statusCode, response.body).toBe(400);
    expect(problemsOf(response.body)).toContainEqual({ path: 'body.name', message: expect.stringMatching(/NUL/) });
  });

  it('refuses dates PostgreSQL cannot store or that are not real days, naming the field', async () => {
    await expectRefused({ method: 'POST', url: '/api/sources', payload: { ...SOURCE, date: '0000-01-01' } }, 'body.date', /from 1900-01-01 to 9999-12-31/);
    await expectRefused({ method: 'POST', url: '/api/pledges', payload: { ...PLEDGE, announcedOn: '0000-01-01' } }, 'body.announcedOn', /from 1900-01-01/);
    await expectRefused({ method: 'POST', url: '/api/pledges', payload: { ...PLEDGE, window: { from: '1899-12-31' } } }, 'body.window.from', /from 1900-01-01/);
    await expectRefused({ method: 'POST', url: '/api/sources', payload: { ...SOURCE, date: '99999-01-01' } }, 'body.date', /YYYY-MM-DD/);
    await expectRefused({ method: 'POST', url: '/api/sources', payload: { ...SOURCE, date: '2025-02-30' } }, 'body.date', /YYYY-MM-DD/);
    await expectRefused({ method: 'GET', url: '/api/pledges?asOf=0000-01-01' }, 'querystring.asOf', /from 1900-01-01/);
    await expectRefused({ method: 'GET', url: '/api/coverage?asOf=0000-01-01' }, 'querystring.asOf', /from 1900-01-01/);
    await expectRefused({ method: 'POST', url: '/api/scenarios/evaluate', payload: { asOf: '0000-01-01' } }, 'body.asOf', /from 1900-01-01/);
    await expectRefused({ method: 'GET', url: '/api/rates?date=0000-01-01' }, 'querystring.date', /from 1900-01-01/);
  });

  it('refuses free text over 10,000 characters naming the field, and takes 10,000', async () => {
    await expectRefused({ method: 'POST', url: '/api/pledges', payload: { ...PLEDGE, note: 'x'.repeat(70_000) } }, 'body.note', /at most 10,000 characters/);
    await expectRefused({ method: 'POST', url: '/api/funds', payload: { id: 'f-1', title: 't', currency: 'EUR', description: 'y'.repeat(10_001) } }, 'body.description', /at most 10,000/);
    const created = await asDelegate({ method: 'POST', url: '/api/pledges', payload: { ...PLEDGE, id: 'de-long', note: 'x'.repeat(10_000) } });
    expect(created.statusCode, created.body).toBe(201);
  });

  it('the dates at both ends of the range are stored and read back', async () => {
    for (const [id, date] of [['src-first', '1900-01-01'], ['src-last', '9999-12-31']] as const) {
      const created = await as({ method: 'POST', url: '/api/sources', payload: { ...SOURCE, id, date } });
      expect(created.statusCode, created.body).toBe(201);
      expect(JSON.parse((await as({ method: 'GET', url: `/api/sources/${id}` })).body)).toMatchObject({ date });
    }
  });
});
