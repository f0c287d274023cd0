import type { FactValue } from '../types.js';
import { KEY_ACTIVE, type Network } from './compile-network.js';
import { type FeedTarget, feedQueued } from './feed-round.js';
import { START_AND, START_FACT, START_OR, TRUE_AT_FULL_MAX, TRUE_AT_FULL_MIN, TRUE_AT_NONE } from './initial-leaf-truth.js';
import { createScratch, type FixedPointScratch } from './fixed-point-scratch.js';
import { type FixedPointMode, type FixedPointState, tabulateFactLiterals } from './fixed-point-state.js';
import { sortNodeIds } from './sort-node-ids.js';
import { WATCH_OWN } from './compile-watches.js';
import { ThresholdWatches } from './threshold-watch.js';

export { createScratch, type FixedPointScratch } from './fixed-point-scratch.js';

// Counter-based propagation to a fixed point (DESIGN.md §4). Greatest: start from all candidates and drop
// pledges whose condition fails; least: start from none and add pledges whose condition holds. Each node
// keeps a counter (false children for AND, true children for OR), each leaf flips at most once, each
// pledge moves at most once. All state lives in typed arrays sized by the network.

/** Run one fixed point over the network for the given fact values (indexed like network.factIds). */
export function runFixedPoint(
  network: Network,
  factValues: readonly (FactValue | undefined)[],
  mode: FixedPointMode,
  scratch: FixedPointScratch = createScratch(network),
): FixedPointState {
  return new Propagation(network, factValues, mode, scratch).run();
}

class Propagation {
  private readonly quantity: Float64Array;
  private readonly state: FixedPointState;
  private readonly active: Uint8Array;
  private readonly keyTotal: Float64Array;
  private readonly partValue: Float64Array;
  /** The mode's TRUE_AT_* bit (initial-leaf-truth.ts): where each aggregate leaf stands when the run starts. */
  private readonly startBit: number;
  private readonly counter: Int32Array;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private watches: ThresholdWatches | undefined;
  /** Active keys: bit 0 set once the leaves needing one pledge were drained, bit 1 for those needing two. */
  private readonly drained: Uint8Array;
  private readonly dirty: Uint8Array;
  private readonly dirtyKeys: Int32Array;
  private readonly feeding: FeedTarget;
  private dirtyCount = 0;
  private readonly due: Int32Array;
  private dueCount = 0;
  private readonly markDue = (leaf: number): void => {
    this.due[this.dueCount++] = leaf;
  };

  constructor(
    private readonly net: Network,
    private readonly factValues: readonly (FactValue | undefined)[],
    private readonly mode: FixedPointMode,
    private readonly scratch: FixedPointScratch,
  ) {
    this.quantity = mode.optimistic ? net.quantityMax : net.quantityMin;
    // `active` goes into results; the aggregates are the scratch's (zeroed here, or overwritten by run()).
    this.active = new Uint8Array(net.pledgeIds.length);
    const slot = (mode.optimistic ? 2 : 0) + (mode.greatest ? 1 : 0);
    let aggregates = scratch.aggregates[slot];
    if (!aggregates) {
      aggregates = { keyTotal: new Float64Array(net.keyCount), partValue: new Float64Array(net.slotCount) };
      scratch.aggregates[slot] = aggregates;
    } else if (!mode.greatest) {
      aggregates.keyTotal.fill(0);
      aggregates.partValue.fill(0);
    }
    this.keyTotal = aggregates.keyTotal;
    this.partValue = aggregates.partValue;
    this.state = { mode, active: this.active, keyTotal: this.keyTotal, partValue: this.partValue };
    this.startBit = !mode.greatest ? TRUE_AT_NONE : mode.optimistic ? TRUE_AT_FULL_MAX : TRUE_AT_FULL_MIN;
    this.counter = scratch.counter.fill(0);
    this.queue = scratch.queue;
    this.drained = scratch.drained.fill(0);
    this.dirty = scratch.dirty.fill(0);
    this.dirtyKeys = scratch.dirtyKeys;
    this.due = scratch.due;
    this.feeding = {
      net,
      scratch,
      greatest: mode.greatest,
      queue: this.queue,
      quantity: this.quantity,
      keyTotal: this.keyTotal,
      partValue: this.partValue,
      dirty: this.dirty,
      dirtyKeys: this.dirtyKeys,
    };
  }

  run(): FixedPointState {
    const net = this.net;
    const greatest = this.mode.greatest;
    if (greatest) {
      // Every candidate active: the sums were added up once, when the network was compiled.
      this.active.fill(1);
      const full = this.mode.optimistic ? net.fullAtMax : net.fullAtMin;
      this.keyTotal.set(full.keyTotal);
      this.partValue.set(full.partValue);
    }
    this.evaluateAll();
    this.watches = new ThresholdWatches({
      order: net.thresholds,
      keyType: net.keyType,
      keyTotal: this.keyTotal,
      startBit: this.startBit,
      falling: greatest,
      partValue: this.partValue,
      room: this.scratch.watchRoom,
      width: greatest ? (this.mode.optimistic ? net.fullAtMax : net.fullAtMin).width : undefined,
      emit: this.markDue,
    });
    const sign = greatest ? -1 : +1;
    // In rounds: feed the queued pledges, let the watchers of each key that moved look once, then
    // flip the leaves that came due. Leaves only ever flip towards the fixed point, so the order does not change
    // the result; the due leaves are flipped in node order so that memory is read front to back.
    this.flipDue();
    while (this.head < this.tail) {
      this.feedRound(sign);
      this.fireDirtyKeys();
      this.flipDue();
    }
    return this.state;
  }

