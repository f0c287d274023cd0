import { describe, expect, it } from 'vitest';
import { stageCell } from './public.data.js';

describe('the public summary', () => {
  it('says when a cell is suppressed instead of showing a number', () => {
    expect(stageCell({ value: 1200, parties: 4, suppressed: false }, String, 'withheld')).toBe('1200');
    expect(stageCell({ value: null, parties: null, suppressed: true }, String, 'withheld')).toBe('withheld');
    expect(stageCell({ value: null, parties: 0, suppressed: false }, String, 'withheld')).toBe('—');
    expect(stageCell(undefined, String, 'withheld')).toBe('—');
  });
});
