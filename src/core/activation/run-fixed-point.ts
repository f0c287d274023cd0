import type { FactValue } from '../types.js';
import {
  KEY_ACTIVE,
  KEY_COUNT,
  KEY_TOTAL,
  LEAF_ACTIVE,
  LEAF_FACT,
  LEAF_TOTAL,
  LEAF_TRUE,
  NODE_AND,
  NODE_LEAF,
  type Network,
} from './compile-network.js';
import { type ThresholdLeaf, ThresholdWatch } from './threshold-watch.js';

// Counter-based propagation to a fixed point (DESIGN.md §4). Greatest: start from all candidates and drop
// pledges whose condition fails; least: start from none and add pledges whose condition holds. Each node
// keeps a counter (false children for AND, true children for OR), each leaf flips at most once, each
// pledge moves at most once.

export interface FixedPointMode {
  /** Unknown facts count as true and quantities at their maximum; else false and minimum. */
  optimistic: boolean;
  greatest: boolean;
}

/** The aggregates at a fixed point, enough to re-evaluate any leaf. */
export interface FixedPointState {
  mode: FixedPointMode;
  active: Uint8Array;
  /** Per key: the sum (total), the number of parties (count) or of pledges (active). */
  keyTotal: Float64Array;
  /** Per total/count key: each party's own part (quantity for total, pledge count for count). */
  keyParty: Map<number, number>[];
}

/** Evaluate a fact literal under the mode's reading of unknown facts. */
export function evaluateFact(value: FactValue | undefined, negated: boolean, optimistic: boolean): boolean {
  if (value === 'unknown' || value === undefined) return optimistic;
  return negated ? !value : value;
}

/** Run one fixed point over the network for the given fact values (indexed like network.factIds). */
export function runFixedPoint(network: Network, factValues: readonly (FactValue | undefined)[], mode: FixedPointMode): FixedPointState {
  return new Propagation(network, factValues, mode).run();
}

class Propagation {
  private readonly quantity: Float64Array;
  private readonly active: Uint8Array;
  private readonly keyTotal: Float64Array;
  private readonly keyParty: Map<number, number>[];
  private readonly nodeTrue: Uint8Array;
  private readonly counter: Int32Array;
  private readonly queue: Int32Array;
  private head = 0;
  private tail = 0;
  private readonly watches: (ThresholdWatch | undefined)[];
  /** Active keys: leaves that fire when the pledge count crosses 1 (index 0) or 2 (index 1). */
  private readonly activeBuckets: [number[], number[]][];

  constructor(
    private readonly net: Network,
    private readonly factValues: readonly (FactValue | undefined)[],
    private readonly mode: FixedPointMode,
  ) {
    const pledgeCount = net.pledges.length;
    this.quantity = mode.optimistic ? net.quantityMax : net.quantityMin;
    this.active = new Uint8Array(pledgeCount);
    this.keyTotal = new Float64Array(net.keys.length);
    this.keyParty = net.keys.map(() => new Map<number, number>());
    this.nodeTrue = new Uint8Array(net.nodeKind.length);
    this.counter = new Int32Array(net.nodeKind.length);
    this.queue = new Int32Array(pledgeCount);
    this.watches = new Array<ThresholdWatch | undefined>(net.keys.length);
    this.activeBuckets = net.keys.map(() => [[], []]);
  }

  run(): FixedPointState {
    if (this.mode.greatest) {
      this.active.fill(1);
      for (let p = 0; p < this.net.pledges.length; p++) this.feed(p, +1, false);
    }
    this.evaluateAll();
    this.buildWatches();
    const greatest = this.mode.greatest;
    for (let p = 0; p < this.net.pledges.length; p++) {
      const rootTrue = this.nodeTrue[this.net.rootNode[p] as number] === 1;
      if (greatest ? !rootTrue : rootTrue) this.enqueue(p);
    }
    while (this.head < this.tail) this.feed(this.queue[this.head++] as number, greatest ? -1 : +1, true);
    return { mode: this.mode, active: this.active, keyTotal: this.keyTotal, keyParty: this.keyParty };
  }

  private enqueue(pledge: number): void {
    this.active[pledge] = this.mode.greatest ? 0 : 1;
    this.queue[this.tail++] = pledge;
  }

  // Add (+1) or remove (-1) a pledge's contribution to every key it feeds; when `notify`, fire the watchers.
  private feed(pledge: number, sign: 1 | -1, notify: boolean): void {
    const net = this.net;
    const party = net.pledgeParty[pledge] as number;
    for (let f = net.feedStart[pledge] as number; f < (net.feedStart[pledge + 1] as number); f++) {
      const k = net.feedKey[f] as number;
      const type = (net.keys[k] as { type: number }).type;
      if (type === KEY_ACTIVE) {
        this.keyTotal[k] = (this.keyTotal[k] as number) + sign;
        if (notify) this.fireActive(k);
        continue;
      }
      const parts = this.keyParty[k] as Map<number, number>;
      const before = parts.get(party) ?? 0;
      const delta = type === KEY_TOTAL ? this.quantity[pledge]! : 1;
      if (delta === 0) continue;
      const after = before + sign * delta;
      parts.set(party, after);
      if (type === KEY_COUNT) {
        // count() counts parties: the key moves only when a party's first pledge arrives or its last leaves.
        if (before > 0 && after > 0) continue;
        this.keyTotal[k] = (this.keyTotal[k] as number) + sign;
      } else {
        this.keyTotal[k] = (this.keyTotal[k] as number) + sign * delta;
      }
      if (notify) {
        const watch = this.watches[k];
        if (watch) {
          watch.updateParty(party);
          watch.fire(this.keyTotal[k] as number, (leaf) => this.flip(leaf));
        }
      }
    }
  }

