import { describe, expect, it } from 'vitest';
import { selectSources } from './sources.data.js';

describe('sources page', () => {
  it('lists the cited sources first, then the rest newest first', () => {
    const sources = [
      { id: 'a', publisher: 'A', date: '2025-01-01' },
      { id: 'b', publisher: 'B', date: '2025-06-01' },
      { id: 'c', publisher: 'C', date: '2025-03-01' },
    ];
    expect(selectSources(sources, ['c', 'missing']).map((entry) => [entry.source.id, entry.cited])).toEqual([
      ['c', true],
      ['b', false],
      ['a', false],
    ]);
  });
});
