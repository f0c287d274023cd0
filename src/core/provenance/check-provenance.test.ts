import { describe, expect, it } from 'vitest';
import { checkProvenance, type FigureRecord } from './check-provenance.js';

// The rule on small records: a figure needs a cited passage that states it, or a derivation of its field.

const passages = new Map<string, string | undefined>([
  ['times', "The Times: UK + France contingent up to 15,000 in total; UK 'fewer than 7,500'."],
  ['macron', "Macron: 'several thousand' French soldiers."],
  ['bare', undefined],
]);
const known = new Set(['times', 'macron', 'bare', 'gb-1']);

describe('checkProvenance', () => {
  it('accepts figures a cited passage states, or that a derivation of their field explains', () => {
    const records: FigureRecord[] = [
      { collection: 'requirements', id: 'r', sources: ['times'], figures: [{ field: 'quantity', value: 15_000 }] },
      {
        collection: 'pledges',
        id: 'fr-1',
        sources: ['macron', 'times'],
        derived: [
          { field: 'quantity.min', from: ['macron'], how: "'several thousand' read as at least 2,000" },
          { field: 'quantity.max', from: ['times', 'gb-1'], how: '15,000 − 7,499' },
        ],
        figures: [
          { field: 'quantity.min', value: 2_000 },
          { field: 'quantity.max', value: 7_501 },
        ],
      },
      { collection: 'facts', id: 'ceasefire', sources: [], figures: [{ field: 'probability', value: 0.3 }], assumptions: ['probability'] },
    ];
    expect(checkProvenance(records, passages, known)).toEqual([]);
  });

  it('names record and field of an invented figure, a threshold in a condition included', () => {
    const records: FigureRecord[] = [
      { collection: 'pledges', id: 'fr-1', sources: ['macron'], figures: [{ field: 'quantity.max', value: 9_999 }] },
      { collection: 'pledges', id: 'us-1', sources: ['times'], figures: [{ field: 'condition', value: 2 }] },
      { collection: 'pledges', id: 'pl-1', sources: [], figures: [{ field: 'quantity', value: 1 }] },
      { collection: 'contributions', id: 'c', sources: ['bare'], figures: [{ field: 'amount', value: 187_000_000 }] },
    ];
    expect(checkProvenance(records, passages, known).map((problem) => [problem.id, problem.field])).toEqual([
      ['fr-1', 'quantity.max'],
      ['us-1', 'condition'],
      ['pl-1', 'quantity'],
      ['c', 'amount'],
    ]);
    expect(checkProvenance(records.slice(2, 3), passages, known)[0]?.message).toBe("1 has no basis: it cites no source, and no derived entry names 'quantity'");
  });

  it('reports unknown sources, derivations from unknown ids and derivations of a field that holds no figure', () => {
    const records: FigureRecord[] = [
      {
        collection: 'pledges',
        id: 'p',
        sources: ['nowhere'],
        derived: [
          { field: 'quantity.max', from: ['ghost'], how: 'made up' },
          { field: 'amount', from: ['times'], how: 'no such field' },
        ],
        figures: [{ field: 'quantity.max', value: 5 }],
      },
    ];
    expect(checkProvenance(records, passages, known).map((problem) => [problem.field, problem.message])).toEqual([
      ['sources[0]', "unknown source 'nowhere'"],
      ['derived[0].from[0]', "unknown source or record 'ghost'"],
      ['derived[1].field', "no figure at 'amount'"],
    ]);
  });
});
