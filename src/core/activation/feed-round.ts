import { addToSlot } from './aggregate-parts.js';
import { KEY_COUNT, KEY_TOTAL, type Network } from './compile-network.js';
import { FEED_CHUNK, type FixedPointScratch, SPARSE_ROUND } from './fixed-point-scratch.js';

// Feeding a round of a fixed-point run (run-fixed-point.ts): each queued pledge adds (+1) or removes (-1) its
// contribution to every key it feeds, and the keys that moved are noted for their watchers. Dense and sparse rounds
// add the same entries in the same order, so their sums are identical; they differ in how they read them.

/** What feeding reads and writes: the network, a run's aggregates and queue, and its notes of keys that moved. */
export interface FeedTarget {
  net: Network;
  scratch: FixedPointScratch;
  greatest: boolean;
  queue: Int32Array;
  /** Per pledge, the quantity of the run's mode (minimum or maximum). */
  quantity: Float64Array;
  keyTotal: Float64Array;
  partValue: Float64Array;
  dirty: Uint8Array;
  dirtyKeys: Int32Array;
}

/** Feed queue[head..tail); returns the new number of keys noted in dirtyKeys (dirtyCount of them before). */
export function feedQueued(target: FeedTarget, sign: 1 | -1, head: number, tail: number, dirtyCount: number): number {
  const sparse = (tail - head) * SPARSE_ROUND < target.quantity.length;
  return sparse ? feedSparse(target, sign, head, tail, dirtyCount) : feedDense(target, sign, head, tail, dirtyCount);
}

// A round that feeds many pledges reads their feed lists close together. One loop over locals: the hottest code
// of a run, kept free of field loads.
function feedDense(target: FeedTarget, sign: 1 | -1, head: number, tail: number, dirtyCount: number): number {
  const { feedStart, feed, slotKey, keyType } = target.net;
  const { queue, quantity, keyTotal, partValue, dirty, dirtyKeys, greatest } = target;
  const { chunkFrom, chunkTo, chunkAmount } = target.scratch;
  for (let base = head; base < tail; base += FEED_CHUNK) {
    const size = Math.min(FEED_CHUNK, tail - base);
    // First where each pledge's feeds are and how much it adds: independent reads, which the processor can have
    // in flight together, instead of one miss waiting on another for every pledge.
    for (let c = 0; c < size; c++) {
      const pledge = queue[base + c] as number;
      chunkFrom[c] = feedStart[pledge] as number;
      chunkTo[c] = feedStart[pledge + 1] as number;
      chunkAmount[c] = quantity[pledge] as number;
    }
    for (let c = 0; c < size; c++) {
      const amount = chunkAmount[c] as number;
      const end = chunkTo[c] as number;
      for (let f = chunkFrom[c] as number; f < end; f++) {
        const k = addEntry(feed[f] as number, amount, sign, greatest, slotKey, keyType, keyTotal, partValue);
        if (k >= 0 && dirty[k] === 0) {
          dirty[k] = 1;
          dirtyKeys[dirtyCount++] = k;
        }
      }
    }
  }
  return dirtyCount;
}

// A round that feeds few pledges finds each one's feed list on a cache line of its own, which at a million pledges
// comes from memory, and adding an entry waits on its line. So the lists of as many pledges as fit are copied
// into one buffer first, where those reads do not wait on each other, and added from there (at a million pledges
// the runs take 4-6 % less; docs/performance.md). In a dense round the copy costs more than it saves.
function feedSparse(target: FeedTarget, sign: 1 | -1, head: number, tail: number, dirtyCount: number): number {
  const { feedStart, feed, slotKey, keyType } = target.net;
  const { queue, quantity, keyTotal, partValue, dirty, dirtyKeys, greatest } = target;
  const { roomEntry, roomAmount } = target.scratch;
  const room = roomEntry.length;
  let next = head;
  while (next < tail) {
    let count = 0;
    for (; next < tail; next++) {
      const pledge = queue[next] as number;
      const from = feedStart[pledge] as number;
      const to = feedStart[pledge + 1] as number;
      // The buffer holds the longest feed list (fixed-point-scratch.ts), so an empty one always takes the next pledge.
      if (count + to - from > room) break;
      const amount = quantity[pledge] as number;
      for (let f = from; f < to; f++) {
        roomEntry[count] = feed[f] as number;
        roomAmount[count++] = amount;
      }
    }
    for (let e = 0; e < count; e++) {
      const k = addEntry(roomEntry[e] as number, roomAmount[e] as number, sign, greatest, slotKey, keyType, keyTotal, partValue);
      if (k >= 0 && dirty[k] === 0) {
        dirty[k] = 1;
        dirtyKeys[dirtyCount++] = k;
      }
    }
  }
  return dirtyCount;
}

/**
 * Add one feed entry (compile-feeds.ts keyOfFeed: an active() key as -1 - key, else a total/count key's own-part
 * slot) for a pledge of quantity `amount`: ±1 to an active() key's count, ±amount (total) or ±1 (count) to the
 * slot and its key. Returns the key when its watchers must look — a total/count key's sum moved, an active() key's
 * count reached 1 in a least run, 1 or 0 in a greatest one — and -1 otherwise.
 */
function addEntry(
  entry: number,
  amount: number,
  sign: 1 | -1,
  greatest: boolean,
  slotKey: Int32Array,
  keyType: Uint8Array,
  keyTotal: Float64Array,
  partValue: Float64Array,
): number {
  if (entry < 0) {
    const k = -1 - entry;
    const count = (keyTotal[k] as number) + sign;
    keyTotal[k] = count;
    return (greatest ? count > 1 : count !== 1) ? -1 : k;
  }
  const k = slotKey[entry] as number;
  const type = keyType[k] as number;
  const delta = type === KEY_TOTAL ? amount : 1;
  return delta === 0 || !addToSlot(keyTotal, partValue, k, entry, type === KEY_COUNT, sign * delta) ? -1 : k;
}
