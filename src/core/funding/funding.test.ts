import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type AllocationContribution, type AllocationPackage, allocateFund } from './allocate-fund.js';
import { computeBurdenSharing } from './compute-burden-sharing.js';
import { computeFinancingShares, sideBySide } from './compute-financing-shares.js';
import { countConfirmedParts } from './confirmed-parts.js';
import { splitBetweenDonors } from './split-donors.js';

// Pool funding, donor splits, financing options and burden sharing: examples and the invariant that money is
// never created or lost.

const pkg = (id: string, price: number, priority = 1, status: AllocationPackage['status'] = 'open'): AllocationPackage => ({ id, title: id, price, priority, status });
const gift = (id: string, amount: number, extra: Partial<AllocationContribution> = {}): AllocationContribution => ({
  id,
  amount,
  donors: [{ party: 'NL' }],
  status: 'pledged',
  date: '2025-08-04',
  ...extra,
});

describe('splitBetweenDonors', () => {
  it('uses known shares, splits the rest equally, and equal parts without shares', () => {
    expect(splitBetweenDonors(100, [{ party: 'PL' }, { party: 'NO' }, { party: 'DE' }]).map((part) => part.amount)).toEqual([34, 33, 33]);
    expect(splitBetweenDonors(100, [{ party: 'PL', share: 0.5 }, { party: 'NO' }, { party: 'DE' }]).map((part) => part.amount)).toEqual([50, 25, 25]);
    expect(splitBetweenDonors(1000, [{ party: 'SE', share: 0.55 }, { party: 'NO', share: 0.45 }]).map((part) => part.amount)).toEqual([550, 450]);
  });
});

describe('countConfirmedParts', () => {
  it('counts only the confirmed donors’ parts and lists the others', () => {
    const all = { amount: 1000, donors: [{ party: 'DE', share: 0.5 }, { party: 'FR', share: 0.5, confirmed: true }] };
    expect(countConfirmedParts(all)).toEqual({ counted: all, unconfirmed: [] });
    const partly = countConfirmedParts({ amount: 1000, donors: [{ party: 'DE', share: 0.01 }, { party: 'FR', share: 0.99, confirmed: false }] });
    expect(partly.counted).toEqual({ amount: 10, donors: [{ party: 'DE' }] });
    expect(partly.unconfirmed).toEqual([{ party: 'FR', amount: 990, share: 0.99, shareKnown: true }]);
    const three = countConfirmedParts({ amount: 900, donors: [{ party: 'A' }, { party: 'B' }, { party: 'C', confirmed: false }] });
    expect(three.counted?.amount).toBe(600);
    expect(splitBetweenDonors(three.counted?.amount ?? 0, three.counted?.donors ?? []).map((part) => part.amount)).toEqual([300, 300]);
    expect(countConfirmedParts({ amount: 5, donors: [{ party: 'FR', confirmed: false }] }).counted).toBeUndefined();
  });
});

