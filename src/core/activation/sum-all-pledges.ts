import { addToSlot } from './aggregate-parts.js';
import { KEY_COUNT, KEY_TOTAL } from './network-codes.js';

// The aggregates with every candidate pledge active: where the greatest fixed points start. They do not depend
// on the facts, only on which quantity is read (minimum or maximum), so they are added up once per network.

export interface FullSums {
  /** Per key: the sum (total), the number of parties (count) or of pledges (active). */
  keyTotal: Float64Array;
  /** Per own-part slot: the party's quantity (total) or pledge count (count). */
  partValue: Float64Array;
}

/** Full sums with what a greatest run's threshold watches need at the start (threshold-watch.ts measureWidths). */
export interface StartSums extends FullSums {
  width: Float64Array;
}

export interface SumInput {
  keyCount: number;
  keyType: Uint8Array;
  slotCount: number;
  feedStart: Int32Array;
  feed: Int32Array;
  slotKey: Int32Array;
}

/** The aggregates when every pledge is active, each pledge counted at its minimum and at its maximum quantity. */
export function sumAllPledges(input: SumInput, quantityMin: Float64Array, quantityMax: Float64Array): { atMin: FullSums; atMax: FullSums } {
  const atMin = { keyTotal: new Float64Array(input.keyCount), partValue: new Float64Array(input.slotCount) };
  const atMax = { keyTotal: new Float64Array(input.keyCount), partValue: new Float64Array(input.slotCount) };
  const { feedStart, feed, slotKey, keyType } = input;
  // In pledge order, which is grouped by party (network-order.ts): a party's slots stay in cache while its pledges add up.
  for (let pledge = 0; pledge < quantityMin.length; pledge++) {
    const end = feedStart[pledge + 1] as number;
    for (let f = feedStart[pledge] as number; f < end; f++) {
      const entry = feed[f] as number;
      if (entry < 0) {
        atMin.keyTotal[-1 - entry]! += 1;
        atMax.keyTotal[-1 - entry]! += 1;
        continue;
      }
      const slot = entry;
      const k = slotKey[slot] as number;
      const type = keyType[k] as number;
      addPledge(atMin, k, slot, type, type === KEY_TOTAL ? (quantityMin[pledge] as number) : 1);
      addPledge(atMax, k, slot, type, type === KEY_TOTAL ? (quantityMax[pledge] as number) : 1);
    }
  }
  return { atMin, atMax };
}

function addPledge(sums: FullSums, k: number, slot: number, type: number, delta: number): void {
  if (delta !== 0) addToSlot(sums.keyTotal, sums.partValue, k, slot, type === KEY_COUNT, delta);
}
