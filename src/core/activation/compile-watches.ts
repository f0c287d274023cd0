import { lowerBound } from '../lower-bound.js';
import { KEY_ACTIVE, LEAF_ACTIVE, LEAF_TOTAL } from './network-codes.js';

// Static watch structures of a network: the leaves watching each aggregate key, and the threshold leaves of
// each total()/count() key sorted by bound, so that a run moves one cursor along each key (threshold-watch.ts).

const INSERTION_SORT_LIMIT = 32;

export interface ThresholdOrder {
  /** CSR key → its threshold leaves, ascending by bound; active keys have none. */
  keyStart: Int32Array;
  leaf: Int32Array;
  /** Per entry, stored alongside for locality: the bound, 1 for ">", and the own-part slot (-1: the party feeds nothing to the key). */
  bound: Float64Array;
  strict: Uint8Array;
  slot: Int32Array;
  /** Per entry, its leaf's initialLeafTruth (initial-leaf-truth.ts): read in entry order, not at the leaf's node. */
  truth: Uint8Array;
  /** Per entry, the most its party's own part of the key can be in any run (threshold-watch.ts measureOwnParts). */
  ownMost: Float64Array;
}

export interface OrderInput {
  keyType: Uint8Array;
  /** Threshold index of each total/count leaf. */
  leafAux: Int32Array;
  thresholdBound: Float64Array;
  thresholdStrict: Uint8Array;
  thresholdSlot: Int32Array;
  slotCount: number;
  watchStart: Int32Array;
  watchLeaf: Int32Array;
}

/** CSR of the aggregate leaves (total, count, active) watching each key. */
export function buildWatches(leafType: Uint8Array, leafRef: Int32Array, keyCount: number): { watchStart: Int32Array; watchLeaf: Int32Array } {
  const nodeCount = leafType.length;
  const watchStart = new Int32Array(keyCount + 1);
  for (let n = 0; n < nodeCount; n++) {
    if ((leafType[n] as number) >= LEAF_TOTAL) watchStart[(leafRef[n] as number) + 1]! += 1;
  }
  for (let k = 0; k < keyCount; k++) watchStart[k + 1]! += watchStart[k] as number;
  const fill = watchStart.slice(0, keyCount);
  const watchLeaf = new Int32Array(watchStart[keyCount] as number);
  for (let n = 0; n < nodeCount; n++) {
    if ((leafType[n] as number) >= LEAF_TOTAL) watchLeaf[fill[leafRef[n] as number]!++] = n;
  }
  return { watchStart, watchLeaf };
}

/** In Network.watchFlags: the watching active() leaf's own pledge feeds the key (it needs two active pledges when all are). */
export const WATCH_OWN = 8;

/**
 * Per watch entry, what a run's drain of an active() key asks of its leaf, read in entry order rather than at the
 * leaf's node: its initialLeafTruth bits (initial-leaf-truth.ts), and WATCH_OWN.
 */
export function flagWatchers(watchLeaf: Int32Array, leafType: Uint8Array, leafAux: Int32Array, initialLeafTruth: Uint8Array): Uint8Array {
  const flags = new Uint8Array(watchLeaf.length);
  for (let w = 0; w < flags.length; w++) {
    const leaf = watchLeaf[w] as number;
    const own = leafType[leaf] === LEAF_ACTIVE && ((leafAux[leaf] as number) & 1) === 1;
    flags[w] = (initialLeafTruth[leaf] as number) | (own ? WATCH_OWN : 0);
  }
  return flags;
}

/** The threshold leaves of every total/count key, sorted by bound (equal bounds in node order). */
export function sortThresholdLeaves(input: OrderInput): Omit<ThresholdOrder, 'truth' | 'ownMost'> {
  const keyStart = countThresholdLeaves(input);
  const keyCount = input.keyType.length;
  const count = keyStart[keyCount] as number;
  const leaf = new Int32Array(count);
  const bound = new Float64Array(count);
  const { watchStart, watchLeaf, thresholdBound, leafAux } = input;
  for (let k = 0; k < keyCount; k++) {
    const from = watchStart[k] as number;
    const at = keyStart[k] as number;
    const size = (keyStart[k + 1] as number) - at;
    for (let i = 0; i < size; i++) {
      const l = watchLeaf[from + i] as number;
      leaf[at + i] = l;
      bound[at + i] = thresholdBound[leafAux[l] as number] as number;
    }
    sortByBound(leaf.subarray(at, at + size), bound.subarray(at, at + size));
  }
  return { keyStart, leaf, bound, ...readThresholds(input, leaf) };
}

/** What a spliced network (splice-network.ts) keeps of the order of the network it was made from. */
export interface PreviousOrder {
  order: Pick<ThresholdOrder, 'keyStart' | 'leaf' | 'bound'>;
  /** Per node of that network, its number in the new one (-1: its pledge was removed); increasing over kept nodes. */
  nodeMap: Int32Array;
  /** The new network's total/count leaves that are not from that network (the inserted pledges'). */
  added: Int32Array;
}

/**
 * sortThresholdLeaves of a spliced network, from the order of the network it was made from: kept leaves are
 * renumbered in the same order, so their entries stay sorted by bound and then node; the few added leaves are
 * merged in. One pass over the entries instead of sorting every key's leaves again (a third of a splice at 100,000
 * pledges). The keys are the same in both networks.
 */