  private enqueue(pledge: number): void {
    this.active[pledge] = this.mode.greatest ? 0 : 1;
    this.queue[this.tail++] = pledge;
  }

  // Add (+1) or remove (-1) the queued pledges' contributions to every key they feed (feed-round.ts).
  private feedRound(sign: 1 | -1): void {
    this.dirtyCount = feedQueued(this.feeding, sign, this.head, this.tail, this.dirtyCount);
    this.head = this.tail;
  }

  // Once per round, each key that moved: its watchers look at its total. Kept out of feedRound() so that feeding
  // stays a short loop of counter updates.
  private fireDirtyKeys(): void {
    const watches = this.watches as ThresholdWatches;
    const keyType = this.net.keyType;
    for (let i = 0; i < this.dirtyCount; i++) {
      const k = this.dirtyKeys[i] as number;
      this.dirty[k] = 0;
      if (keyType[k] === KEY_ACTIVE) this.fireActive(k);
      else watches.fire(k, this.keyTotal[k] as number);
    }
    this.dirtyCount = 0;
  }

  // Flip the due leaves in node order and carry each change up its tree; a root that flips moves its pledge. Node
  // values are not stored: an AND/OR's is its counter's, and a leaf's only flip is this one. One loop over locals,
  // like the feeding loops (feed-round.ts).
  private flipDue(): void {
    const due = sortNodeIds(this.due, this.dueCount, this.scratch.dueSpare, this.net.nodeKind.length, this.scratch.radixCounts);
    this.dueCount = 0;
    const parent = this.net.nodeParent;
    const { counter, active, queue } = this;
    const nowTrue = this.mode.greatest ? 0 : 1;
    let tail = this.tail;
    for (let i = 0; i < due.length; i++) {
      let link = parent[due[i] as number] as number;
      for (;;) {
        if (link < 0) {
          const pledge = -1 - link;
          if (active[pledge] !== nowTrue) {
            active[pledge] = nowTrue;
            queue[tail++] = pledge;
          }
          break;
        }
        // The parent's kind rides in the link's low bit: one array read less per step up.
        const isAnd = (link & 1) === 1;
        // AND counts false children, OR true ones.
        const delta = isAnd === (nowTrue === 0) ? 1 : -1;
        const count = (counter[link >> 1] as number) + delta;
        counter[link >> 1] = count;
        const flipped = isAnd ? (nowTrue === 0 ? count === 1 : count === 0) : nowTrue === 1 ? count === 1 : count === 0;
        if (!flipped) break;
        link = parent[link >> 1] as number;
      }
    }
    this.tail = tail;
  }

  private fireActive(k: number): void {
    const count = this.keyTotal[k] as number;
    // Greatest: leaves needing 2 (their own pledge is in the key) fail below 2, the others below 1. Least: all need 1.
    if (this.mode.greatest) {
      if (count < 2) this.drain(k, 1);
      if (count < 1) this.drain(k, 0);
    } else if (count >= 1) {
      this.drain(k, 0);
    }
  }

  // Flip every pending active() leaf of key k in one bucket (0: needs one pledge, 1: needs two), once per run.
  private drain(k: number, bucket: 0 | 1): void {
    const bit = 1 << bucket;
    if (((this.drained[k] as number) & bit) !== 0) return;
    this.drained[k]! |= bit;
    const net = this.net;
    const flags = net.watchFlags;
    // A leaf flips once a run, and only from where it started: true in a greatest run, false in a least one. Only
    // greatest runs tell the buckets apart (in a least run, every leaf needs one pledge).
    const startBit = this.startBit;
    const pending = this.mode.greatest ? startBit : 0;
    const own = this.mode.greatest && bucket === 1 ? WATCH_OWN : 0;
    const mask = startBit | (this.mode.greatest ? WATCH_OWN : 0);
    const want = pending | own;
    const end = net.watchStart[k + 1] as number;
    for (let w = net.watchStart[k] as number; w < end; w++) {
      if (((flags[w] as number) & mask) === want) this.due[this.dueCount++] = net.watchLeaf[w] as number;
    }
  }

  // One pass in post-order: a leaf's value, then every internal node from its children's counts. A node's start code
  // (initial-leaf-truth.ts) says which: an AND/OR reads its counter, an aggregate or constant leaf its start value
  // for this kind of run, worked out at compile time, a fact leaf this run's table of fact literals.
  private evaluateAll(): void {
    const { startCode, nodeParent } = this.net;
    const counter = this.counter;
    const greatest = this.mode.greatest;
    const bit = this.startBit;
    const factTrue = tabulateFactLiterals(this.factValues, this.mode.optimistic);
    // A greatest run seeded with a set that contains its fixed point drops every pledge outside it at once.
    const within = greatest ? this.mode.within : undefined;
    for (let n = 0; n < startCode.length; n++) {
      const code = startCode[n] as number;
      let isTrue: boolean;
      // Below START_AND: a constant or aggregate leaf's TRUE_AT_* bits.
      if (code < START_AND) isTrue = (code & bit) !== 0;
      else if (code === START_AND) isTrue = counter[n] === 0;
      else if (code === START_OR) isTrue = (counter[n] as number) > 0;
      else isTrue = factTrue[code - START_FACT] === 1;
      const link = nodeParent[n] as number;
      if (link >= 0) {
        if ((link & 1) === 1 ? !isTrue : isTrue) counter[link >> 1]! += 1;
        continue;
      }
      // A root: its pledge moves first.
      const pledge = -1 - link;
      if (greatest ? !isTrue || (within !== undefined && within[pledge] === 0) : isTrue) this.enqueue(pledge);
    }
  }
}
