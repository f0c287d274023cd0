import { describe, expect, it } from 'vitest';
import { buildPurlBoard, formatMoney } from './purl.data.js';

describe('PURL board data', () => {
  const fund = { id: 'purl', title: 'PURL', currency: 'USD', sources: ['s1'] };
  const packages = [
    { id: 'p2', fund: 'purl', title: 'Second', price: 50_000_000_000, currency: 'USD', priority: 2, status: 'open' as const, sources: [] },
    { id: 'p1', fund: 'purl', title: 'First', price: 50_000_000_000, currency: 'USD', priority: 1, status: 'funded' as const, sources: ['s2'] },
  ];
  const base = { fund: 'purl', date: '2025-08-05', status: 'paid' as const, confidentiality: 'public' as const };
  const contributions = [
    { ...base, id: 'c1', package: 'p1', donors: [{ party: 'NL' }], amount: 50_000_000_000, currency: 'USD', sources: ['s3'] },
    { ...base, id: 'c2', package: 'p2', donors: [{ party: 'PL' }, { party: 'DE' }], amount: 10_000_000_000, currency: 'USD', sources: [] },
    { ...base, id: 'c3', donors: [{ party: 'CA' }], amount: 7_000_000_000, currency: 'CAD', sources: [] },
  ];

  it('orders packages by priority and sums the earmarks with their donors', () => {
    const [board] = buildPurlBoard([fund], packages, contributions);
    expect(board?.packages.map((pkg) => [pkg.id, pkg.earmarkedPct, pkg.donors])).toEqual([
      ['p1', 100, ['NL']],
      ['p2', 20, ['DE', 'PL']],
    ]);
    expect(board?.unearmarked).toEqual([{ currency: 'CAD', amount: 7_000_000_000 }]);
    expect(board?.donors).toEqual(['CA', 'DE', 'NL', 'PL']);
    expect(board?.packages[0]?.sources).toEqual(['s2', 's3']);
    const earlier = buildPurlBoard([fund], packages, contributions, '2025-08-04');
    expect(earlier[0]?.donors).toEqual([]);
  });

  it('formats minor units in the currency', () => {
    expect(formatMoney('en', 50_000_000_000, 'USD')).toBe('US$500,000,000');
    expect(formatMoney('de', 50_000_000_000, 'EUR')).toMatch(/^500\.000\.000\s€$/);
  });
});
