import { describe, expect, it } from 'vitest';
import { decidedAsOf, knownAsOf } from './known-as-of.js';

describe('known and decided as of a date', () => {
  it('a plan decided in December 2025 is open on 1 September 2025 and decided from the day of the decision', () => {
    const plan = { decidedOption: 'eu-borrowing', decidedOn: '2025-12-18' };
    expect(decidedAsOf(plan, '2025-09-01')).toBeUndefined();
    expect(decidedAsOf(plan, '2025-12-17')).toBeUndefined();
    expect(decidedAsOf(plan, '2025-12-18')).toBe('eu-borrowing');
    expect(decidedAsOf(plan, '2026-01-06')).toBe('eu-borrowing');
  });

  it('a decision without a date counts at any date; a plan without a decision is open', () => {
    expect(decidedAsOf({ decidedOption: 'a' }, '2000-01-01')).toBe('a');
    expect(decidedAsOf({ decidedOn: '2025-12-18' }, '2026-01-01')).toBeUndefined();
  });

  it('a record announced after the date is not known then; one without a date always is', () => {
    expect(knownAsOf({ announcedOn: '2025-11-14' }, '2025-09-01')).toBe(false);
    expect(knownAsOf({ announcedOn: '2025-11-14' }, '2025-11-14')).toBe(true);
    expect(knownAsOf({}, '2025-09-01')).toBe(true);
  });
});
