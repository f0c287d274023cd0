import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { createExplainer, wordsFor } from '../../i18n/explanations.data.js';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { buildPartyPledges, burdenOf, collectSources, contributionsOf } from './party.data.js';

describe('party page data', () => {
  const dataset = preparedSmallDataset();

  it('lists the party’s pledges with their states and explanations', () => {
    const result = evaluateScenario(dataset);
    const rows = buildPartyPledges('DE', dataset.pledges, result, createExplainer(result.pledges, wordsFor('en')));
    expect(rows.map((row) => [row.id, row.state])).toEqual([
      ['de-1', 'inactive'],
      ['de-2', 'certain'],
    ]);
    expect(rows[0]?.explanation).toContain('ceasefire');
    expect(rows[0]?.condition).toBe('ceasefire and us_backstop');
    expect(collectSources(rows)).toEqual(['s1']);
  });

  it('finds joint contributions by any of their donors', () => {
    const base = { fund: 'purl', amount: 1, currency: 'EUR', date: '2025-08-01', status: 'pledged' as const, confidentiality: 'public' as const, sources: [] };
    const contributions = [
      { ...base, id: 'c1', donors: [{ party: 'PL' }, { party: 'NO' }, { party: 'DE' }] },
      { ...base, id: 'c2', donors: [{ party: 'NL' }] },
    ];
    expect(contributionsOf('DE', contributions).map((c) => c.id)).toEqual(['c1']);
    expect(contributionsOf('FR', contributions)).toEqual([]);
  });
});

describe('burden sharing on the party page', () => {
  it('finds the party’s row and gives its share of GDP in %', () => {
    const row = { rank: 1, party: 'EE', purl: 1, otherFinance: 2, money: 3, liability: 40, shareOfGdp: 0.0060468, fairShare: 2, gap: 1 };
    const burden = { currency: 'EUR', asOf: '2026-01-01', rows: [row], outsideKey: [{ ...row, party: 'UA', rank: null, shareOfGdp: null }], gdp: { source: 'World Bank', referenceYear: 2024 } };
    expect(burdenOf('EE', burden)).toEqual({ row, ranked: 1, percentOfGdp: 0.605 });
    expect(burdenOf('UA', burden)?.percentOfGdp).toBeNull();
    expect(burdenOf('FR', burden)).toBeNull();
  });
});