describe('allocateFund', () => {
  it('fills earmarks first, then packages by priority; the rest stays unallocated', () => {
    const result = allocateFund({
      packages: [pkg('b', 500, 2), pkg('a', 500, 1), pkg('c', 300, 1)],
      contributions: [gift('x', 400, { package: 'b' }), gift('y', 700), gift('z', 200, { date: '2025-09-01' })],
      target: 2000,
    });
    expect(result.packages.map((p) => [p.id, p.earmarked, p.fromPool, p.shortfall, p.status])).toEqual([
      ['a', 0, 500, 0, 'funded'],
      ['c', 0, 300, 0, 'funded'],
      ['b', 400, 100, 0, 'funded'],
    ]);
    expect(result.totals).toMatchObject({ contributed: 1300, allocated: 1300, unallocated: 0, shortfall: 0, target: 2000, targetShortfall: 700, fundedShareOfTarget: 0.65 });
  });

  it('sends an earmark beyond its package to the pool and warns', () => {
    const result = allocateFund({ packages: [pkg('a', 100), pkg('b', 100, 2)], contributions: [gift('x', 150, { package: 'a' })] });
    expect(result.flows).toEqual([
      { contribution: 'x', package: 'a', amount: 100 },
      { contribution: 'x', package: 'b', amount: 50 },
    ]);
    expect(result.packages[1]).toMatchObject({ status: 'open', shortfall: 50, fundedShare: 0.5 });
    expect(result.warnings[0]).toContain("exceeds what package 'a' still needed");
  });

  it('keeps ordered and delivered as recorded, and warns when the money does not cover them', () => {
    const result = allocateFund({ packages: [pkg('a', 100, 1, 'delivered'), pkg('b', 100, 2, 'funded')], contributions: [gift('x', 120)] });
    expect(result.packages.map((p) => p.status)).toEqual(['delivered', 'open']);
    expect(result.warnings).toEqual(["package 'b' is recorded as funded but the contributions cover only 20 of 100"]);
  });

  it('totals joint donors by their shares', () => {
    const result = allocateFund({
      packages: [],
      contributions: [
        gift('j', 90, { donors: [{ party: 'PL' }, { party: 'NO' }, { party: 'DE' }], status: 'paid' }),
        gift('d', 10, { donors: [{ party: 'DE' }] }),
      ],
    });
    expect(result.donors).toEqual([
      { party: 'DE', total: 40, paid: 30, pledged: 10, earmarked: 0, contributions: 2, joint: 1, sharesAssumed: 1 },
      { party: 'NO', total: 30, paid: 30, pledged: 0, earmarked: 0, contributions: 1, joint: 1, sharesAssumed: 1 },
      { party: 'PL', total: 30, paid: 30, pledged: 0, earmarked: 0, contributions: 1, joint: 1, sharesAssumed: 1 },
    ]);
    expect(result.totals).toMatchObject({ unallocated: 100, paid: 90, pledged: 10 });
  });

  it('never creates or loses money, whatever the order of the input (property)', () => {
    const packages = fc.uniqueArray(
      fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), price: fc.integer({ min: 0, max: 10 ** 12 }), priority: fc.integer({ min: 1, max: 4 }) }),
      { selector: (p) => p.id, maxLength: 5 },
    );
    const contributions = fc.uniqueArray(
      fc.record({
        id: fc.string({ minLength: 1, maxLength: 4 }),
        amount: fc.integer({ min: 0, max: 10 ** 12 }),
        package: fc.option(fc.constantFrom('a', 'b', 'c', 'x'), { nil: undefined }),
        donors: fc.uniqueArray(fc.record({ party: fc.constantFrom('DE', 'FR', 'PL', 'NO'), share: fc.option(fc.double({ min: 0, max: 0.3, noNaN: true }), { nil: undefined }) }), {
          selector: (d) => d.party,
          minLength: 1,
          maxLength: 4,
        }),
        status: fc.constantFrom('pledged' as const, 'paid' as const),
        date: fc.constantFrom('2025-08-01', '2025-09-01', '2025-10-01'),
      }),
      { selector: (c) => c.id, maxLength: 12 },
    );
    fc.assert(
      fc.property(packages, contributions, (rawPackages, rawContributions) => {
        const input = { packages: rawPackages.map((p) => ({ ...p, title: p.id, status: 'open' as const })), contributions: rawContributions.map(({ package: earmark, ...rest }) => (earmark ? { ...rest, package: earmark } : rest)) };
        const result = allocateFund(input);
        const total = input.contributions.reduce((acc, c) => acc + c.amount, 0);
        expect(result.totals.contributed).toBe(total);
        expect(result.flows.reduce((acc, flow) => acc + flow.amount, 0)).toBe(total);
        expect(result.packages.reduce((acc, p) => acc + p.funded, 0) + result.totals.unallocated).toBe(total);
        expect(result.donors.reduce((acc, d) => acc + d.total, 0)).toBe(total);
        for (const p of result.packages) expect(p.funded).toBeLessThanOrEqual(p.price);
        for (const c of input.contributions) expect(result.flows.filter((f) => f.contribution === c.id).reduce((acc, f) => acc + f.amount, 0)).toBe(c.amount);
        const reversed = allocateFund({ packages: [...input.packages].reverse(), contributions: [...input.contributions].reverse() });
        expect(reversed.packages).toEqual(result.packages);
      }),
      { numRuns: 500 },
    );
  });
});