  private fireActive(k: number): void {
    const count = this.keyTotal[k] as number;
    const buckets = this.activeBuckets[k] as [number[], number[]];
    // Greatest: leaves needing 2 (their own pledge is in the key) fail below 2, the others below 1. Least: all need 1.
    if (this.mode.greatest) {
      if (count < 2) this.drain(buckets[1]);
      if (count < 1) this.drain(buckets[0]);
    } else if (count >= 1) {
      this.drain(buckets[0]);
    }
  }

  private drain(leaves: number[]): void {
    for (const leaf of leaves) this.flip(leaf);
    leaves.length = 0;
  }

  private evaluateAll(): void {
    const net = this.net;
    for (let n = 0; n < net.nodeKind.length; n++) {
      const isTrue = net.nodeKind[n] === NODE_LEAF ? this.evaluateLeaf(n) : this.internalTrue(n);
      this.nodeTrue[n] = isTrue ? 1 : 0;
      const up = net.nodeParent[n] as number;
      if (up < 0) continue;
      if (net.nodeKind[up] === NODE_AND ? !isTrue : isTrue) this.counter[up]! += 1;
    }
  }

  private internalTrue(n: number): boolean {
    return this.net.nodeKind[n] === NODE_AND ? this.counter[n] === 0 : (this.counter[n] as number) > 0;
  }

  private evaluateLeaf(n: number): boolean {
    const net = this.net;
    const type = net.leafType[n] as number;
    if (type === LEAF_FACT) {
      return evaluateFact(this.factValues[net.leafRef[n] as number], net.leafNegated[n] === 1, this.mode.optimistic);
    }
    if (type < LEAF_FACT) return type === LEAF_TRUE;
    const pledge = net.nodePledge[n] as number;
    const k = net.leafRef[n] as number;
    if (type === LEAF_ACTIVE) return (this.keyTotal[k] as number) - (this.feedsOwnKey(n) && this.active[pledge] ? 1 : 0) >= 1;
    const own = ownPart(this.keyParty[k] as Map<number, number>, net.pledgeParty[pledge] as number, type === LEAF_TOTAL);
    const value = (this.keyTotal[k] as number) - own;
    const bound = net.leafThreshold[n] as number;
    return net.leafStrict[n] === 1 ? value > bound : value >= bound;
  }

  private feedsOwnKey(leaf: number): boolean {
    const net = this.net;
    const pledge = net.nodePledge[leaf] as number;
    const k = net.leafRef[leaf] as number;
    for (let f = net.feedStart[pledge] as number; f < (net.feedStart[pledge + 1] as number); f++) if (net.feedKey[f] === k) return true;
    return false;
  }

  // Leaves that can still flip go into watches: true ones for the greatest fixed point, false ones for the least.
  private buildWatches(): void {
    const net = this.net;
    const pending = this.mode.greatest ? 1 : 0;
    const thresholdLeaves: ThresholdLeaf[][] = net.keys.map(() => []);
    for (let k = 0; k < net.keys.length; k++) {
      for (let w = net.watchStart[k] as number; w < (net.watchStart[k + 1] as number); w++) {
        const leaf = net.watchLeaf[w] as number;
        if (this.nodeTrue[leaf] !== pending) continue;
        if (net.leafType[leaf] === LEAF_ACTIVE) {
          const needsTwo = this.mode.greatest && this.feedsOwnKey(leaf);
          (this.activeBuckets[k] as [number[], number[]])[needsTwo ? 1 : 0].push(leaf);
        } else {
          const pledge = net.nodePledge[leaf] as number;
          (thresholdLeaves[k] as ThresholdLeaf[]).push({
            leaf,
            party: net.pledgeParty[pledge] as number,
            threshold: net.leafThreshold[leaf] as number,
            strict: net.leafStrict[leaf] === 1,
          });
        }
      }
      const leaves = thresholdLeaves[k] as ThresholdLeaf[];
      if (leaves.length === 0) continue;
      const parts = this.keyParty[k] as Map<number, number>;
      const isTotal = (net.keys[k] as { type: number }).type === KEY_TOTAL;
      this.watches[k] = new ThresholdWatch(leaves, this.mode.greatest, (party) => ownPart(parts, party, isTotal));
    }
  }

  // Flip a leaf and carry the change up its tree; a root that flips moves its pledge.
  private flip(leaf: number): void {
    const net = this.net;
    const nowTrue = this.mode.greatest ? 0 : 1;
    let n = leaf;
    this.nodeTrue[n] = nowTrue;
    for (;;) {
      const up = net.nodeParent[n] as number;
      if (up < 0) {
        const pledge = net.nodePledge[n] as number;
        if (this.active[pledge] !== nowTrue) this.enqueue(pledge);
        return;
      }
      const isAnd = net.nodeKind[up] === NODE_AND;
      // AND counts false children, OR true ones.
      const delta = isAnd === (nowTrue === 0) ? 1 : -1;
      const count = (this.counter[up] as number) + delta;
      this.counter[up] = count;
      const flipped = isAnd ? (nowTrue === 0 ? count === 1 : count === 0) : nowTrue === 1 ? count === 1 : count === 0;
      if (!flipped) return;
      this.nodeTrue[up] = nowTrue;
      n = up;
    }
  }
}

/** A party's own part of a key: its quantity for total(), 1 if it has any active pledge for count(). */
export function ownPart(parts: Map<number, number>, party: number, isTotal: boolean): number {
  const part = parts.get(party) ?? 0;
  return isTotal ? part : part > 0 ? 1 : 0;
}
