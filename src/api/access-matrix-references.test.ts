import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../test/support/auth.js';
import { makeParty, openTestStore, type TestStore } from '../../test/support/stores.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import { entityByName } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import { createServices, type Services } from '../services/create-services.js';
import { buildApp } from './app.js';

// The authorisation matrix for writes through reference fields (issue 21), generated: every write that names
// another record — a pledge's `supersedes`, `sharedWith` and condition parties, a contribution's donors and
// their confirmation, a source's owner, a pending proposal's confidentiality — × role × own/other party ×
// visibility of the referenced record. The expected outcome comes from the policy as stated here; every case
// also asserts that France's records are unchanged unless France (or, for sources, a coordinator) wrote them,
// that no response carries a marker of a record the caller may not see, and that a reference to a hidden
// record is answered exactly like one to a missing record. The companion of access-matrix.test.ts (reads).

type Who = 'admin' | 'coordinator' | 'delegate-own' | 'delegate-other' | 'delegate-partner' | 'analyst';
const WHO: Record<Who, { role: 'admin' | 'coordinator' | 'delegate' | 'analyst'; party?: string }> = {
  admin: { role: 'admin' },
  coordinator: { role: 'coordinator' },
  'delegate-own': { role: 'delegate', party: 'FR' },
  'delegate-other': { role: 'delegate', party: 'DE' },
  'delegate-partner': { role: 'delegate', party: 'GB' },
  analyst: { role: 'analyst' },
};
const WHOS = Object.keys(WHO) as Who[];
const LEVELS = ['public', 'coalition', 'restricted', 'bilateral'] as const;
type Level = (typeof LEVELS)[number];

// The policy, stated independently: the referenced records are France's; bilateral ones are shared with GB.
function maySee(who: Who, level: Level): boolean {
  if (level === 'public' || level === 'coalition') return true;
  if (level === 'restricted') return who === 'coordinator' || who === 'delegate-own';
  return who === 'delegate-own' || who === 'delegate-partner';
}
const partyOf = (who: Who): string | undefined => WHO[who].party;
const marker = (id: string) => `MARK-${id}`;

