import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { createServices } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// The funding routes through app.inject(), on PGlite and PostgreSQL: the analyses, and bad input at every
// funding edge (unknown currency, negative amount, shares not summing to 100 %, unknown donor) refused with
// the field named and nothing written.

describeEachStore('funding API', (suite) => {
  let app: FastifyInstance;
  // A coordinator reads and writes financing plans; contributions are written by a delegate of a donor.
  let asCoordinator: ReturnType<typeof injectAs>;
  let asPoland: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    const now = () => new Date('2026-05-01T12:00:00Z');
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    app = await buildApp(services);
    asCoordinator = injectAs(app, await addTestUser(services, 'coordinator', 'coordinator'));
    asPoland = injectAs(app, await addTestUser(services, 'delegate-pl', 'delegate', 'PL'));
  });
  afterAll(async () => {
    await app.close();
  });

  const get = async (url: string) => {
    const response = await asCoordinator({ method: 'GET', url });
    return { status: response.statusCode, body: JSON.parse(response.body) as Record<string, unknown> & { details?: { problems?: { path: string; message: string }[] } } };
  };

  it('documents the funding routes in OpenAPI', async () => {
    const spec = await get('/openapi.json');
    const paths = Object.keys(spec.body.paths as object);
    for (const path of ['/api/funds/{id}/allocation', '/api/funding/funds', '/api/financing-plans/{id}/shares', '/api/burden', '/api/rates']) expect(paths).toContain(path);
  });

  it('GET /api/funds/:id/allocation: packages, donors, reported totals; 404 for an unknown fund', async () => {
    const { status, body } = await get('/api/funds/purl-2025/allocation?asOf=2025-12-31');
    expect(status).toBe(200);
    const allocation = body.allocation as { totals: { contributed: number; allocated: number; unallocated: number } };
    expect(allocation.totals.allocated + allocation.totals.unallocated).toBe(allocation.totals.contributed);
    expect((body.reportedTotals as unknown[]).length).toBe(5);
    expect((await get('/api/funds/nope/allocation')).status).toBe(404);
    const bad = await get('/api/funds/purl-2025/allocation?asOf=31.12.2025');
    expect(bad.status).toBe(400);
    expect(bad.body.details?.problems?.[0]?.path).toContain('asOf');
  });

  it('GET /api/funding/funds and /api/financing-plans/:id/shares', async () => {
    const funds = await get('/api/funding/funds');
    expect((funds.body.items as { id: string }[]).map((fund) => fund.id)).toEqual(['purl-2025', 'purl-2026']);
    const shares = await get('/api/financing-plans/ukraine-2026-27/shares');
    expect(shares.status).toBe(200);
    expect((shares.body.plan as { decidedOption: string }).decidedOption).toBe('eu-borrowing');
    expect((await get('/api/financing-plans/nope/shares')).status).toBe(404);
    // As of 1 September 2025 the plan decided on 18 December 2025 is open.
    const early = await get('/api/financing-plans/ukraine-2026-27/shares?asOf=2025-09-01');
    expect(early.body.plan).toMatchObject({ decidedOption: null, decidedOn: null });
  });

  it('in a view currency: the allocation and the shares say their currency and conversion; a currency without ECB rates is named', async () => {
    const eur = await get('/api/funds/purl-2025/allocation?currency=EUR');
    expect(eur.body).toMatchObject({ currency: 'EUR', rateDate: expect.any(String) });
    const usd = await get('/api/financing-plans/ukraine-2026-27/shares?currency=USD&asOf=2026-01-06');
    expect(usd.body).toMatchObject({ plan: { currency: 'USD' }, conversion: { from: 'EUR', note: { rates: [{ currency: 'USD', date: '2026-01-06' }] } } });
    for (const path of ['/api/funds/purl-2025/allocation?currency=UAH', '/api/financing-plans/ukraine-2026-27/shares?currency=usd', '/api/funding/funds?currency=XYZ']) {
      const bad = await get(path);
      expect(bad.status, path).toBe(400);
      expect(bad.body.details?.problems?.[0]?.path, path).toContain('currency');
    }
  });

  it('GET /api/burden names a bad key or currency', async () => {
    const ok = await get('/api/burden?key=gdp&currency=USD');
    expect(ok.status).toBe(200);
    expect(ok.body).toMatchObject({ key: 'gdp', currency: 'USD', gdp: { conversion: null } });
    for (const [query, field] of [
      ['key=population', 'key'],
      ['currency=XYZ', 'currency'],
      ['currency=UAH', 'currency'],
      ['colour=red', 'querystring'],
    ] as const) {
      const bad = await get(`/api/burden?${query}`);
      expect(bad.status, query).toBe(400);
      expect(bad.body.details?.problems?.[0]?.path, query).toContain(field);
    }
  });

  it('GET /api/rates: the rate of a date or the nearest earlier one, and conversions', async () => {
    const { status, body } = await get('/api/rates?date=2025-05-10&from=EUR&to=USD&amount=100');
    expect(status).toBe(200);
    expect(body.rates).toEqual([{ currency: 'USD', rate: '1.1252', date: '2025-05-09', exact: false }]);
    expect(body.conversion).toMatchObject({ to: { amount: 113, currency: 'USD' }, exact: false });
    expect((await get('/api/rates?date=2023-01-02&from=USD')).body.details?.problems?.[0]).toMatchObject({ path: 'from' });
    expect((await get('/api/rates?amount=-5&from=USD')).status).toBe(400);
    expect((await get('/api/rates?amount=5')).body.details?.problems?.[0]?.path).toContain('from');
  });

  it('bad contributions are refused with the field named, and nothing is written', async () => {
    const before = await get('/api/contributions?limit=1');
    const valid = { id: 'c-test', fund: 'purl-2025', donors: [{ party: 'PL' }], amount: 100, currency: 'USD', date: '2025-12-01' };
    const cases: [Record<string, unknown>, number, string, string][] = [
      [{ ...valid, currency: 'XYZ' }, 400, 'currency', 'unknown currency'],
      [{ ...valid, amount: -5 }, 400, 'amount', 'must not be negative'],
      [{ ...valid, donors: [{ party: 'PL', share: 0.5 }, { party: 'NO', share: 0.4 }] }, 400, 'donors', 'shares must sum to 100 %'],
      [{ ...valid, donors: [{ party: 'PL' }, { party: 'XX' }] }, 422, 'donors[1].party', "unknown party 'XX'"],
      [{ ...valid, package: 'purl-2026-01' }, 422, 'package', 'belongs to fund'],
    ];
    for (const [payload, status, path, message] of cases) {
      const response = await asPoland({ method: 'POST', url: '/api/contributions', payload });
      const body = JSON.parse(response.body) as { details: { problems: { path: string; message: string }[] } };
      expect(response.statusCode, path).toBe(status);
      expect(body.details.problems.some((problem) => problem.path.includes(path) && problem.message.includes(message)), JSON.stringify(body)).toBe(true);
    }
    expect((await get('/api/contributions?limit=1')).body.total).toBe(before.body.total);
  });

  it('a financing option whose key names an unknown party is refused', async () => {
    const plan = {
      id: 'plan-test',
      title: 'test',
      needAmount: 100,
      currency: 'EUR',
      options: [{ id: 'o', kind: 'asset_backed_loan', title: 'o', key: 'custom', keyWeights: [{ party: 'XX', weight: 1 }] }],
    };
    const response = await asCoordinator({ method: 'POST', url: '/api/financing-plans', payload: plan });
    expect(response.statusCode).toBe(422);
    expect(response.body).toContain('options[0].keyWeights[0].party');
    const negative = await asCoordinator({ method: 'POST', url: '/api/financing-plans', payload: { ...plan, options: [{ ...plan.options[0], keyWeights: [{ party: 'DE', weight: -1 }] }] } });
    expect(negative.statusCode).toBe(400);
    expect(negative.body).toContain('must be more than 0');
    expect((await get('/api/financing-plans/plan-test')).status).toBe(404);
  });
});
