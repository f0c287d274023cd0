import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import type { Principal } from '../core/access/principal.js';
import type { Pledge } from '../core/types.js';
import type { Contribution } from '../contracts/records.schema.js';
import { factEntity, partyEntity, pledgeEntity, sourceEntity } from '../db/entities/dataset-entities.js';
import { contributionEntity, fundEntity } from '../db/entities/funding-entities.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// Error details never name a record the caller may not see (issue 21, item 7). Reproduced: an admin's
// `DELETE /api/parties/FR` listed `pledges/de-sec-b.sharedWith[0]`; a coordinator's `DELETE /api/facts/mandate.GB`
// listed a bilateral pledge's condition; FR's `DELETE /api/sources/src-gb-secret` named
// `pledges/gb-sec-b3.sources[0]`; `/api/access-denials` told an admin which hidden ids exist. Now the visible
// referrers are listed and the others counted ("referenced by N records you cannot see"). On PGlite and PostgreSQL.

type Caller = 'admin' | 'coordinator' | 'fr' | 'de' | 'gb';
interface ErrorBody {
  error: string;
  details: { problems?: { path: string; message: string }[]; [key: string]: unknown };
}

describeEachStore('error details name only records the caller may see', (suite) => {
  let services: Services;
  let app: FastifyInstance;
  const as = {} as Record<Caller, ReturnType<typeof injectAs>>;
  const system = { name: 'setup' };
  const french: Principal = { kind: 'user', userId: 'fr', name: 'ed-fr-setup', role: 'delegate', party: 'FR' };
  const pledge = (id: string, party: string, confidentiality: Pledge['confidentiality'], extra: Partial<Pledge> = {}): Pledge => ({
    id, party, capability: 'land.personnel', quantity: { min: 100, max: 100 }, areas: ['any'], status: 'offered', confidentiality, condition: 'true', sources: [], ...extra,
  });
  const contribution = (id: string, party: string, confidentiality: Contribution['confidentiality'], extra: Partial<Contribution> = {}): Contribution => ({
    id, fund: 'fund-1', donors: [{ party }], amount: 100, currency: 'EUR', date: '2026-01-01', status: 'pledged', confidentiality, sources: [], ...extra,
  });
  const problemsOf = (body: string) => (JSON.parse(body) as ErrorBody).details.problems ?? [];
  const paths = (body: string) => problemsOf(body).map((problem) => problem.path);

  beforeAll(async () => {
    services = createServices(suite.store());
    for (const party of ['FR', 'DE', 'GB', 'PL', 'IT']) await services.records.create(system, partyEntity, makeParty(party));
    await services.records.create(system, factEntity, { id: 'mandate.GB', value: 'unknown', sources: [] });
    await services.records.create(french, sourceEntity, { id: 'src-gb-secret', publisher: 'Test', date: '2026-01-01' });
    await services.records.create(system, fundEntity, { id: 'fund-1', title: 'Fund', currency: 'EUR', sources: [] });
    await services.records.create(system, pledgeEntity, pledge('fr-1', 'FR', 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-secret', 'FR', 'restricted'));
    await services.records.create(system, pledgeEntity, pledge('de-sec-b', 'DE', 'bilateral', { sharedWith: ['FR'] }));
    await services.records.create(system, pledgeEntity, pledge('de-mandate', 'DE', 'restricted', { condition: 'mandate.GB' }));
    await services.records.create(system, pledgeEntity, pledge('gb-bilateral-mandate', 'GB', 'bilateral', { condition: 'mandate.GB', sharedWith: ['DE'] }));
    await services.records.create(system, pledgeEntity, pledge('gb-sec-b3', 'GB', 'restricted', { sources: ['src-gb-secret'] }));
    await services.records.create(system, pledgeEntity, pledge('fr-cites', 'FR', 'coalition', { sources: ['src-gb-secret'] }));
    await services.records.create(system, contributionEntity, contribution('c-pl-open', 'PL', 'coalition'));
    await services.records.create(system, contributionEntity, contribution('c-pl-secret', 'PL', 'restricted'));
    await services.records.create(system, contributionEntity, contribution('c-it-bilateral', 'IT', 'bilateral', { sharedWith: ['DE'] }));
    app = await buildApp(services);
    const users: Record<Caller, [string, 'admin' | 'coordinator' | 'delegate', string?]> = {
      admin: ['ed-admin', 'admin'],
      coordinator: ['ed-coordinator', 'coordinator'],
      fr: ['ed-fr', 'delegate', 'FR'],
      de: ['ed-de', 'delegate', 'DE'],
      gb: ['ed-gb', 'delegate', 'GB'],
    };
    for (const [caller, [name, role, party]] of Object.entries(users)) as[caller as Caller] = injectAs(app, await addTestUser(services, name, role, party));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it("lists the visible records a party's deletion would break and counts the others", async () => {
    const response = await as.admin({ method: 'DELETE', url: '/api/parties/FR?version=1' });
    expect(response.statusCode).toBe(422);
    expect(response.body).not.toContain('de-sec-b');
    expect(response.body).not.toContain('fr-secret');
    // The source FR's delegate created is FR's (its owner) and is listed too.
    expect(paths(response.body)).toEqual(['sources/src-gb-secret.owner', 'pledges/fr-1.party', 'pledges/fr-cites.party', '(record)']);
    expect(problemsOf(response.body).at(-1)?.message).toBe('referenced by 2 records you cannot see');
  });

  it('counts the hidden referrers outside the dataset too (contributions of a party, of a fund)', async () => {
    const party = await as.admin({ method: 'DELETE', url: '/api/parties/PL?version=1' });
    expect(party.statusCode).toBe(422);
    expect(party.body).not.toContain('c-pl-secret');
    expect(problemsOf(party.body)).toEqual([
      { path: 'contributions/c-pl-open.donors', message: "party 'PL' is still referenced by contributions 'c-pl-open'" },
      { path: '(record)', message: 'referenced by 1 record you cannot see' },
    ]);
    const fund = await as.coordinator({ method: 'DELETE', url: '/api/funds/fund-1?version=1' });
    expect(fund.statusCode).toBe(422);
    expect(fund.body).not.toContain('c-it-bilateral');
    expect(paths(fund.body)).toEqual(['contributions/c-pl-open.fund', 'contributions/c-pl-secret.fund', '(record)']);
  });

  it("does not name a bilateral pledge's condition to a coordinator deleting a fact", async () => {
    const response = await as.coordinator({ method: 'DELETE', url: '/api/facts/mandate.GB?version=1' });
    expect(response.statusCode).toBe(422);
    expect(response.body).not.toContain('gb-bilateral-mandate');
    expect(paths(response.body)).toEqual(['pledges/de-mandate.condition', '(record)']);
  });

  it("does not name another party's restricted pledge to a delegate deleting a source", async () => {
    const response = await as.fr({ method: 'DELETE', url: '/api/sources/src-gb-secret?version=1' });
    expect(response.statusCode).toBe(422);
    expect(response.body).not.toContain('gb-sec-b3');
    expect(paths(response.body)).toEqual(['pledges/fr-cites.sources[0]', '(record)']);
    expect(problemsOf(response.body).at(-1)?.message).toBe('referenced by 1 record you cannot see');
    // GB sees its own pledge, not FR's: both are coalition or its own.
    const british = await as.gb({ method: 'DELETE', url: '/api/sources/src-gb-secret?version=1' });
    expect(british.body).not.toContain('referenced by');
  });

  it('never suggests a hidden id, and a taken hidden id is a bare 409', async () => {
    const suggested = await as.de({ method: 'POST', url: '/api/pledges', payload: pledge('de-new', 'DE', 'coalition', { supersedes: 'fr-secre' }) });
    expect(suggested.statusCode).toBeGreaterThanOrEqual(400);
    expect(suggested.body).not.toContain('fr-secret');
    const taken = await as.de({ method: 'POST', url: '/api/pledges', payload: pledge('fr-secret', 'DE', 'coalition') });
    expect(taken.statusCode).toBe(409);
    expect((JSON.parse(taken.body) as ErrorBody).details).toEqual({ problems: [] });
  });

  it('keeps hidden ids out of the log of refused attempts that an admin reads', async () => {
    expect((await as.de({ method: 'GET', url: '/api/pledges/fr-secret' })).statusCode).toBe(404);
    expect((await as.de({ method: 'PUT', url: '/api/pledges/gb-sec-b3', payload: { ...pledge('gb-sec-b3', 'GB', 'restricted'), version: 1 } })).statusCode).toBe(404);
    expect((await as.de({ method: 'PUT', url: '/api/pledges/fr-1', payload: { ...pledge('fr-1', 'FR', 'coalition'), version: 1 } })).statusCode).toBe(403);
    expect((await as.de({ method: 'GET', url: '/api/contributions/c-pl-secret' })).statusCode).toBe(404);
    // A hidden pledge deleted since stays unnamed (judged as it was last).
    await services.records.remove(system, pledgeEntity, 'gb-sec-b3', 1);
    expect((await as.de({ method: 'GET', url: '/api/pledges/gb-sec-b3/history' })).statusCode).toBe(404);
    const denials = (await as.admin({ method: 'GET', url: '/api/access-denials?limit=50' })).json() as { items: { actor: string; action: string; entity: string; entityId: string | null; reason: string }[] };
    const body = JSON.stringify(denials);
    for (const id of ['fr-secret', 'gb-sec-b3', 'c-pl-secret']) expect(body).not.toContain(id);
    expect(denials.items.slice(0, 5).map((item) => [item.entity, item.entityId])).toEqual([
      ['pledges', null],
      ['contributions', null],
      ['pledges', 'fr-1'],
      ['pledges', null],
      ['pledges', null],
    ]);
    // The delegate of GB (not an admin) may not read the log; the system (CLI) sees every id.
    expect((await as.gb({ method: 'GET', url: '/api/access-denials' })).statusCode).toBe(403);
    expect(JSON.stringify(await services.access.denials(system, 10))).toContain('fr-secret');
  });
});
