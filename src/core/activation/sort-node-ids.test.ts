import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createRadixCounts, sortNodeIds } from './sort-node-ids.js';

describe('sortNodeIds', () => {
  it('sorts like the built-in sort, short lists and long ones, over one, two and three radix passes', () => {
    fc.assert(
      fc.property(fc.constantFrom(100, 5_000, 3_000_000, 2 ** 31 - 1), fc.integer({ min: 0, max: 3_000 }), fc.infiniteStream(fc.nat()), (limit, count, noise) => {
        const ids = Int32Array.from({ length: count }, () => noise.next().value % limit);
        const expected = Int32Array.from(ids).sort();
        const sorted = sortNodeIds(ids, count, new Int32Array(count), limit, createRadixCounts());
        expect(Array.from(sorted)).toEqual(Array.from(expected));
      }),
      { numRuns: 300 },
    );
  });

  it('sorts only the first `count` ids', () => {
    const ids = Int32Array.from([5, 3, 9, 1, 0, 0]);
    expect(Array.from(sortNodeIds(ids, 4, new Int32Array(6), 10, createRadixCounts()))).toEqual([1, 3, 5, 9]);
  });
});
