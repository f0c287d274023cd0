import { describe, expect, it } from 'vitest';
import { buildFundBoard, formatMoney, formatMoneyExact, type FundAllocation } from './purl.data.js';

describe('PURL board data', () => {
  const allocation: FundAllocation = {
    fund: { id: 'purl', title: 'PURL', currency: 'USD', sources: ['s1'] },
    asOf: '2025-12-31',
    allocation: {
      packages: [
        { id: 'p2', title: 'Second', priority: 2, price: 100, funded: 20, earmarked: 20, fromPool: 0, shortfall: 80, fundedShare: 0.2, recordedStatus: 'open', status: 'open' },
        { id: 'p1', title: 'First', priority: 1, price: 100, funded: 100, earmarked: 60, fromPool: 40, shortfall: 0, fundedShare: 1, recordedStatus: 'open', status: 'funded' },
      ],
      flows: [
        { contribution: 'c1', package: 'p1', amount: 60 },
        { contribution: 'c3', package: 'p1', amount: 40 },
        { contribution: 'c2', package: 'p2', amount: 20 },
        { contribution: 'c3', package: null, amount: 7 },
      ],
      donors: [
        { party: 'NL', total: 60, paid: 60, pledged: 0, earmarked: 60, contributions: 1, joint: 0, sharesAssumed: 0 },
        { party: 'CA', total: 47, paid: 0, pledged: 47, earmarked: 0, contributions: 1, joint: 0, sharesAssumed: 0 },
        { party: 'DE', total: 10, paid: 0, pledged: 10, earmarked: 10, contributions: 1, joint: 1, sharesAssumed: 1 },
      ],
      totals: { contributed: 127, allocated: 120, unallocated: 7, price: 200, shortfall: 80, target: null, fundedShareOfTarget: null },
      warnings: [],
    },
    reportedTotals: [],
  };
  const base = { fund: 'purl', date: '2025-08-05', status: 'paid' as const, confidentiality: 'public' as const, currency: 'USD' };
  const contributions = [
    { ...base, id: 'c1', package: 'p1', donors: [{ party: 'NL' }], amount: 60, sources: ['s3'] },
    { ...base, id: 'c2', package: 'p2', donors: [{ party: 'PL' }, { party: 'DE' }], amount: 20, sources: [] },
    { ...base, id: 'c3', donors: [{ party: 'CA' }], amount: 47, sources: [] },
  ];
  const packages = [{ id: 'p1', fund: 'purl', title: 'First', price: 100, currency: 'USD', priority: 1, status: 'open' as const, sources: ['s2'] }];

  it('orders packages by priority and names who paid into each (pool money included)', () => {
    const board = buildFundBoard(allocation, contributions, packages);
    expect(board.packages.map((pkg) => [pkg.id, pkg.fundedPct, pkg.status, pkg.donors])).toEqual([
      ['p1', 100, 'funded', ['CA', 'NL']],
      ['p2', 20, 'open', ['DE', 'PL']],
    ]);
    expect(board.packages[0]?.sources).toEqual(['s2', 's3']);
    expect(board.donors.map((donor) => [donor.party, donor.jointShareAssumed])).toEqual([
      ['NL', false],
      ['CA', false],
      ['DE', true],
    ]);
    expect(board.totals.unallocated).toBe(7);
  });

  it('formats minor units in the currency, rounded, with the exact figure beside', () => {
    expect(formatMoney('en', 50_000_000_000, 'USD')).toBe('US$500m');
    expect(formatMoney('en', 2_315_365_280_900, 'EUR')).toBe('€23.2bn');
    expect(formatMoney('de', 2_315_365_280_900, 'EUR')).toMatch(/^23,2\sMrd\.\s€$/);
    expect(formatMoneyExact('en', 2_315_365_280_900, 'EUR')).toBe('€23,153,652,809');
    expect(formatMoneyExact('de', 50_000_000_000, 'EUR')).toMatch(/^500\.000\.000\s€$/);
  });
});
