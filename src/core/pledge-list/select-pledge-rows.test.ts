import { describe, expect, it } from 'vitest';
import type { Pledge } from '../types.js';
import { pledgeTexts } from './pledge-row-text.js';
import { EXPLANATION_SEARCH_LIMIT, selectPledgeRows } from './select-pledge-rows.js';

// The search reads explanations only where the filters leave few rows (a party's list): at 100,000 pledges,
// building every explanation would take seconds.

describe('the pledge list’s search in explanations', () => {
  const names = { parties: new Map(), capabilities: new Map() };
  const pledges: Pledge[] = Array.from({ length: EXPLANATION_SEARCH_LIMIT + 1 }, (_, i) => ({ id: `p-${i}`, party: i === 0 ? 'FR' : 'DE', capability: 'land.personnel', quantity: null, areas: ['ua'], status: 'offered', confidentiality: 'coalition', condition: 'true', sources: [] }));
  const source = (asked: number[][]) => ({
    pledges,
    states: pledges.map(() => 'possible' as const),
    texts: { en: pledgeTexts('en', names), de: pledgeTexts('de', names) },
    language: 'en' as const,
    explanations: (positions: readonly number[]) => {
      asked.push([...positions]);
      return positions.map((position) => (position === 0 ? 'p-0 possible: waits for the moon' : null));
    },
  });

  it('finds a row by its explanation when the filters leave few rows', () => {
    const asked: number[][] = [];
    expect(selectPledgeRows(source(asked), { party: 'FR', q: 'moon' })).toEqual([0]);
    expect(asked).toEqual([[0]]);
  });

  it('reads no explanation when more rows than the limit are searched', () => {
    const asked: number[][] = [];
    expect(selectPledgeRows(source(asked), { q: 'moon' })).toEqual([]);
    expect(asked).toEqual([]);
  });
});
