import { count } from 'drizzle-orm';
import { beforeAll, expect, it } from 'vitest';
import { describeEachStore } from '../../../test/support/stores.js';
import { InputError } from '../../contracts/input-error.js';
import { auditLog, exchangeRates } from '../../db/schema/index.js';
import { verifyAudit } from '../audit/verify-audit.js';
import { createServices } from '../create-services.js';
import { loadDemo } from '../load-demo.js';
import { FundingService } from './funding.service.js';

// The funding use cases on the demo data, on PGlite and PostgreSQL: PURL allocation with reported totals,
// the financing options side by side, burden sharing, and rate imports that are all or nothing.

// The system principal sees everything; what users see is tested in funding-visibility.test.ts.
const SYSTEM = { name: 'test' };

describeEachStore('funding service', (suite) => {
  let funding: FundingService;
  const now = () => new Date('2026-05-01T12:00:00Z');

  beforeAll(async () => {
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    funding = new FundingService(suite.store(), now);
  });

  it('the demo loads every PURL contribution with sources; the bundled rates apply without a write', async () => {
    expect((await funding.rates({ to: 'EUR' })).info).toMatchObject({ origin: 'bundled', firstDate: '2024-01-02', lastDate: '2026-04-13' });
    expect(await suite.store().db.select({ n: count() }).from(exchangeRates)).toEqual([{ n: 0 }]);
    const report = await funding.allocation(SYSTEM, 'purl-2025');
    expect(report.contributions).toHaveLength(22);
    // Donors who pledged without a published amount are listed and add no money.
    expect(report.contributions.filter((item) => item.amount === null).map((item) => item.id)).toEqual(['purl-2025-joiners', 'purl-nb8-rest']);
    expect(report.allocation.donors.map((donor) => donor.party)).not.toContain('LU');
    const { totals, packages, donors, flows } = report.allocation;
    expect(packages.reduce((sum, item) => sum + item.funded, 0) + totals.unallocated).toBe(totals.contributed);
    expect(donors.reduce((sum, donor) => sum + donor.total, 0)).toBe(totals.contributed);
    expect(flows.reduce((sum, flow) => sum + flow.amount, 0)).toBe(totals.contributed);
    // EUR 500 m at the rate of its own date (2025-08-04: USD 1.1565 per EUR), said so beside the figure.
    expect(packages[0]).toMatchObject({ id: 'purl-2025-p1', price: 57_825_000_000, funded: 57_825_000_000, status: 'funded' });
    const nl = report.contributions.find((item) => item.id === 'purl-nl-1');
    expect(nl?.conversion?.rates).toEqual([{ currency: 'USD', rate: '1.1565', date: '2025-08-04', exact: true }]);
    const sybiha = report.reportedTotals.find((row) => row.date === '2025-12-04');
    expect(sybiha).toMatchObject({ reported: { amount: 418_000_000_000, currency: 'USD', countries: 21 }, computed: { currency: 'USD', donors: 17 } });
    // Rutte's "~4bn" of 2 Dec 2025: the currency is unknown, so no difference is computed.
    expect(report.reportedTotals.find((row) => row.date === '2025-12-02')).toMatchObject({ reported: { amount: 400_000_000_000, currency: null }, computed: { currency: 'USD' }, difference: null });
    expect(sybiha?.difference).toBe((sybiha?.computed.amount ?? 0) - 418_000_000_000);
  });

  it('as of 1 September 2025: the plan decided on 18 December 2025 is open, owes and gives nothing, and funds and packages announced later do not exist yet', async () => {
    const early = await funding.financing(SYSTEM, 'ukraine-2026-27', { asOf: '2025-09-01' });
    expect(early.plan).toMatchObject({ decidedOption: null, decidedOn: null });
    expect(early.options.some((option) => option.decided)).toBe(false);
    const late = await funding.financing(SYSTEM, 'ukraine-2026-27', { asOf: '2025-12-18' });
    expect(late.plan).toMatchObject({ decidedOption: 'eu-borrowing', decidedOn: '2025-12-18' });
    const burden = await funding.burden(SYSTEM, { key: 'gdp', currency: 'EUR', asOf: '2025-09-01' });
    expect([burden.liabilities, burden.totals.liabilities]).toEqual([[], 0]);
    expect((await funding.listFunds(SYSTEM, { asOf: '2025-09-01' })).map((fund) => fund.id)).toEqual(['purl-2025']);
    const allocation = await funding.allocation(SYSTEM, 'purl-2025', { asOf: '2025-09-01' });
    expect(allocation.allocation.packages.map((item) => item.id)).toEqual(['purl-2025-p1', 'purl-2025-p2', 'purl-2025-p3', 'purl-2025-p4']);
  });

  it('in a view currency: every contribution at its own date, the plan at the as-of date, a reported figure of unknown currency neither converted nor compared', async () => {
    const eur = await funding.allocation(SYSTEM, 'purl-2025', { currency: 'EUR' });
    expect(eur.currency).toBe('EUR');
    // NL's EUR 500m stays EUR 500m; SE's USD 275m converts at the rate of 2025-08-05.
    expect(eur.contributions.find((item) => item.id === 'purl-nl-1')).toMatchObject({ amount: 50_000_000_000, conversion: null });
    expect(eur.contributions.find((item) => item.id === 'purl-se-1')?.conversion?.rates).toEqual([{ currency: 'USD', rate: expect.any(String), date: '2025-08-05', exact: true }]);
    expect(eur.allocation.totals.contributed).toBe(eur.contributions.reduce((sum, item) => sum + (item.amount ?? 0), 0));
    expect(eur.rateDate).toBe('2026-04-13');
    const rutte = eur.reportedTotals.find((row) => row.date === '2025-12-02');
    expect(rutte).toMatchObject({ reported: { currency: null }, reportedConverted: null, difference: null, computed: { currency: 'EUR' } });
    const sybiha = eur.reportedTotals.find((row) => row.date === '2025-12-04');
    expect(sybiha?.reportedConverted?.conversion?.rates[0]?.date).toBe('2025-12-04');
    expect(sybiha?.difference).toBe((sybiha?.computed.amount ?? 0) - (sybiha?.reportedConverted?.amount ?? 0));
    const usd = await funding.financing(SYSTEM, 'ukraine-2026-27', { currency: 'USD', asOf: '2026-01-06' });
    expect(usd.plan.currency).toBe('USD');
    expect(usd.conversion?.note.rates[0]).toMatchObject({ currency: 'USD', date: '2026-01-06' });
    expect(usd.plan.needAmount).toBe(Math.round(9_000_000_000_000 * Number(usd.conversion?.note.rates[0]?.rate)));
    await expect(funding.financing(SYSTEM, 'ukraine-2026-27', { currency: 'XYZ' })).rejects.toThrow(InputError);
  });

  it('joint donors split equally when their shares are unknown', async () => {
    const report = await funding.allocation(SYSTEM, 'purl-2025', { asOf: '2025-12-03' });
    const joint = report.contributions.find((item) => item.id === 'purl-pl-no-de');
    expect(joint?.donors).toEqual(['PL', 'NO', 'DE']);
    const pl = report.allocation.donors.find((donor) => donor.party === 'PL');
    expect(pl).toMatchObject({ joint: 1, sharesAssumed: 1, total: 10_000_000_000 + 16_666_666_667 });
  });

  it('the 2026 fund is measured against NATO’s aim', async () => {
    const [, purl2026] = await funding.listFunds(SYSTEM);
    expect(purl2026).toMatchObject({ id: 'purl-2026', target: 1_500_000_000_000, contributions: 3 });
    expect(purl2026?.fundedShareOfTarget).toBeCloseTo(purl2026!.contributed / 1_500_000_000_000, 12);
    expect(await funding.listFunds(SYSTEM, { asOf: '2026-03-01' }).then((funds) => funds[1]?.contributions)).toBe(2);
  });

  it('financing: the decided EU24 option without CZ, HU, SK, and the reparations-loan draft by its guarantee key', async () => {
    const report = await funding.financing(SYSTEM, 'ukraine-2026-27');
    const [eu, reparations, bilateral] = report.options;
    expect(eu).toMatchObject({ decided: true, optedOut: ['CZ', 'HU', 'SK'], exposure: 'liability', keyUsed: 'gdp' });
    expect(eu?.shares).toHaveLength(24);
    expect(eu?.shares.reduce((sum, share) => sum + share.amount, 0)).toBe(9_000_000_000_000);
    expect(reparations).toMatchObject({ decided: false, exposure: 'guarantee', key: 'custom' });
    expect(reparations?.shares.find((share) => share.party === 'DE')?.share).toBeCloseTo(51.3 / 206.465, 9);
    expect(bilateral?.shares.map((share) => share.party)).not.toContain('UA');
    const germany = report.sideBySide.find((row) => row.party === 'DE');
    expect(germany?.amounts.every((amount) => amount !== null && amount > 0)).toBe(true);
  });

  it('burden sharing: fair shares sum to the keyed total, ranked by % of GDP', async () => {
    const report = await funding.burden(SYSTEM, { key: 'gdp', currency: 'EUR' });
    const keyed = report.rows.filter((row) => row.fairShare !== null);
    expect(keyed.reduce((sum, row) => sum + (row.fairShare ?? 0), 0)).toBe(report.totals.keyedMoney);
    expect(keyed.reduce((sum, row) => sum + (row.gap ?? 0), 0)).toBe(0);
    const ranked = report.rows.filter((row) => row.rank !== null).map((row) => row.shareOfGdp ?? 0);
    expect(ranked).toEqual([...ranked].sort((a, b) => b - a));
    const france = report.rows.find((row) => row.party === 'FR');
    expect(france?.personnel).toEqual({ min: 2000, max: 7501 });
    // France gives no PURL money; its share of the EU's joint borrowing is a liability, shown apart, not money given.
    expect(france).toMatchObject({ purl: 0, otherFinance: 0, money: 0, shareOfGdp: 0 });
    expect(france?.liability).toBeGreaterThan(1_000_000_000_000);
    expect(report.totals.liabilities).toBe(9_000_000_000_000);
    expect(report.liabilities).toEqual([expect.objectContaining({ plan: 'ukraine-2026-27', option: 'eu-borrowing', exposure: 'liability' })]);
    expect(report.rows.reduce((sum, row) => sum + row.money, 0)).toBe(report.totals.money);
    // GDP converts at the 2024 average rate that FACTS.md §5.1 uses (USD 1.0824 per EUR).
    expect(report.gdp.conversion?.rates).toEqual([{ currency: 'USD', rate: '1.0824', date: 'average of 2024 (256 ECB days)', exact: true }]);
    expect(report.rows.find((row) => row.party === 'DE')?.shareOfGdp).toBeCloseTo(report.rows.find((row) => row.party === 'DE')!.money / Math.round(4659.929e11 / 1.0824), 12);
    await expect(funding.burden(SYSTEM, { key: 'gdp', currency: 'UAH' })).rejects.toMatchObject({ code: 'input.invalid', problems: [{ path: 'currency' }] });
  });

  it('a bad rate file is refused whole, naming line and column; nothing is written', async () => {
    const db = suite.store().db;
    const before = { rates: await db.select({ n: count() }).from(exchangeRates), audit: await db.select({ n: count() }).from(auditLog) };
    const bad = 'Date,USD,GBP,\n2025-06-02,1.14,0.84,\n2025-06-31,1.13,0.85,\n2025-06-03,1.13,abc,\n';
    const error = await funding.importRates({ name: 'test' }, { name: 'bad.csv', text: bad }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(InputError);
    expect((error as InputError).problems).toEqual([
      { path: 'line 3, Date', message: "'2025-06-31' is not a date YYYY-MM-DD" },
      { path: 'line 4, GBP', message: "'abc' is not a positive rate (units per 1 EUR) or N/A" },
    ]);
    expect(await db.select({ n: count() }).from(exchangeRates)).toEqual(before.rates);
    expect(await db.select({ n: count() }).from(auditLog)).toEqual(before.audit);
  });

  it('a newer rate file is merged with an audit entry and used from then on', async () => {
    const summary = await funding.importRates({ name: 'test' }, { name: 'newer.csv', text: 'Date,USD,NOK,\n2026-04-14,1.1700,11.1000,\n2026-04-13,1.1684,11.098,\n' });
    expect(summary).toMatchObject({ added: 2, changed: 0, unchanged: 2, seededFromBundled: 17_358, lastDate: '2026-04-14' });
    expect((await funding.rates({ to: 'EUR' })).info).toMatchObject({ origin: 'store', rows: 17_362, lastDate: '2026-04-14' });
    const answer = await funding.rates({ date: '2026-04-15', from: 'NOK', to: 'USD', amount: 1_110_000 });
    expect(answer.rates).toEqual([
      { currency: 'NOK', rate: '11.1000', date: '2026-04-14', exact: false },
      { currency: 'USD', rate: '1.1700', date: '2026-04-14', exact: false },
    ]);
    expect(answer.conversion?.to).toEqual({ amount: 117_000, currency: 'USD' });
    // Belgium's EUR 100 m of 21 Apr 2026 now converts at the imported 14 Apr rate (before: the bundled 13 Apr one).
    const report = await funding.allocation(SYSTEM, 'purl-2026');
    expect(report.contributions.find((item) => item.id === 'purl-be-2')?.conversion?.rates[0]).toMatchObject({ date: '2026-04-14', exact: false });
    expect((await verifyAudit(suite.store().db)).ok).toBe(true);
  });
});
