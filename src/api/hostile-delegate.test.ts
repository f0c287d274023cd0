import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import { readRecentAudit } from '../db/audit.repository.js';
import { deleteRecord } from '../db/record.repository.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// Issue 21, items 1–5: the attacks of a hostile delegate on other parties' pledges and on four-eyes
// approvals, each reproduced through the API on PGlite and PostgreSQL and refused at the service that owns the rule.

type Request = ReturnType<typeof injectAs>;

describeEachStore('a hostile delegate', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  const system = { name: 'setup' };
  const as = {} as Record<'de1' | 'de2' | 'fr' | 'gb' | 'coordinator' | 'analyst' | 'admin', Request>;
  const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
  const pledge = (id: string, party: string, extra: Record<string, unknown> = {}): StoredRecord =>
    ({ id, party, capability: 'land.personnel', quantity: { min: 100, max: 100 }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [], ...extra }) as unknown as StoredRecord;
  const pledges = () => entityByName('pledges') as EntityDefinition;
  const stored = async (id: string) => services.records.get(system, pledges(), id);
  const editable = async (request: Request, id: string) => {
    const { createdAt: _c, updatedAt: _u, ...record } = json((await request({ method: 'GET', url: `/api/pledges/${id}` })).body);
    return record;
  };

  beforeAll(async () => {
    services = createServices(suite.store());
    for (const party of ['DE', 'FR', 'GB']) await services.records.create(system, entityByName('parties') as EntityDefinition, makeParty(party));
    await services.records.create(system, entityByName('funds') as EntityDefinition, { id: 'fund-1', title: 'Fund', currency: 'EUR', sources: [] } as StoredRecord);
    await services.records.create(system, entityByName('sources') as EntityDefinition, { id: 'src-cell', publisher: 'Cell', date: '2026-01-01' } as StoredRecord);
    await services.records.create(system, pledges(), pledge('fr-1', 'FR'));
    await services.records.create(system, pledges(), pledge('fr-secret', 'FR', { confidentiality: 'restricted' }));
    await services.records.create(system, pledges(), pledge('de-1', 'DE'));
    app = await buildApp(services);
    as.de1 = injectAs(app, await addTestUser(services, 'de-one', 'delegate', 'DE'));
    as.de2 = injectAs(app, await addTestUser(services, 'de-two', 'delegate', 'DE'));
    as.fr = injectAs(app, await addTestUser(services, 'fr-one', 'delegate', 'FR'));
    as.gb = injectAs(app, await addTestUser(services, 'gb-one', 'delegate', 'GB'));
    as.coordinator = injectAs(app, await addTestUser(services, 'coord', 'coordinator'));
    as.analyst = injectAs(app, await addTestUser(services, 'analyst', 'analyst'));
    as.admin = injectAs(app, await addTestUser(services, 'admin', 'admin'));
  }, 60_000);
  afterAll(async () => {
    await app.close();
  });

  it('1: a pledge supersedes only its own party’s pledges; a hidden one reads exactly like a missing one', async () => {
    // The attack: DE's new pledge supersedes FR's public one, and every role's scenario then shows fr-1 inactive.
    const cross = await as.de1({ method: 'POST', url: '/api/pledges', payload: pledge('de-sup-fr1', 'DE', { supersedes: 'fr-1' }) });
    expect(cross.statusCode).toBe(403);
    expect(json(cross.body).error).toBe('auth.forbidden');
    expect((await as.de1({ method: 'GET', url: '/api/pledges/de-sup-fr1' })).statusCode).toBe(404);
    const scenario = json((await as.analyst({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: {} })).body) as { pledges: { id: string }[] };
    expect(scenario.pledges.map((item) => item.id)).toContain('fr-1');
    expect(JSON.stringify(scenario)).not.toContain('de-sup-fr1');
    // Through a PUT as well.
    const own = await editable(as.de1, 'de-1');
    expect((await as.de1({ method: 'PUT', url: '/api/pledges/de-1', payload: { ...own, supersedes: 'fr-1' } })).statusCode).toBe(403);
    // A restricted FR pledge DE cannot see: the same answer as an id that does not exist, and no suggestion.
    const answer = async (target: string, id: string) => {
      const response = await as.de1({ method: 'POST', url: '/api/pledges', payload: pledge(id, 'DE', { supersedes: target }) });
      return { status: response.statusCode, body: response.body.replaceAll(target, 'TARGET').replaceAll(id, 'ID') };
    };
    const hidden = await answer('fr-secret', 'de-sup-a');
    const missing = await answer('no-such-pledge', 'de-sup-b');
    expect(hidden.status).toBe(422);
    expect(hidden).toEqual(missing);
    expect(json(hidden.body).error).toBe('dataset.unknown_reference');
    const typo = await as.de1({ method: 'POST', url: '/api/pledges', payload: pledge('de-sup-c', 'DE', { supersedes: 'fr-secre' }) });
    expect(typo.statusCode).toBe(422);
    expect(typo.body).not.toContain('fr-secret');
    const put = await as.de1({ method: 'PUT', url: '/api/pledges/de-1', payload: { ...own, supersedes: 'fr-secret' } });
    const putMissing = await as.de1({ method: 'PUT', url: '/api/pledges/de-1', payload: { ...own, supersedes: 'no-such-pledge' } });
    expect(put.statusCode).toBe(422);
    expect(put.body.replaceAll('fr-secret', 'X')).toBe(putMissing.body.replaceAll('no-such-pledge', 'X'));
    expect((await stored('fr-secret')).version).toBe(1);
    expect((await stored('fr-1')).version).toBe(1);
    // Its own party's pledges: allowed, for visible and restricted ones alike.
    expect((await as.de1({ method: 'POST', url: '/api/pledges', payload: pledge('de-1b', 'DE', { supersedes: 'de-1' }) })).statusCode).toBe(201);
    expect((await as.fr({ method: 'POST', url: '/api/pledges', payload: pledge('fr-secret-2', 'FR', { supersedes: 'fr-secret', confidentiality: 'restricted' }) })).statusCode).toBe(201);
  });

  it('2: a confirmation names the revision it approves; a changed proposal is refused as stale, and audited', async () => {
    await services.records.create(system, pledges(), pledge('de-4e-swap', 'DE'));
    const record = await editable(as.de1, 'de-4e-swap');
    const first = await as.de1({ method: 'PUT', url: '/api/pledges/de-4e-swap', payload: { ...record, status: 'approved' } });
    expect(first.statusCode).toBe(202);
    const reviewed = json((await as.coordinator({ method: 'GET', url: '/api/pledges/de-4e-swap/approval' })).body) as { revision: string; record: { quantity: unknown } };
    expect(reviewed.record.quantity).toEqual({ min: 100, max: 100 });
    // The requester swaps the content after the review.
    const swapped = await as.de1({ method: 'PUT', url: '/api/pledges/de-4e-swap', payload: { ...record, status: 'approved', quantity: { min: 999999, max: 999999 } } });
    expect(swapped.statusCode).toBe(202);
    const revision = String(json(swapped.body).revision);
    expect(revision).not.toBe(reviewed.revision);
    const [audited] = await readRecentAudit(suite.store().db, 1);
    expect(audited).toMatchObject({ actor: 'de-one', entity: 'pledge-approvals', action: 'update', before: { revision: reviewed.revision }, after: { revision } });
    const confirm = await as.coordinator({ method: 'POST', url: '/api/pledges/de-4e-swap/approval', payload: { revision: reviewed.revision } });
    expect(confirm.statusCode).toBe(409);
    expect(json(confirm.body).error).toBe('approval.stale');
    expect(confirm.body).not.toContain('999999');
    expect((await stored('de-4e-swap')).record).toMatchObject({ status: 'committed', quantity: { min: 100, max: 100 } });
    // Confirming what is now proposed, after reviewing it, writes it.
    const confirmed = await as.coordinator({ method: 'POST', url: '/api/pledges/de-4e-swap/approval', payload: { revision } });
    expect(confirmed.statusCode).toBe(200);
    expect(json(confirmed.body)).toMatchObject({ status: 'approved', quantity: { min: 999999, max: 999999 } });
  });

  it('3: deleting, withdrawing or superseding a pledge cancels its request; a new pledge with the id is never touched', async () => {
    await services.records.create(system, pledges(), pledge('de-4e-13', 'DE'));
    const record = await editable(as.de1, 'de-4e-13');
    const asked = await as.de1({ method: 'PUT', url: '/api/pledges/de-4e-13', payload: { ...record, status: 'approved', confidentiality: 'restricted', note: 'DE private' } });
    expect(asked.statusCode).toBe(202);
    const revision = String(json(asked.body).revision);
    expect((await as.de1({ method: 'DELETE', url: '/api/pledges/de-4e-13?version=1' })).statusCode).toBe(200);
    const [cancelled] = await readRecentAudit(suite.store().db, 1);
    expect(cancelled).toMatchObject({ actor: 'de-one', entity: 'pledge-approvals', entityId: 'de-4e-13', action: 'delete', after: null });
    expect((await as.fr({ method: 'POST', url: '/api/pledges', payload: pledge('de-4e-13', 'FR') })).statusCode).toBe(201);
    expect((await as.coordinator({ method: 'GET', url: '/api/pledges/de-4e-13/approval' })).statusCode).toBe(404);
    expect((await as.coordinator({ method: 'POST', url: '/api/pledges/de-4e-13/approval', payload: { revision } })).statusCode).toBe(404);
    expect((await stored('de-4e-13')).record).toMatchObject({ party: 'FR', confidentiality: 'coalition', status: 'committed' });
    expect((await stored('de-4e-13')).record).not.toHaveProperty('note');

    // Withdrawing it (a write of the pledge) and superseding it cancel a request too.
    for (const [id, change] of [
      ['de-4e-w', async (current: Record<string, unknown>) => as.de2({ method: 'PUT', url: '/api/pledges/de-4e-w', payload: { ...current, status: 'withdrawn', withdrawnOn: '2026-02-01' } })],
      ['de-4e-s', async () => as.de2({ method: 'POST', url: '/api/pledges', payload: pledge('de-4e-s2', 'DE', { supersedes: 'de-4e-s' }) })],
    ] as const) {
      await services.records.create(system, pledges(), pledge(id, 'DE'));
      const current = await editable(as.de1, id);
      expect((await as.de1({ method: 'PUT', url: `/api/pledges/${id}`, payload: { ...current, status: 'approved' } })).statusCode).toBe(202);
      expect((await change(current)).statusCode).toBeLessThan(300);
      expect((await as.coordinator({ method: 'GET', url: `/api/pledges/${id}/approval` })).statusCode, id).toBe(404);
      const [entry] = await readRecentAudit(suite.store().db, 1);
      expect(entry).toMatchObject({ actor: 'de-two', entity: 'pledge-approvals', entityId: id, action: 'delete' });
    }
  });

  it('3: a request is bound to the record it was made for, even if that record vanished without a trace', async () => {
    await services.records.create(system, pledges(), pledge('de-4e-gone', 'DE'));
    const record = await editable(as.de1, 'de-4e-gone');
    const asked = await as.de1({ method: 'PUT', url: '/api/pledges/de-4e-gone', payload: { ...record, status: 'approved', note: 'DE proposal' } });
    expect(asked.statusCode).toBe(202);
    // Removed behind the services' back (a restore, a hand edit): the request row stays; a new record takes the id.
    await deleteRecord(suite.store().db, pledges(), 'de-4e-gone', 1);
    await services.records.create(system, pledges(), pledge('de-4e-gone', 'DE', { note: 'a new record' }));
    expect((await as.coordinator({ method: 'GET', url: '/api/pledges/de-4e-gone/approval' })).statusCode).toBe(404);
    expect((await as.coordinator({ method: 'POST', url: '/api/pledges/de-4e-gone/approval', payload: { revision: json(asked.body).revision } })).statusCode).toBe(404);
    expect((await stored('de-4e-gone')).record).toMatchObject({ status: 'committed', note: 'a new record' });
  });

  it('4: a delegate records its own part; another donor’s part counts once that donor confirms it', async () => {
    const url = '/api/contributions';
    const contribution = { id: 'de-fr-99', fund: 'fund-1', donors: [{ party: 'DE', share: 0.01 }, { party: 'FR', share: 0.99, confirmed: true }], amount: 100000, currency: 'EUR', date: '2026-01-01', sources: [] };
    const created = await as.de1({ method: 'POST', url, payload: contribution });
    expect(created.statusCode).toBe(201);
    expect(json(created.body).donors).toEqual([{ party: 'DE', share: 0.01, confirmed: true }, { party: 'FR', share: 0.99, confirmed: false }]);
    const allocation = async () => json((await as.coordinator({ method: 'GET', url: '/api/funds/fund-1/allocation?asOf=2026-12-31' })).body) as { allocation: { totals: { contributed: number }; donors: { party: string; total: number }[] }; unconfirmed: unknown[] };
    const before = await allocation();
    expect(before.allocation.totals.contributed).toBe(1000);
    expect(before.allocation.donors.map((donor) => donor.party)).toEqual(['DE']);
    expect(before.unconfirmed).toEqual([{ contribution: 'de-fr-99', party: 'FR', amount: 99000, currency: 'EUR' }]);
    const burden = async () => json((await as.coordinator({ method: 'GET', url: '/api/burden?currency=EUR&asOf=2026-12-31' })).body) as { rows: { party: string; purl: number }[] };
    expect((await burden()).rows.find((row) => row.party === 'FR')?.purl ?? 0).toBe(0);
    expect((await burden()).rows.find((row) => row.party === 'DE')?.purl).toBe(1000);
    // FR's part is unconfirmed: FR may confirm it, not change or delete DE's record; other parties may not confirm it.
    const current = async () => {
      const { createdAt: _c, updatedAt: _u, ...record } = json((await as.de1({ method: 'GET', url: `${url}/de-fr-99` })).body);
      return record;
    };
    const first = await current();
    expect((await as.fr({ method: 'PUT', url: `${url}/de-fr-99`, payload: { ...first, amount: 1 } })).statusCode).toBe(403);
    expect((await as.fr({ method: 'DELETE', url: `${url}/de-fr-99?version=1` })).statusCode).toBe(403);
    expect((await as.gb({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { version: 1 } })).statusCode).toBe(400);
    expect((await as.gb({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { party: 'FR', version: 1 } })).statusCode).toBe(403);
    expect((await as.de1({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { party: 'FR', version: 1 } })).statusCode).toBe(403);
    expect((await as.analyst({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { party: 'FR', version: 1 } })).statusCode).toBe(403);
    expect((await as.fr({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: {} })).statusCode).toBe(428);
    const confirmed = await as.fr({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { version: 1 } });
    expect(confirmed.statusCode).toBe(200);
    expect(json(confirmed.body)).toMatchObject({ version: 2, donors: [{ party: 'DE', confirmed: true }, { party: 'FR', confirmed: true }] });
    const [audited] = await readRecentAudit(suite.store().db, 1);
    expect(audited).toMatchObject({ actor: 'fr-one', entity: 'contributions', action: 'update' });
    expect((await allocation()).allocation.totals.contributed).toBe(100000);
    expect((await allocation()).unconfirmed).toEqual([]);
    // A change of the note keeps FR's confirmation; a change of the figures sets it back, whatever the body says.
    const second = await current();
    expect((await as.de1({ method: 'PUT', url: `${url}/de-fr-99`, payload: { ...second, note: 'wording' } })).statusCode).toBe(200);
    expect(json((await as.de1({ method: 'GET', url: `${url}/de-fr-99` })).body).donors).toEqual([{ party: 'DE', share: 0.01, confirmed: true }, { party: 'FR', share: 0.99, confirmed: true }]);
    const third = await current();
    const raised = await as.de1({ method: 'PUT', url: `${url}/de-fr-99`, payload: { ...third, amount: 900000 } });
    expect(raised.statusCode).toBe(200);
    expect(json(raised.body).donors).toEqual([{ party: 'DE', share: 0.01, confirmed: true }, { party: 'FR', share: 0.99, confirmed: false }]);
    expect((await allocation()).allocation.totals.contributed).toBe(9000);
    // A coordinator may confirm a donor's part, naming it.
    expect((await as.coordinator({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { version: 4 } })).statusCode).toBe(400);
    expect((await as.coordinator({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { party: 'FR', version: 3 } })).statusCode).toBe(409);
    expect((await as.coordinator({ method: 'POST', url: `${url}/de-fr-99/confirmation`, payload: { party: 'FR', version: 4 } })).statusCode).toBe(200);
    expect((await allocation()).allocation.totals.contributed).toBe(900000);
    // A contribution only in another party's name is refused as before.
    expect((await as.de1({ method: 'POST', url, payload: { ...contribution, id: 'de-only-fr', donors: [{ party: 'FR' }] } })).statusCode).toBe(403);
  });

  it('4: a source is changed and deleted only by a coordinator or a delegate of the party that created it', async () => {
    const created = await as.gb({ method: 'POST', url: '/api/sources', payload: { id: 'src-gb', publisher: 'GB MoD', date: '2026-01-01', owner: 'FR' } });
    expect(created.statusCode).toBe(201);
    expect(json(created.body).owner).toBe('GB');
    const source = { id: 'src-gb', publisher: 'GB MoD', date: '2026-01-01', owner: 'GB' };
    // The attack: FR rewrote GB's source.
    const rewrite = await as.fr({ method: 'PUT', url: '/api/sources/src-gb', payload: { ...source, publisher: 'rewritten by FR', owner: 'FR', version: 1 } });
    expect(rewrite.statusCode).toBe(403);
    expect((await as.fr({ method: 'DELETE', url: '/api/sources/src-gb?version=1' })).statusCode).toBe(403);
    expect((await as.fr({ method: 'PUT', url: '/api/sources/src-cell', payload: { id: 'src-cell', publisher: 'FR', date: '2026-01-01', version: 1 } })).statusCode).toBe(403);
    expect((await as.analyst({ method: 'PUT', url: '/api/sources/src-gb', payload: { ...source, version: 1 } })).statusCode).toBe(403);
    expect((await services.records.get(system, entityByName('sources') as EntityDefinition, 'src-gb')).record).toMatchObject({ publisher: 'GB MoD', owner: 'GB' });
    // Its own party and coordinators may; nobody can hand it to another party.
    const own = await as.gb({ method: 'PUT', url: '/api/sources/src-gb', payload: { ...source, quote: 'by GB', owner: 'FR', version: 1 } });
    expect(own.statusCode).toBe(200);
    expect(json(own.body).owner).toBe('GB');
    expect((await as.coordinator({ method: 'PUT', url: '/api/sources/src-gb', payload: { ...source, quote: 'by the cell', version: 2 } })).statusCode).toBe(200);
    expect((await as.coordinator({ method: 'PUT', url: '/api/sources/src-cell', payload: { id: 'src-cell', publisher: 'Cell 2', date: '2026-01-01', version: 1 } })).statusCode).toBe(200);
    expect((await as.gb({ method: 'DELETE', url: '/api/sources/src-gb?version=3' })).statusCode).toBe(200);
  });

  it('5: a pending proposal is shown only to those who may see the proposed version', async () => {
    await services.records.create(system, pledges(), pledge('de-4e-12', 'DE'));
    const record = await editable(as.de1, 'de-4e-12');
    const proposal = { ...record, status: 'approved', confidentiality: 'restricted', quantity: { min: 6543, max: 6543 }, note: 'MARK-private-proposal' };
    expect((await as.de1({ method: 'PUT', url: '/api/pledges/de-4e-12', payload: proposal })).statusCode).toBe(202);
    const missing = await as.analyst({ method: 'GET', url: '/api/pledges/de-1/approval' });
    for (const who of ['analyst', 'admin', 'fr', 'gb'] as const) {
      const response = await as[who]({ method: 'GET', url: '/api/pledges/de-4e-12/approval' });
      expect(response.statusCode, who).toBe(404);
      expect(response.body.replaceAll('de-4e-12', 'X'), who).toBe(missing.body.replaceAll('de-1', 'X'));
      const audit = await as[who]({ method: 'GET', url: '/api/audit?limit=500' });
      expect(audit.body, who).not.toContain('MARK-private-proposal');
      // Nor can they decide on it: the same not_found.
      expect((await as[who]({ method: 'POST', url: '/api/pledges/de-4e-12/approval', payload: { revision: 'f'.repeat(64) } })).statusCode, who).toBe(404);
      expect((await as[who]({ method: 'DELETE', url: '/api/pledges/de-4e-12/approval' })).statusCode, who).toBe(404);
    }
    for (const who of ['de2', 'coordinator'] as const) {
      const response = await as[who]({ method: 'GET', url: '/api/pledges/de-4e-12/approval' });
      expect(response.statusCode, who).toBe(200);
      expect(json(response.body).record).toMatchObject({ note: 'MARK-private-proposal' });
    }
    // A bilateral proposal is the coordinators' to see no more than the pledge would be.
    const bilateral = await as.de1({ method: 'PUT', url: '/api/pledges/de-4e-12', payload: { ...proposal, confidentiality: 'bilateral', sharedWith: ['GB'] } });
    expect(bilateral.statusCode).toBe(202);
    const revision = String(json(bilateral.body).revision);
    expect((await as.coordinator({ method: 'GET', url: '/api/pledges/de-4e-12/approval' })).statusCode).toBe(404);
    expect((await as.coordinator({ method: 'POST', url: '/api/pledges/de-4e-12/approval', payload: { revision } })).statusCode).toBe(404);
    expect((await as.gb({ method: 'GET', url: '/api/pledges/de-4e-12/approval' })).statusCode).toBe(200);
    expect((await as.de2({ method: 'POST', url: '/api/pledges/de-4e-12/approval', payload: { revision } })).statusCode).toBe(200);
  });
});