export function mergeThresholdLeaves(input: OrderInput & { leafRef: Int32Array }, previous: PreviousOrder): Omit<ThresholdOrder, 'truth' | 'ownMost'> {
  const keyStart = countThresholdLeaves(input);
  const keyCount = input.keyType.length;
  const leaf = new Int32Array(keyStart[keyCount] as number);
  const bound = new Float64Array(leaf.length);
  const { thresholdBound, leafAux, leafRef } = input;
  const boundOf = (l: number): number => thresholdBound[leafAux[l] as number] as number;
  const added = Array.from(previous.added).sort((a, b) => (leafRef[a] as number) - (leafRef[b] as number) || boundOf(a) - boundOf(b) || a - b);
  const { nodeMap } = previous;
  const { keyStart: oldStart, leaf: oldLeaf, bound: oldBound } = previous.order;
  let next = 0;
  for (let k = 0; k < keyCount; k++) {
    let at = keyStart[k] as number;
    const limit = keyStart[k + 1] as number;
    const end = oldStart[k + 1] as number;
    let i = oldStart[k] as number;
    // Most keys gain no leaf: their kept entries, renumbered, in order.
    if (next === added.length || leafRef[added[next] as number] !== k) {
      for (; i < end; i++) {
        const kept = nodeMap[oldLeaf[i] as number] as number;
        if (kept < 0) continue;
        if (at === limit) return sortThresholdLeaves(input);
        leaf[at] = kept;
        bound[at++] = oldBound[i] as number;
      }
    } else {
      for (;;) {
        while (i < end && (nodeMap[oldLeaf[i] as number] as number) < 0) i++;
        const mine = next < added.length && leafRef[added[next] as number] === k;
        if (i === end && !mine) break;
        if (at === limit) return sortThresholdLeaves(input);
        const kept = i < end ? (nodeMap[oldLeaf[i] as number] as number) : -1;
        const newcomer = mine ? (added[next] as number) : -1;
        // Sorted by bound, then node: the newcomer goes first when its bound is lower, or equal and its node lower.
        if (mine && (i === end || boundOf(newcomer) < (oldBound[i] as number) || (boundOf(newcomer) === oldBound[i] && newcomer < kept))) {
          leaf[at] = newcomer;
          bound[at++] = boundOf(newcomer);
          next++;
        } else {
          leaf[at] = kept;
          bound[at++] = oldBound[i++] as number;
        }
      }
    }
    // The counts disagree only if the hint is not this network's: sort as a fresh compile does.
    if (at !== limit) return sortThresholdLeaves(input);
  }
  return { keyStart, leaf, bound, ...readThresholds(input, leaf) };
}

// CSR start of each key's threshold leaves: its watching leaves for a total/count key, none for an active() key.
function countThresholdLeaves(input: OrderInput): Int32Array {
  const keyCount = input.keyType.length;
  const keyStart = new Int32Array(keyCount + 1);
  for (let k = 0; k < keyCount; k++) {
    const size = input.keyType[k] === KEY_ACTIVE ? 0 : (input.watchStart[k + 1] as number) - (input.watchStart[k] as number);
    keyStart[k + 1] = (keyStart[k] as number) + size;
  }
  return keyStart;
}

// Per entry, stored alongside for locality: its threshold's strictness and own-part slot.
function readThresholds(input: OrderInput, leaf: Int32Array): { strict: Uint8Array; slot: Int32Array } {
  const { leafAux, thresholdStrict, thresholdSlot } = input;
  const strict = new Uint8Array(leaf.length);
  const slot = new Int32Array(leaf.length);
  for (let i = 0; i < leaf.length; i++) {
    const threshold = leafAux[leaf[i] as number] as number;
    strict[i] = thresholdStrict[threshold] as number;
    slot[i] = thresholdSlot[threshold] as number;
  }
  return { strict, slot };
}

/** The order with each entry's initial truth, from the per-node `initialLeafTruth`, and its largest own part. */
export function addEntryTruth(order: Omit<ThresholdOrder, 'truth' | 'ownMost'>, initialLeafTruth: Uint8Array, ownMost: Float64Array): ThresholdOrder {
  const truth = new Uint8Array(order.leaf.length);
  for (let i = 0; i < truth.length; i++) truth[i] = initialLeafTruth[order.leaf[i] as number] as number;
  return { ...order, truth, ownMost };
}

// Sorts `leaf` and `bound` together by bound, in place. Small ranges by insertion; larger ones without a comparator:
// the bounds sorted natively, each leaf ranked by binary search, then placed by a counting sort.
function sortByBound(leaf: Int32Array, bound: Float64Array): void {
  const size = leaf.length;
  if (size <= INSERTION_SORT_LIMIT) {
    for (let i = 1; i < size; i++) {
      const l = leaf[i] as number;
      const b = bound[i] as number;
      let j = i - 1;
      while (j >= 0 && (bound[j] as number) > b) {
        leaf[j + 1] = leaf[j] as number;
        bound[j + 1] = bound[j] as number;
        j--;
      }
      leaf[j + 1] = l;
      bound[j + 1] = b;
    }
    return;
  }
  const sorted = bound.slice().sort();
  const place = new Int32Array(size + 1);
  const rank = new Int32Array(size);
  for (let i = 0; i < size; i++) {
    rank[i] = lowerBound(sorted, bound[i] as number);
    place[(rank[i] as number) + 1]! += 1;
  }
  for (let r = 0; r < size; r++) place[r + 1]! += place[r] as number;
  const leaves = leaf.slice();
  for (let i = 0; i < size; i++) leaf[place[rank[i] as number]!++] = leaves[i] as number;
  bound.set(sorted);
}
