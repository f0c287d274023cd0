import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { referenceDomains, referenceShades } from '../../../test/support/reference-map-shades.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { pledgeSchema } from '../../contracts/domain.schema.js';
import type { ScenarioPledge } from '../../core/scenario/evaluate-scenario.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { createServices } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// POST /api/scenarios/party-domains on the demo data, on PGlite and PostgreSQL: the map's aggregate equals what the
// web computed from every evaluated pledge of the same scenario, a delegate's counts leave out what they may not
// see, and bad parameters are refused naming the parameter.

type Cell = { party: string; domain: string | null; level: string; certain: number; possible: number; inactive: number; totals: unknown[]; pledges: { id: string; state: string }[] };
type Aggregate = { asOf: string | null; domains: string[]; cells: Cell[] };
type Request = ReturnType<typeof injectAs>;

describeEachStore('the map aggregate API', (suite) => {
  let app: FastifyInstance;
  const as = {} as Record<'coordinator' | 'analyst' | 'de' | 'fr', Request>;

  beforeAll(async () => {
    const now = () => new Date('2026-05-01T12:00:00Z');
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    // A restricted French pledge in a domain of its own: France's delegates and the coordinators count it, Germany's do not.
    await services.records.create({ name: 'test' }, pledgeEntity, pledgeSchema.parse({ id: 'fr-secret-ships', party: 'FR', capability: 'maritime.mine_countermeasures', quantity: 3, confidentiality: 'restricted' }));
    app = await buildApp(services);
    as.coordinator = injectAs(app, await addTestUser(services, 'coord', 'coordinator'));
    as.analyst = injectAs(app, await addTestUser(services, 'analyst', 'analyst'));
    as.de = injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE'));
    as.fr = injectAs(app, await addTestUser(services, 'delegate-fr', 'delegate', 'FR'));
  }, 120_000);
  afterAll(async () => {
    await app.close();
  });

  const aggregate = async (request: Request, payload: object, query = ''): Promise<Aggregate> => {
    const response = await request({ method: 'POST', url: `/api/scenarios/party-domains${query}`, payload });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Aggregate;
  };

  it('equals the shading of every evaluated pledge of the same scenario, per domain and for all, for each role', async () => {
    const scenarios = [{}, { facts: [{ id: 'ceasefire', value: true }, { id: 'us_backstop', value: true }] }, { facts: [{ id: 'ceasefire', value: true }], asOf: '2026-01-15' }];
    for (const [role, request] of Object.entries(as)) {
      for (const scenario of scenarios) {
        const answer = await aggregate(request, scenario, '?pledgesPerCell=100');
        const evaluated = (await request({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all&limit=10000', payload: scenario })).json() as { pledges: ScenarioPledge[] };
        expect(answer.domains, role).toEqual(referenceDomains(evaluated.pledges));
        for (const domain of ['all', ...answer.domains]) {
          const expected = referenceShades(evaluated.pledges, domain);
          const cells = answer.cells.filter((cell) => cell.domain === (domain === 'all' ? null : domain));
          expect(cells.map((cell) => cell.party), `${role} ${domain}`).toEqual([...expected.keys()].sort());
          for (const cell of cells) {
            const shade = expected.get(cell.party);
            expect(cell.pledges, `${role} ${domain} ${cell.party}`).toEqual(shade?.pledges);
            expect([cell.level, cell.totals, cell.certain + cell.possible + cell.inactive]).toEqual([shade?.level, shade?.totals, shade?.pledges.length]);
          }
        }
      }
    }
  });

  it('lists the first pledges of each cell and counts them all', async () => {
    const full = await aggregate(as.coordinator, {}, '?pledgesPerCell=100');
    const short = await aggregate(as.coordinator, {}, '?pledgesPerCell=1');
    const none = await aggregate(as.coordinator, {}, '?pledgesPerCell=0');
    const byDefault = await aggregate(as.coordinator, {});
    expect(short.cells.map((cell) => ({ ...cell, pledges: cell.pledges.slice(0, 1) }))).toEqual(short.cells);
    expect(short.cells).toEqual(full.cells.map((cell) => ({ ...cell, pledges: cell.pledges.slice(0, 1) })));
    expect(none.cells).toEqual(full.cells.map((cell) => ({ ...cell, pledges: [] })));
    expect(byDefault.cells).toEqual(full.cells.map((cell) => ({ ...cell, pledges: cell.pledges.slice(0, 10) })));
    const germany = full.cells.find((cell) => cell.party === 'DE' && cell.domain === null);
    expect(germany?.pledges.length).toBeGreaterThan(1);
  });

  it('counts a restricted pledge only for those who may see it', async () => {
    const mine = (answer: Aggregate) => answer.cells.find((cell) => cell.party === 'FR' && cell.domain === 'maritime');
    for (const request of [as.coordinator, as.fr]) {
      expect(mine(await aggregate(request, {}))?.pledges.map((pledge) => pledge.id)).toContain('fr-secret-ships');
    }
    const german = await as.de({ method: 'POST', url: '/api/scenarios/party-domains?pledgesPerCell=100', payload: {} });
    expect(german.body).not.toContain('fr-secret-ships');
    expect(mine(german.json() as Aggregate)).toBeUndefined();
    const frenchAll = (await aggregate(as.fr, {})).cells.find((cell) => cell.party === 'FR' && cell.domain === null);
    const germanAll = (german.json() as Aggregate).cells.find((cell) => cell.party === 'FR' && cell.domain === null);
    expect(frenchAll && germanAll && frenchAll.certain + frenchAll.possible + frenchAll.inactive - (germanAll.certain + germanAll.possible + germanAll.inactive)).toBe(1);
  });

  it('refuses bad parameters with a 400 naming them, and a caller not signed in with a 401', async () => {
    const refusals: [string, object, string][] = [
      ['?pledgesPerCell=-1', {}, 'pledgesPerCell'],
      ['?pledgesPerCell=101', {}, 'pledgesPerCell'],
      ['?pledgesPerCell=many', {}, 'pledgesPerCell'],
      ['?limit=5', {}, 'limit'],
      ['', { asOf: '15.01.2026' }, 'asOf'],
      ['', { facts: [{ id: 'ceasefire', value: 'maybe' }] }, 'facts'],
      ['', { facts: [{ id: 'no_such_fact', value: true }] }, 'facts[0].id'],
      ['', { minStatus: 'sometime' }, 'minStatus'],
    ];
    for (const [query, payload, name] of refusals) {
      const response = await as.analyst({ method: 'POST', url: `/api/scenarios/party-domains${query}`, payload });
      expect(response.statusCode, `${query} ${JSON.stringify(payload)}`).toBe(400);
      expect(response.body, query).toContain(name);
    }
    expect((await app.inject({ method: 'POST', url: '/api/scenarios/party-domains', payload: {} })).statusCode).toBe(401);
  });
});
