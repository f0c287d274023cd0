import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { buildPublicSummary } from './build-public-summary.js';
import { assessCell, type CellContribution, DEFAULT_DISCLOSURE_RULE, suppressRow } from './suppress-cells.js';
import type { Pledge } from '../types.js';

// Disclosure control: published cells pass the threshold and dominance rules, and an attacker who knows every
// published figure of a row (cells and total add up) and that figures are nonnegative cannot pin down a
// suppressed one: its feasible interval is never a single point.

/** The feasible interval of each suppressed cell of a row, given the published cells and (if published) the total. */
function feasibleIntervals(values: number[], hidden: boolean[], total: number | null): { min: number; max: number }[] {
  const hiddenIndices = hidden.flatMap((h, i) => (h ? [i] : []));
  if (total === null) return hiddenIndices.map(() => ({ min: 0, max: Infinity }));
  const rest = total - values.reduce((sum, value, i) => (hidden[i] ? sum : sum + value), 0);
  // x_i + (sum of the other hidden cells) = rest, each >= 0: x_i alone is pinned only if it is the only one.
  return hiddenIndices.map(() => (hiddenIndices.length === 1 ? { min: rest, max: rest } : { min: 0, max: rest }));
}

const contributionArb = fc.record({ party: fc.constantFrom('A', 'B', 'C', 'D', 'E'), value: fc.integer({ min: 1, max: 10_000 }), isPublic: fc.boolean() });
const rowArb = fc.array(fc.array(contributionArb, { maxLength: 6 }), { minLength: 1, maxLength: 4 });

describe('disclosure control', () => {
  it('threshold and dominance rules', () => {
    const cell = (items: [string, number][], isPublic = false): CellContribution[] => items.map(([party, value]) => ({ party, value, isPublic }));
    expect(assessCell(cell([['A', 10], ['B', 10]])).sensitive).toBe(true);
    expect(assessCell(cell([['A', 10], ['B', 10], ['C', 10]])).sensitive).toBe(false);
    expect(assessCell(cell([['A', 900], ['B', 50], ['C', 50]])).sensitive).toBe(true);
    expect(assessCell(cell([['A', 10], ['A', 10], ['B', 1]])).sensitive).toBe(true);
    expect(assessCell(cell([['A', 10]], true)).sensitive).toBe(false);
    expect(assessCell([]).sensitive).toBe(false);
  });

  it('no suppressed cell can be recovered from the published cells of its row (10,000 random rows)', () => {
    fc.assert(
      fc.property(rowArb, (rows) => {
        const cells = rows.map((items) => assessCell(items));
        const total = assessCell(rows.flat());
        const hidden = suppressRow(cells, total);
        cells.forEach((cell, i) => {
          // Every published cell passes the rules (or is all public).
          if (!hidden.cells[i]) expect(cell.sensitive).toBe(false);
          if (cell.sensitive) expect(hidden.cells[i]).toBe(true);
        });
        if (total.sensitive) expect(hidden.total).toBe(true);
        const intervals = feasibleIntervals(cells.map((cell) => cell.value), hidden.cells, hidden.total ? null : total.value);
        intervals.forEach((interval) => expect(interval.max).toBeGreaterThan(interval.min));
        // With the total hidden, summing the published cells must not give it.
        if (hidden.total && !total.empty && !total.allPublic) expect(hidden.cells.some((h, i) => h && !cells[i]?.empty)).toBe(true);
      }),
      { numRuns: 10_000 },
    );
  });

  it('the public summary counts parties per domain and hides a capability dominated by one party', () => {
    const pledge = (id: string, party: string, capability: string, min: number, extra: Partial<Pledge> = {}): Pledge => ({
      id, party, capability, quantity: { min, max: min }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [], ...extra,
    });
    const pledges = [
      pledge('a', 'FR', 'land.personnel', 1000),
      pledge('b', 'GB', 'land.personnel', 1000),
      pledge('c', 'DE', 'land.personnel', 1000),
      pledge('d', 'DE', 'air.fighters', 100),
      pledge('e', 'FR', 'air.fighters', 2),
      pledge('f', 'GB', 'air.fighters', 2),
      pledge('secret', 'PL', 'land.personnel', 99_999, { confidentiality: 'restricted' }),
      pledge('side', 'NL', 'land.personnel', 777, { confidentiality: 'bilateral', sharedWith: ['DE'] }),
    ];
    const summary = buildPublicSummary(pledges, () => 'units');
    expect(summary.rule).toEqual(DEFAULT_DISCLOSURE_RULE);
    expect(summary.contributingParties).toBe(3);
    const land = summary.capabilities.find((row) => row.capability === 'land.personnel');
    // Restricted and bilateral pledges never enter a public figure.
    expect(land?.total).toEqual({ value: 3000, parties: 3, suppressed: false });
    const air = summary.capabilities.find((row) => row.capability === 'air.fighters');
    expect(air?.total.suppressed).toBe(true);
    expect(JSON.stringify(summary)).not.toContain('99999');
    expect(JSON.stringify(summary)).not.toContain('104');
  });
});
