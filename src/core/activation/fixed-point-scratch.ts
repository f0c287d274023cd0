import type { Network } from './compile-network.js';
import { createRadixCounts } from './sort-node-ids.js';
import { createWatchRoom, type WatchRoom } from './threshold-watch.js';

// The working arrays of fixed-point runs (run-fixed-point.ts): sized by the network, reset by each run, and kept
// with the network between scenarios (evaluate-activation.ts), since at a million pledges they are tens of MB.

/** Queued pledges a run feeds per chunk (feed-round.ts feedDense). */
export const FEED_CHUNK = 256;

/** Feed entries a sparse round gathers before adding them (feed-round.ts feedSparse), or the longest feed list if longer. */
export const FEED_ROOM = 8192;

/** A round is sparse when it feeds fewer than one pledge in this many (feed-round.ts feedQueued). */
export const SPARSE_ROUND = 10;

/** Working arrays of a run that no result refers to: reusable by the next run over the same network. */
export interface FixedPointScratch {
  counter: Int32Array;
  queue: Int32Array;
  drained: Uint8Array;
  /** Keys whose watchers must look once this round (a total/count key's sum moved; an active() key's count reached 1 or 0), as a list and as flags. */
  dirtyKeys: Int32Array;
  dirty: Uint8Array;
  /** Leaves due to flip in the current round (each aggregate leaf is due at most once a run). */
  due: Int32Array;
  /** Room to sort `due` by node id. */
  dueSpare: Int32Array;
  radixCounts: Int32Array;
  /** Per chunk of queued pledges being fed: where each one's feeds start and end, and its quantity. */
  chunkFrom: Int32Array;
  chunkTo: Int32Array;
  chunkAmount: Float64Array;
  /** Per feed entry gathered by a sparse round: the entry, and its pledge's quantity (FEED_ROOM or the longest feed list). */
  roomEntry: Int32Array;
  roomAmount: Float64Array;
  watchRoom: WatchRoom;
  /**
   * A state's aggregates (FixedPointState.keyTotal, partValue), one pair per mode, made on first use: the explanations
   * read them after all runs, so each mode keeps its own, and they stay valid until the next run of that mode here.
   */
  aggregates: ({ keyTotal: Float64Array; partValue: Float64Array } | undefined)[];
}

/** Allocate the working arrays for runs over `network`. */
export function createScratch(network: Network): FixedPointScratch {
  const nodeCount = network.nodeKind.length;
  const room = Math.max(FEED_ROOM, longestFeedList(network.feedStart));
  return {
    counter: new Int32Array(nodeCount),
    queue: new Int32Array(network.pledgeIds.length),
    drained: new Uint8Array(network.keyCount),
    dirtyKeys: new Int32Array(network.keyCount),
    dirty: new Uint8Array(network.keyCount),
    due: new Int32Array(network.watchLeaf.length),
    dueSpare: new Int32Array(network.watchLeaf.length),
    radixCounts: createRadixCounts(),
    chunkFrom: new Int32Array(FEED_CHUNK),
    chunkTo: new Int32Array(FEED_CHUNK),
    chunkAmount: new Float64Array(FEED_CHUNK),
    roomEntry: new Int32Array(room),
    roomAmount: new Float64Array(room),
    watchRoom: createWatchRoom(network.keyCount, network.thresholds.leaf.length),
    aggregates: [undefined, undefined, undefined, undefined],
  };
}

function longestFeedList(feedStart: Int32Array): number {
  let longest = 0;
  for (let p = 0; p + 1 < feedStart.length; p++) longest = Math.max(longest, (feedStart[p + 1] as number) - (feedStart[p] as number));
  return longest;
}
