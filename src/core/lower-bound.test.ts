import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { lowerBound } from './lower-bound.js';

describe('lowerBound', () => {
  it('counts the numbers below the value, in any ascending typed or plain array', () => {
    fc.assert(
      fc.property(fc.array(fc.integer({ min: -20, max: 20 })), fc.integer({ min: -25, max: 25 }), (numbers, value) => {
        const sorted = numbers.sort((a, b) => a - b);
        const below = sorted.filter((n) => n < value).length;
        expect(lowerBound(sorted, value)).toBe(below);
        expect(lowerBound(Int32Array.from(sorted), value)).toBe(below);
        expect(lowerBound(Float64Array.from(sorted), value + 0.5)).toBe(sorted.filter((n) => n < value + 0.5).length);
      }),
    );
  });
});