describe('computeFinancingShares', () => {
  const parties = [
    { id: 'DE', kind: 'state' as const, groups: ['EU', 'coalition'] },
    { id: 'FR', kind: 'state' as const, groups: ['EU', 'coalition'] },
    { id: 'HU', kind: 'state' as const, groups: ['EU'] },
    { id: 'GB', kind: 'state' as const, groups: ['coalition'] },
    { id: 'UA', kind: 'beneficiary' as const, groups: ['coalition'] },
  ];
  const keyFigures = new Map([['DE', 4], ['FR', 3], ['HU', 1], ['GB', 2]]);

  it('shares joint borrowing by key over EU states without the opt-outs, re-normalised', () => {
    const [option] = computeFinancingShares({
      needAmount: 700,
      options: [{ id: 'eu', kind: 'joint_borrowing', title: 'EU borrowing', key: 'gdp', optOuts: ['HU'] }],
      decidedOption: 'eu',
      parties,
      keyFigures,
    });
    expect(option).toMatchObject({ decided: true, optedOut: ['HU'], exposure: 'liability', amount: 700 });
    expect(option?.shares).toEqual([
      { party: 'DE', share: 4 / 7, amount: 400 },
      { party: 'FR', share: 3 / 7, amount: 300 },
    ]);
  });

  it('uses custom weights for guarantees, states GDP stands in for GNI, and puts options side by side', () => {
    const options = computeFinancingShares({
      needAmount: 100,
      options: [
        { id: 'rl', kind: 'asset_backed_loan', title: 'Reparations loan', key: 'custom', keyWeights: [{ party: 'DE', weight: 51.3 }, { party: 'FR', weight: 34 }], amount: 853 },
        { id: 'bi', kind: 'bilateral', title: 'Bilateral', key: 'gni' },
      ],
      parties,
      keyFigures,
    });
    expect(options[0]?.shares.map((s) => s.amount)).toEqual([513, 340]);
    expect(options[1]?.shares.map((s) => s.party)).toEqual(['DE', 'FR', 'GB']);
    expect(options[1]?.warnings).toContain('no GNI figures are available: GDP is used as the key instead');
    expect(sideBySide(options)).toEqual([
      { party: 'DE', amounts: [513, 45], shares: [51.3 / 85.3, 4 / 9] },
      { party: 'FR', amounts: [340, 33], shares: [34 / 85.3, 3 / 9] },
      { party: 'GB', amounts: [null, 22], shares: [null, 2 / 9] },
    ]);
  });

  it('option amounts always sum exactly (property)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }), fc.subarray(['DE', 'FR', 'HU']), (amount, optOuts) => {
        fc.pre(optOuts.length < 3);
        const [option] = computeFinancingShares({ needAmount: amount, options: [{ id: 'eu', kind: 'joint_borrowing', title: 't', key: 'gdp', optOuts }], parties, keyFigures });
        expect(option?.shares.reduce((acc, s) => acc + s.amount, 0)).toBe(amount);
      }),
    );
  });
});

describe('computeBurdenSharing', () => {
  it('ranks by % of GDP and gives fair shares that sum to the keyed total', () => {
    const result = computeBurdenSharing([
      { party: 'DE', keyFigure: 4, gdp: 4000, purl: 40, otherFinance: 0, personnel: { min: 0, max: 0 } },
      { party: 'NL', keyFigure: 1, gdp: 1000, purl: 50, otherFinance: 10, personnel: { min: 10, max: 20 } },
      { party: 'EU', purl: 5, otherFinance: 0, personnel: { min: 0, max: 0 } },
    ]);
    expect(result.rows.map((row) => [row.rank, row.party, row.fairShare, row.gap])).toEqual([
      [1, 'NL', 20, 40],
      [2, 'DE', 80, -40],
      [null, 'EU', null, null],
    ]);
    expect(result.rows[0]).toMatchObject({ shareOfGdp: 0.06, personnelFairShare: { min: 2, max: 4 }, personnelGap: { min: 8, max: 16 } });
    expect(result.outsideKey).toEqual(['EU']);
    expect(result.totals).toEqual({ money: 105, keyedMoney: 100, liabilities: 0, personnel: { min: 10, max: 20 } });
  });

  it('keeps a share of joint borrowing apart as a liability: not money given, not ranked, no fair share', () => {
    const result = computeBurdenSharing([
      { party: 'DE', keyFigure: 4, gdp: 4000, purl: 40, otherFinance: 0, liability: 600, personnel: { min: 0, max: 0 } },
      { party: 'FR', keyFigure: 3, gdp: 3000, purl: 0, otherFinance: 0, liability: 450, personnel: { min: 0, max: 0 } },
      { party: 'NL', keyFigure: 1, gdp: 1000, purl: 60, otherFinance: 0, personnel: { min: 0, max: 0 } },
    ]);
    const france = result.rows.find((row) => row.party === 'FR');
    expect(france).toMatchObject({ money: 0, liability: 450, shareOfGdp: 0, fairShare: 38, gap: -38 });
    expect(result.rows.find((row) => row.party === 'NL')).toMatchObject({ rank: 1, money: 60, liability: 0 });
    expect(result.totals).toMatchObject({ money: 100, keyedMoney: 100, liabilities: 1050 });
  });
});