describe('authorisation matrix: writes through reference fields', () => {
  let test: TestStore;
  let services: Services;
  let app: FastifyInstance;
  const as = {} as Record<Who, ReturnType<typeof injectAs>>;
  const system = { name: 'matrix-setup' };
  let cases = 0;
  const entity = (name: string) => entityByName(name) as EntityDefinition;
  const json = (body: string) => JSON.parse(body) as Record<string, unknown>;
  const pledge = (id: string, party: string, extra: Record<string, unknown> = {}): StoredRecord =>
    ({ id, party, capability: 'land.personnel', quantity: { min: 1234, max: 1234 }, areas: ['any'], status: 'offered', confidentiality: 'coalition', condition: 'true', sources: ['src-1'], ...extra }) as unknown as StoredRecord;
  const contribution = (id: string, donors: unknown[], extra: Record<string, unknown> = {}): StoredRecord =>
    ({ id, fund: 'fund-1', donors, amount: 1000, currency: 'EUR', date: '2026-01-01', status: 'pledged', confidentiality: 'coalition', sources: [], ...extra }) as unknown as StoredRecord;
  const hiddenMarkers = (who: Who): string[] => LEVELS.filter((level) => !maySee(who, level)).map((level) => marker(`p-${level}`));
  const expectNoLeak = (who: Who, label: string, body: string) => {
    for (const mark of hiddenMarkers(who)) expect(body, `${label}: ${who} must not see ${mark}`).not.toContain(mark);
  };
  // France's records as stored (the system sees all): a write by anyone else must leave them as they are.
  const franceSnapshot = async (withSources: boolean): Promise<string> => {
    const all = async (name: string) => (await services.records.list(system, entity(name), { limit: 500, offset: 0 })).items;
    const pledges = (await all('pledges')).filter((item) => (item.record as unknown as { party: string }).party === 'FR');
    // A contribution is France's once France's part is confirmed (an unconfirmed part is someone else's claim).
    const contributions = (await all('contributions')).filter((item) => (item.record as unknown as { donors: { party: string; confirmed?: boolean }[] }).donors.some((donor) => donor.party === 'FR' && donor.confirmed !== false));
    const sources = withSources ? (await all('sources')).filter((item) => (item.record as { owner?: string }).owner === 'FR') : [];
    return canonicalJson([...pledges, ...contributions, ...sources].map((item) => ({ record: item.record, version: item.version })));
  };
  // Run one write; unless France (or, where the rule lets it, a coordinator) may make it, France's records stay unchanged.
  const attempt = async (who: Who, label: string, write: () => Promise<{ statusCode: number; body: string }>, options: { sources?: boolean; coordinatorMay?: boolean } = {}) => {
    const guarded = who !== 'delegate-own' && !(options.coordinatorMay === true && who === 'coordinator');
    const before = guarded ? await franceSnapshot(options.sources ?? false) : '';
    const response = await write();
    if (guarded) expect(await franceSnapshot(options.sources ?? false), `${label}: ${who} changed France's records`).toBe(before);
    expectNoLeak(who, label, response.body);
    expect(response.statusCode, `${label}: ${who} got a 5xx`).toBeLessThan(500);
    cases += 1;
    return response;
  };
  const removeIfCreated = async (name: string, id: string, status: number) => {
    if (status === 201) await services.records.remove(system, entity(name), id, 1);
  };

  beforeAll(async () => {
    test = await openTestStore('pglite');
    services = createServices(test.store);
    for (const party of ['FR', 'DE', 'GB', 'PL']) await services.records.create(system, entity('parties'), makeParty(party));
    await services.records.create(system, entity('sources'), { id: 'src-1', publisher: 'Test', date: '2026-01-01' } as StoredRecord);
    await services.records.create(system, entity('funds'), { id: 'fund-1', title: 'Fund', currency: 'EUR', sources: [] } as StoredRecord);
    for (const level of LEVELS) {
      await services.records.create(system, entity('pledges'), pledge(`p-${level}`, 'FR', { confidentiality: level, note: marker(`p-${level}`), ...(level === 'bilateral' ? { sharedWith: ['GB'] } : {}) }));
    }
    for (const party of ['FR', 'DE', 'GB']) await services.records.create(system, entity('pledges'), pledge(`own-${party}`, party));
    app = await buildApp(services);
    for (const [who, user] of Object.entries(WHO)) as[who as Who] = injectAs(app, await addTestUser(services, `ref-${who}`, user.role, user.party));
  }, 60_000);
  afterAll(async () => {
    console.info(`authorisation matrix (writes through reference fields): ${cases} cases`);
    await app.close();
    await test.dispose();
  });

  it('supersedes: own party only; a hidden pledge answers exactly like a missing one (POST and PUT)', async () => {
    for (const who of WHOS) {
      const party = partyOf(who) ?? 'FR';
      const own = `own-${party}`;
      // POST a new pledge, PUT one's own, or ask four-eyes approval of one's own (a PUT setting `approved`).
      const write = async (route: 'POST' | 'PUT' | 'REQUEST', target: string) => {
        if (route === 'POST') return as[who]({ method: 'POST', url: '/api/pledges', payload: pledge(`sup-${who}-${target}`, party, { supersedes: target }) });
        const stored = await services.records.get(system, entity('pledges'), own);
        const status = route === 'REQUEST' ? { status: 'approved' } : {};
        return as[who]({ method: 'PUT', url: `/api/pledges/${own}`, payload: { ...stored.record, ...status, supersedes: target, version: stored.version } });
      };
      for (const route of ['POST', 'PUT', 'REQUEST'] as const) {
        const missing = await attempt(who, `${route} supersedes missing`, () => write(route, 'p-missing'));
        expect(missing.statusCode, `${who} ${route} supersedes a missing pledge`).toBe(partyOf(who) ? 422 : 403);
        for (const level of LEVELS) {
          const target = `p-${level}`;
          const response = await attempt(who, `${route} supersedes ${target}`, () => write(route, target));
          const allowed = { POST: 201, PUT: 200, REQUEST: 202 }[route];
          const expected = !partyOf(who) ? 403 : !maySee(who, level) ? 422 : party === 'FR' ? allowed : 403;
          expect(response.statusCode, `${who} ${route} supersedes ${target}`).toBe(expected);
          if (partyOf(who) && !maySee(who, level)) {
            // No existence oracle: the same answer as for the missing pledge, ids aside.
            const same = (body: string, id: string) => body.replaceAll(id, 'TARGET').replaceAll(`sup-${who}-TARGET`, 'NEW');
            expect(same(response.body, target), `${who} ${route} ${target}`).toBe(same(missing.body, 'p-missing'));
          }
          if (route === 'POST') await removeIfCreated('pledges', `sup-${who}-${target}`, response.statusCode);
          if (response.statusCode === 202) await services.approvals.withdraw(system, own);
          if (response.statusCode === 200) {
            const stored = await services.records.get(system, entity('pledges'), own);
            const { supersedes: _undo, ...record } = stored.record as unknown as Record<string, unknown>;
            await services.records.replace(system, entity('pledges'), record as unknown as StoredRecord, stored.version);
          }
        }
      }
    }
  });

  it('sharedWith and condition parties: a delegate shares and conditions its own pledges on anyone, and changes nobody else’s', async () => {
    for (const who of WHOS) {
      const party = partyOf(who) ?? 'FR';
      for (const shared of ['FR', 'DE', 'GB', 'XX']) {
        const id = `shared-${who}-${shared}`;
        const response = await attempt(who, `POST sharedWith ${shared}`, () =>
          as[who]({ method: 'POST', url: '/api/pledges', payload: pledge(id, party, { confidentiality: 'bilateral', sharedWith: [shared] }) }),
        );
        expect(response.statusCode, `${who} sharedWith ${shared}`).toBe(!partyOf(who) ? 403 : shared === 'XX' ? 422 : 201);
        await removeIfCreated('pledges', id, response.statusCode);
      }
      for (const [i, condition] of ['active(FR)', 'active(DE, land.personnel)', 'active(XX)'].entries()) {
        const id = `cond-${who}-${i}`;
        const response = await attempt(who, `POST condition ${condition}`, () => as[who]({ method: 'POST', url: '/api/pledges', payload: pledge(id, party, { condition }) }));
        expect(response.statusCode, `${who} condition ${condition}`).toBe(!partyOf(who) ? 403 : condition.includes('XX') ? 422 : 201);
        await removeIfCreated('pledges', id, response.statusCode);
      }
    }
  });

  it('contribution donors: a delegate records its own part; another donor’s part counts nowhere until confirmed', async () => {
    const contributed = async () =>
      (json((await as.coordinator({ method: 'GET', url: '/api/funds/fund-1/allocation?asOf=2026-12-31' })).body) as { allocation: { totals: { contributed: number } } }).allocation.totals.contributed;
    for (const who of WHOS) {
      const party = partyOf(who) ?? 'FR';
      const other = party === 'FR' ? 'DE' : 'FR';
      for (const [variant, donors] of [
        ['own+other', [{ party, share: 0.5 }, { party: other, share: 0.5, confirmed: true }]],
        ['other only', [{ party: other }]],
        ['own+unknown', [{ party }, { party: 'XX' }]],
      ] as const) {
        const id = `c-${who}-${variant.replace(/\W/g, '')}`;
        const total = await contributed();
        const response = await attempt(who, `POST donors ${variant}`, () => as[who]({ method: 'POST', url: '/api/contributions', payload: contribution(id, [...donors]) }));
        const expected = !partyOf(who) || variant === 'other only' ? 403 : variant === 'own+unknown' ? 422 : 201;
        expect(response.statusCode, `${who} donors ${variant}`).toBe(expected);
        if (response.statusCode === 201) {
          expect((json(response.body).donors as { confirmed: boolean }[]).map((donor) => donor.confirmed)).toEqual([true, false]);
          expect(await contributed(), `${who}: only its own half counts`).toBe(total + 500);
        }
        await removeIfCreated('contributions', id, response.statusCode);
      }
    }
    // France's contributions at every level: nobody else may add itself as a donor or change the figures.
    for (const level of LEVELS) {
      const id = `c-fr-${level}`;
      await services.records.create(system, entity('contributions'), contribution(id, [{ party: 'FR' }], { confidentiality: level, note: marker(`p-${level}`), ...(level === 'bilateral' ? { sharedWith: ['GB'] } : {}) }));
      for (const who of WHOS) {
        for (const change of ['join', 'amount'] as const) {
          const stored = await services.records.get(system, entity('contributions'), id);
          const record = stored.record as unknown as { donors: unknown[]; amount: number };
          const body = change === 'join' ? { ...record, donors: [...record.donors, { party: partyOf(who) ?? 'PL' }] } : { ...record, amount: record.amount + 1 };
          const response = await attempt(who, `PUT ${id} ${change}`, () => as[who]({ method: 'PUT', url: `/api/contributions/${id}`, payload: { ...body, version: stored.version } }));
          const expected = !maySee(who, level) ? 404 : who !== 'delegate-own' ? 403 : change === 'join' ? 400 : 200; // FR joining its own: a duplicate donor
          expect(response.statusCode, `${who} PUT ${id} ${change}`).toBe(expected);
        }
      }
    }
    // Confirming a part: a delegate of that donor or a coordinator; nobody else, and never another donor's.
    await services.records.create(system, entity('contributions'), contribution('c-confirm', [{ party: 'DE', share: 0.5 }, { party: 'FR', share: 0.5, confirmed: false }]));
    for (const who of WHOS) {
      for (const party of ['FR', 'DE', undefined]) {
        const stored = await services.records.get(system, entity('contributions'), 'c-confirm');
        const response = await attempt(who, `confirm ${party ?? '(own)'}`, () =>
          as[who]({ method: 'POST', url: '/api/contributions/c-confirm/confirmation', payload: { ...(party ? { party } : {}), version: stored.version } }),
          { coordinatorMay: true },
        );
        const donor = party ?? partyOf(who);
        const expected = donor === undefined || !['FR', 'DE'].includes(donor) ? 400 : who === 'coordinator' || partyOf(who) === donor ? 200 : 403;
        expect(response.statusCode, `${who} confirms ${party ?? '(own)'}`).toBe(expected);
        const after = await services.records.get(system, entity('contributions'), 'c-confirm');
        const states = (after.record as unknown as { donors: { party: string; confirmed?: boolean }[] }).donors.map((item) => item.confirmed !== false);
        expect(states, `${who} confirms ${party ?? '(own)'}`).toEqual([true, expected === 200 && donor === 'FR']);
        if (states[1]) {
          const record = after.record as unknown as { donors: Record<string, unknown>[] };
          await services.records.replace(system, entity('contributions'), { ...record, donors: [record.donors[0], { ...record.donors[1], confirmed: false }] } as unknown as StoredRecord, after.version);
        }
      }
    }
  });

  it('sources: changed and deleted by a coordinator or a delegate of the party that created it', async () => {
    for (const [source, owner] of [['src-fr', 'FR'], ['src-cell', undefined]] as const) {
      for (const who of WHOS) {
        for (const action of ['PUT', 'DELETE'] as const) {
          const stored = await services.records.get(system, entity('sources'), source).catch(() => undefined);
          if (!stored) await services.records.create(system, entity('sources'), { id: source, publisher: 'Test', date: '2026-01-01', ...(owner ? { owner } : {}) } as StoredRecord);
          const { version, record } = await services.records.get(system, entity('sources'), source);
          const response = await attempt(
            who,
            `${action} source ${source}`,
            () =>
              action === 'PUT'
                ? as[who]({ method: 'PUT', url: `/api/sources/${source}`, payload: { ...record, publisher: `by ${who}`, owner: partyOf(who) ?? 'PL', version } })
                : as[who]({ method: 'DELETE', url: `/api/sources/${source}?version=${version}` }),
            { sources: true, coordinatorMay: true },
          );
          const allowed = who === 'coordinator' || (owner !== undefined && partyOf(who) === owner);
          expect(response.statusCode, `${who} ${action} ${source}`).toBe(allowed ? 200 : 403);
          if (action === 'PUT' && allowed) expect(json(response.body).owner, `${who} keeps the owner`).toBe(owner);
        }
      }
    }
    // A delegate's new source is its own party's, whatever the body says.
    for (const who of WHOS) {
      const response = await attempt(who, 'POST source', () => as[who]({ method: 'POST', url: '/api/sources', payload: { id: `src-new-${who}`, publisher: 'New', date: '2026-01-01', owner: 'FR' } }), { sources: true, coordinatorMay: true });
      const writes = who === 'coordinator' || partyOf(who) !== undefined;
      expect(response.statusCode, `${who} POST source`).toBe(writes ? 201 : 403);
      if (writes) expect(json(response.body).owner ?? null).toBe(partyOf(who) ?? 'FR');
    }
  });

  it('pending proposals: seen only by those who may see the proposed version; others get the answer for none', async () => {
    const none = async (who: Who) => (await as[who]({ method: 'GET', url: '/api/pledges/own-GB/approval' })).body.replaceAll('own-GB', 'ID');
    for (const level of ['coalition', 'restricted', 'bilateral'] as const) {
      const stored = await services.records.get(system, entity('pledges'), 'own-FR');
      const proposal = { ...stored.record, status: 'approved', confidentiality: level, note: marker(`p-${level}`), ...(level === 'bilateral' ? { sharedWith: ['GB'] } : {}), version: stored.version };
      expect((await as['delegate-own']({ method: 'PUT', url: '/api/pledges/own-FR', payload: proposal })).statusCode).toBe(202);
      for (const who of WHOS) {
        const response = await attempt(who, `GET approval (${level})`, () => as[who]({ method: 'GET', url: '/api/pledges/own-FR/approval' }));
        expect(response.statusCode, `${who} sees a ${level} proposal`).toBe(maySee(who, level) ? 200 : 404);
        if (!maySee(who, level)) expect(response.body.replaceAll('own-FR', 'ID')).toBe(await none(who));
      }
      expect((await as['delegate-own']({ method: 'DELETE', url: '/api/pledges/own-FR/approval' })).statusCode).toBe(204);
    }
  });
});
