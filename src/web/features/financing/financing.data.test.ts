import { describe, expect, it } from 'vitest';
import { buildPlanColumns, buildSideBySide } from './financing.data.js';

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
        decidedOn: '2025-12-18',
        sources: ['s1'],
      },
    ], '2026-01-06');
    expect(columns[0]?.period).toBe('2026-01-01 – 2027-12-31');
    expect([columns[0]?.open, columns[0]?.decidedOn]).toEqual([false, '2025-12-18']);
    expect(columns[0]?.options.map((option) => [option.id, option.decided, option.optOuts.length, option.key])).toEqual([
      ['a', true, 3, 'gni'],
      ['b', false, 0, null],
    ]);
  });
});

describe('financing plans as of a date', () => {
  it('shows a plan decided in December 2025 as not yet decided on 1 September 2025', () => {
    const plan = {
      id: 'ua-2026',
      title: 'Ukraine 2026–27',
      needAmount: 9_000_000_000_000,
      currency: 'EUR',
      options: [{ id: 'a', kind: 'joint_borrowing' as const, title: 'Plan A' }],
      decidedOption: 'a',
      decidedOn: '2025-12-18',
      sources: ['s1'],
    };
    const [early] = buildPlanColumns([plan], '2025-09-01');
    expect([early?.open, early?.decidedOn, early?.options[0]?.decided]).toEqual([true, null, false]);
    const [late] = buildPlanColumns([plan], '2025-12-18');
    expect([late?.open, late?.options[0]?.decided]).toEqual([false, true]);
  });
});

describe('shares side by side', () => {
  it('sorts states by their amount under the decided option and gives shares in %', () => {
    const view = buildSideBySide({
      plan: { id: 'p', currency: 'EUR' },
      options: [
        { id: 'a', title: 'A', kind: 'joint_borrowing', exposure: 'liability', decided: false, warnings: [] },
        { id: 'b', title: 'B', kind: 'bilateral', exposure: 'lending', decided: true, warnings: ['GDP stands in'] },
      ],
      sideBySide: [
        { party: 'AT', name: 'Austria', amounts: [10, 5], shares: [0.1, 0.05] },
        { party: 'AL', name: 'Albania', amounts: [null, 7], shares: [null, 0.07] },
        { party: 'HU', amounts: [null, null], shares: [null, null] },
      ],
    });
    expect(view.rows.map((row) => [row.party, row.percents])).toEqual([
      ['AL', [null, 7]],
      ['AT', [10, 5]],
      ['HU', [null, null]],
    ]);
    expect(view.options[1]?.warnings).toEqual(['GDP stands in']);
  });
});
