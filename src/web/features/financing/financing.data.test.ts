import { describe, expect, it } from 'vitest';
import { buildPlanColumns } from './financing.data.js';

describe('financing plans side by side', () => {
  it('makes a column per plan and marks the decided option', () => {
    const columns = buildPlanColumns([
      {
        id: 'ua-2026',
        title: 'Ukraine 2026–27',
        needAmount: 9_000_000_000_000,
        currency: 'EUR',
        period: { from: '2026-01-01', to: '2027-12-31' },
        options: [
          { id: 'a', kind: 'joint_borrowing', title: 'Plan A', key: 'gni', optOuts: ['HU', 'SK', 'CZ'] },
          { id: 'b', kind: 'asset_backed_loan', title: 'Plan B', guarantors: ['DE'] },
        ],
        decidedOption: 'a',
        sources: ['s1'],
      },
    ]);
    expect(columns[0]?.period).toBe('2026-01-01 – 2027-12-31');
    expect(columns[0]?.options.map((option) => [option.id, option.decided, option.optOuts.length, option.key])).toEqual([
      ['a', true, 3, 'gni'],
      ['b', false, 0, null],
    ]);
  });
});
