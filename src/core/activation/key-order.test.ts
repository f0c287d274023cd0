import { describe, expect, it } from 'vitest';
import { groupKeysByParty } from './key-order.js';
import { KEY_ACTIVE, KEY_COUNT, KEY_TOTAL, LEAF_ACTIVE, LEAF_FACT, LEAF_TOTAL } from './network-codes.js';

// Aggregate keys numbered with the total/count keys first, then active() keys by party; leaves follow their keys.

const keys = (types: number[], buckets: number[]) => ({
  keyCount: types.length,
  keyType: new Uint8Array(types),
  keyBucket: new Int32Array(buckets),
  keyCapability: new Int32Array(types.map((_, k) => 100 + k)),
  keyArea: new Int32Array(types.map((_, k) => 200 + k)),
});

describe('groupKeysByParty', () => {
  it('puts total/count keys first, then active() keys grouped by party, and repoints aggregate leaves', () => {
    // Keys as found: active(P2), total(cap 0), active(P0), active(P2, …), count(cap 1), active(P0, …).
    const parts = {
      ...keys([KEY_ACTIVE, KEY_TOTAL, KEY_ACTIVE, KEY_ACTIVE, KEY_COUNT, KEY_ACTIVE], [2, 0, 0, 2, 1, 0]),
      leafType: new Uint8Array([LEAF_ACTIVE, LEAF_FACT, LEAF_TOTAL, LEAF_ACTIVE]),
      leafRef: new Int32Array([3, 3, 1, 5]),
    };
    const grouped = groupKeysByParty(parts, 3);
    expect([...grouped.keyType]).toEqual([KEY_TOTAL, KEY_COUNT, KEY_ACTIVE, KEY_ACTIVE, KEY_ACTIVE, KEY_ACTIVE]);
    expect([...grouped.keyBucket]).toEqual([0, 1, 0, 0, 2, 2]);
    // Within a party, keys keep the order they were found in (old 2 before 5, old 0 before 3).
    expect([...grouped.keyCapability]).toEqual([101, 104, 102, 105, 100, 103]);
    expect([...grouped.keyArea]).toEqual([201, 204, 202, 205, 200, 203]);
    // Aggregate leaves follow their keys; a fact leaf's reference is a fact index and stays.
    expect([...grouped.leafRef]).toEqual([5, 3, 0, 3]);
    expect([...parts.leafRef]).toEqual([3, 3, 1, 5]);
  });

  it('returns the arrays themselves when the keys are in that order already', () => {
    const parts = { ...keys([KEY_TOTAL, KEY_ACTIVE, KEY_ACTIVE], [0, 0, 1]), leafType: new Uint8Array([LEAF_ACTIVE]), leafRef: new Int32Array([2]) };
    expect(groupKeysByParty(parts, 2)).toBe(parts);
  });
});
