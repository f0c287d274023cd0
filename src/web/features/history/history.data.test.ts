import { describe, expect, it } from 'vitest';
import { buildHistory, changedFields } from './history.data.js';

describe('record history', () => {
  it('names the changed fields, newest entry first', () => {
    const rows = buildHistory([
      { seq: 1, at: '2026-01-01T00:00:00Z', actor: 'demo', action: 'create', before: null, after: { id: 'a', quantity: 1 } },
      { seq: 7, at: '2026-01-02T00:00:00Z', actor: 'delegate-de', action: 'update', before: { id: 'a', quantity: 1, areas: ['x'] }, after: { id: 'a', quantity: 2, areas: ['x'] } },
    ]);
    expect(rows.map((row) => [row.seq, row.changed])).toEqual([
      [7, ['quantity']],
      [1, []],
    ]);
    expect(changedFields({ version: 1 }, { version: 2 })).toEqual([]);
  });
});
