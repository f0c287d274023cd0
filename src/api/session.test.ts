import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import { readAuditHead, readRecentAudit } from '../db/audit.repository.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { DEMO_ACCOUNTS, ensureDemoUsers } from '../services/access/demo-users.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';
import { CONTENT_SECURITY_POLICY } from './security-headers.js';

// Logins and sessions (cookie, CSRF, logout, lockout), API tokens, demo accounts, four-eyes approval,
// security headers and the public summary, through app.inject() on PGlite and PostgreSQL.

describeEachStore('sessions and approvals', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  const system = { name: 'setup' };
  const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
  const pledge = (id: string, extra: Record<string, unknown> = {}): StoredRecord =>
    ({ id, party: 'DE', capability: 'land.personnel', quantity: { min: 100, max: 100 }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [], ...extra }) as unknown as StoredRecord;

  beforeAll(async () => {
    services = createServices(suite.store());
    for (const party of ['DE', 'FR']) await services.records.create(system, entityByName('parties') as EntityDefinition, makeParty(party));
    await services.records.create(system, entityByName('pledges') as EntityDefinition, pledge('de-1'));
    await services.records.create(system, entityByName('pledges') as EntityDefinition, pledge('de-2'));
    await ensureDemoUsers(suite.store(), services.accounts);
    app = await buildApp(services, { demoAccounts: DEMO_ACCOUNTS });
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  const login = async (name: string, password: string, ip = '10.0.0.1') => app.inject({ method: 'POST', url: '/api/session', payload: { name, password }, remoteAddress: ip });
  const cookieOf = (response: { headers: Record<string, unknown> }) => String(response.headers['set-cookie']).split(';')[0] as string;

  it('logs in with a cookie session; writes need the CSRF token; logout ends the session', async () => {
    const response = await login('demo-delegate-de', 'demo-delegate-de-password');
    expect(response.statusCode).toBe(200);
    const body = json(response.body) as { user: unknown; csrfToken: string };
    expect(body.user).toEqual({ name: 'demo-delegate-de', role: 'delegate', party: 'DE' });
    const setCookie = String(response.headers['set-cookie']);
    expect(setCookie).toMatch(/^cl_session=[\w-]+; HttpOnly; SameSite=Strict; Path=\/; Max-Age=\d+/);
    const cookie = cookieOf(response);
    const me = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(json(me.body)).toEqual(body);
    const read = await app.inject({ method: 'GET', url: '/api/pledges/de-1', headers: { cookie } });
    expect(read.statusCode).toBe(200);
    const { createdAt: _c, updatedAt: _u, ...record } = json(read.body);
    const put = { method: 'PUT' as const, url: '/api/pledges/de-1', payload: { ...record, note: 'by cookie' } };
    const before = await readAuditHead(suite.store().db);
    expect(json((await app.inject({ ...put, headers: { cookie } })).body).error).toBe('auth.csrf');
    expect((await app.inject({ ...put, headers: { cookie, 'x-csrf-token': 'wrong' } })).statusCode).toBe(403);
    expect(await readAuditHead(suite.store().db)).toEqual(before);
    expect((await app.inject({ ...put, headers: { cookie, 'x-csrf-token': body.csrfToken } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie } })).statusCode).toBe(403);
    const logout = await app.inject({ method: 'DELETE', url: '/api/session', headers: { cookie, 'x-csrf-token': body.csrfToken } });
    expect(logout.statusCode).toBe(204);
    expect(String(logout.headers['set-cookie'])).toContain('Max-Age=0');
    const after = await app.inject({ method: 'GET', url: '/api/session', headers: { cookie } });
    expect(after.statusCode).toBe(401);
    expect(json(after.body).error).toBe('auth.required');
  });

  it('wrong credentials get the same answer whether the user exists or not; repeated failures lock out with 429', async () => {
    const unknown = await login('nobody-here', 'whatever-password', '10.0.0.2');
    const wrong = await login('demo-analyst', 'not-the-password', '10.0.0.2');
    expect(unknown.statusCode).toBe(401);
    expect(wrong.statusCode).toBe(401);
    expect(json(unknown.body)).toEqual(json(wrong.body));
    expect(json(wrong.body).error).toBe('auth.invalid_credentials');
    for (let i = 0; i < 4; i++) await login('demo-analyst', 'not-the-password', '10.0.0.3');
    const locked = await login('demo-analyst', 'demo-analyst-password', '10.0.0.4');
    expect(locked.statusCode).toBe(429);
    expect(json(locked.body)).toMatchObject({ error: 'auth.locked' });
    expect(String(json(locked.body).message)).toMatch(/try again in \d+ minute/);
    expect(Number(locked.headers['retry-after'])).toBeGreaterThan(0);
    // The same for a name that does not exist: the lockout tells nothing about existence.
    for (let i = 0; i < 5; i++) await login('ghost-user', 'not-the-password', '10.0.0.5');
    expect((await login('ghost-user', 'not-the-password', '10.0.0.6')).statusCode).toBe(429);
  });

  it('API tokens authenticate without CSRF; a bad token and a disabled user are refused', async () => {
    const token = await addTestUser(services, 'script-user', 'coordinator');
    const as = injectAs(app, token);
    expect(json((await as({ method: 'GET', url: '/api/session' })).body)).toEqual({ user: { name: 'script-user', role: 'coordinator', party: null }, csrfToken: '' });
    const fact = await as({ method: 'POST', url: '/api/facts', payload: { id: 'ceasefire', value: 'unknown', sources: [] } });
    expect(fact.statusCode).toBe(201);
    expect((await injectAs(app, 'clt_not-a-real-token')({ method: 'GET', url: '/api/facts' })).statusCode).toBe(401);
    await services.accounts.disable('script-user', 'test');
    expect((await as({ method: 'GET', url: '/api/facts' })).statusCode).toBe(401);
  });

  it('offers the demo accounts only when configured, and only those that exist', async () => {
    const accounts = json((await app.inject({ method: 'GET', url: '/api/session/demo-accounts' })).body) as unknown as { name: string }[];
    expect(accounts.map((account) => account.name)).toEqual(DEMO_ACCOUNTS.map((account) => account.name));
    // demo-analyst is locked out by the test before.
    for (const account of DEMO_ACCOUNTS.filter((entry) => entry.name !== 'demo-analyst')) expect((await login(account.name, account.password, '10.0.1.1')).statusCode).toBe(200);
    const plain = await buildApp(services);
    expect((await plain.inject({ method: 'GET', url: '/api/session/demo-accounts' })).body).toBe('[]');
    await plain.close();
  });

  it('four-eyes: approval needs a second person; both are in the audit log', async () => {
    const first = injectAs(app, await addTestUser(services, 'de-first', 'delegate', 'DE'));
    const second = injectAs(app, await addTestUser(services, 'de-second', 'delegate', 'DE'));
    const french = injectAs(app, await addTestUser(services, 'fr-delegate', 'delegate', 'FR'));
    const coordinator = injectAs(app, await addTestUser(services, 'coord-2', 'coordinator'));
    const { createdAt: _c, updatedAt: _u, ...record } = json((await first({ method: 'GET', url: '/api/pledges/de-2' })).body);
    const created = await first({ method: 'POST', url: '/api/pledges', payload: pledge('de-3', { status: 'approved' }) });
    expect(created.statusCode).toBe(422);
    expect(json(created.body).error).toBe('approval.required');
    const inconsistent = await first({ method: 'PUT', url: '/api/pledges/de-2', payload: { ...record, status: 'approved', confidentiality: 'bilateral', sharedWith: ['XX'] } });
    expect(inconsistent.statusCode).toBe(422);
    expect((await first({ method: 'GET', url: '/api/pledges/de-2/approval' })).statusCode).toBe(404);
    const requested = await first({ method: 'PUT', url: '/api/pledges/de-2', payload: { ...record, status: 'approved' } });
    expect(requested.statusCode).toBe(202);
    expect(json(requested.body)).toMatchObject({ pledge: 'de-2', baseVersion: 1, requestedBy: 'de-first' });
    expect(json((await first({ method: 'GET', url: '/api/pledges/de-2' })).body).status).toBe('committed');
    const revision = String(json(requested.body).revision);
    expect(revision).toMatch(/^[0-9a-f]{64}$/);
    expect(json((await second({ method: 'GET', url: '/api/pledges/de-2/approval' })).body).revision).toBe(revision);
    expect((await second({ method: 'POST', url: '/api/pledges/de-2/approval' })).statusCode).toBe(400);
    const self = await first({ method: 'POST', url: '/api/pledges/de-2/approval', payload: { revision } });
    expect(self.statusCode).toBe(403);
    expect(json(self.body).error).toBe('approval.same_person');
    expect((await french({ method: 'POST', url: '/api/pledges/de-2/approval', payload: { revision } })).statusCode).toBe(403);
    const confirmed = await second({ method: 'POST', url: '/api/pledges/de-2/approval', payload: { revision } });
    expect(confirmed.statusCode).toBe(200);
    expect(json(confirmed.body)).toMatchObject({ status: 'approved', version: 2 });
    const entries = await readRecentAudit(suite.store().db, 3);
    expect(entries.map((entry) => [entry.actor, entry.entity, entry.action])).toEqual([
      ['de-second', 'pledge-approvals', 'update'],
      ['de-second', 'pledges', 'update'],
      ['de-first', 'pledge-approvals', 'create'],
    ]);
    expect(entries[0]?.after).toMatchObject({ requestedBy: 'de-first', confirmedBy: 'de-second' });
    expect((await second({ method: 'GET', url: '/api/pledges/de-2/approval' })).statusCode).toBe(404);
    // A coordinator may confirm too; a change of the pledge in between cancels the request (audited).
    const { createdAt: _c1, updatedAt: _u1, ...one } = json((await first({ method: 'GET', url: '/api/pledges/de-1' })).body);
    const asked = await first({ method: 'PUT', url: '/api/pledges/de-1', payload: { ...one, status: 'approved' } });
    expect(asked.statusCode).toBe(202);
    expect((await second({ method: 'PUT', url: '/api/pledges/de-1', payload: { ...one, note: 'changed meanwhile' } })).statusCode).toBe(200);
    const cancelled = await readRecentAudit(suite.store().db, 1);
    expect(cancelled.map((entry) => [entry.actor, entry.entity, entry.action, entry.after])).toEqual([['de-second', 'pledge-approvals', 'delete', null]]);
    expect((await coordinator({ method: 'POST', url: '/api/pledges/de-1/approval', payload: { revision: json(asked.body).revision } })).statusCode).toBe(404);
    expect((await coordinator({ method: 'GET', url: '/api/pledges/de-1/approval' })).statusCode).toBe(404);
    const { createdAt: _c2, updatedAt: _u2, ...again } = json((await first({ method: 'GET', url: '/api/pledges/de-1' })).body);
    const askedAgain = await first({ method: 'PUT', url: '/api/pledges/de-1', payload: { ...again, status: 'approved' } });
    expect(askedAgain.statusCode).toBe(202);
    expect((await coordinator({ method: 'POST', url: '/api/pledges/de-1/approval', payload: { revision: json(askedAgain.body).revision } })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/audit/verify', headers: { authorization: `Bearer ${await services.accounts.issueToken('coord-2')}` } })).json()).toMatchObject({ ok: true });
  });

  it('logs refused attempts (who, what, when) for admins', async () => {
    const admin = injectAs(app, await addTestUser(services, 'admin-1', 'admin'));
    expect((await admin({ method: 'POST', url: '/api/pledges', payload: pledge('de-9') })).statusCode).toBe(403);
    const denials = json((await admin({ method: 'GET', url: '/api/access-denials?limit=5' })).body).items as { actor: string; action: string; entity: string; entityId: string }[];
    expect(denials[0]).toMatchObject({ actor: 'admin-1 (admin)', action: 'create', entity: 'pledges', entityId: 'de-9' });
    await login('demo-admin', 'a-wrong-password', '10.9.9.9');
    const failed = json((await admin({ method: 'GET', url: '/api/access-denials?limit=1' })).body).items as unknown[];
    expect(failed[0]).toMatchObject({ actor: 'demo-admin', action: 'login', entity: 'session', entityId: '10.9.9.9', reason: 'wrong name or password' });
  });

  it('sends security headers; the public summary needs no login', async () => {
    await services.publicReleases.publishInitial(system, 'first');
    const response = await app.inject({ method: 'GET', url: '/public/summary' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect(CONTENT_SECURITY_POLICY).toContain("frame-ancestors 'none'");
    expect(CONTENT_SECURITY_POLICY).toContain("script-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(json(response.body)).toMatchObject({ rule: { minParties: 3, maxShare: 0.85 } });
    expect((await app.inject({ method: 'GET', url: '/docs/' })).statusCode).toBeLessThan(400);
  });
});

