import { meetsBound } from './aggregate-parts.js';
import { LEAF_ACTIVE, LEAF_COUNT, LEAF_FACT, LEAF_FALSE, LEAF_TOTAL, type Network, NODE_AND, NODE_LEAF } from './compile-network.js';
import { activeLeafHolds, ownPartOf, type FixedPointState } from './fixed-point-state.js';
import type { IntList } from './int-list.js';

// What an evaluation decides about the condition of each pledge it explains (DESIGN.md §4): for every node,
// whether it fails at the fixed point the pledge is explained against, and for every failing threshold the value
// the other parties' active pledges reached. Typed arrays only, written front to back: a million explanations
// allocate nothing here. The Reason objects are built from these records when a reader asks for them
// (explain-pledge.ts), and they read nothing else that depends on the scenario.

/** Per node: FAILS when it fails; COUNTS (waiting pledges only) when it and every ancestor fail. */
export const FAILS = 1;
export const COUNTS = 2;
/** While recording: an OR has a child that holds (replaced by the OR's own FAILS bit once it is decided). */
const HOLDS = 4;

export interface FailureRecords {
  /** Per node of an explained pledge: FAILS and COUNTS bits (0 for nodes of pledges not explained). */
  nodeFlags: Uint8Array;
  /** Per threshold (total/count leaf) that fails: the value the other parties' active pledges reached. */
  thresholdValue: Float64Array;
}

/** Empty (zeroed) records for one evaluation over `net`: each evaluation's own, since its result keeps them. */
export function createFailureRecords(net: Network): FailureRecords {
  return { nodeFlags: new Uint8Array(net.nodeKind.length), thresholdValue: new Float64Array(net.thresholdBound.length) };
}

/**
 * Record which nodes of pledge `p`'s condition fail at `state`, into records where the pledge's nodes are still 0
 * (each pledge at most once an evaluation). `factHolds[2 * fact + negated]` is 1 where a fact
 * literal holds in the state's mode. With `failing`, the failing aggregate leaves that make the pledge wait (every
 * ancestor fails, so no OR above them holds) are appended to it in node order, for the waiting groups.
 */
export function recordFailures(
  net: Network,
  state: FixedPointState,
  factHolds: Uint8Array,
  records: FailureRecords,
  p: number,
  failing?: IntList,
): void {
  const { rootNode, nodeKind, nodeParent } = net;
  const flags = records.nodeFlags;
  const first = p === 0 ? 0 : (rootNode[p - 1] as number) + 1;
  const root = rootNode[p] as number;
  // Post-order: a node's children come before it, and each adds to its parent's flag as it is decided (the
  // records start at 0, and a pledge is explained once an evaluation): FAILS into an AND's, HOLDS into an OR's.
  for (let n = first; n <= root; n++) {
    let fails: number;
    const kind = nodeKind[n] as number;
    if (kind === NODE_LEAF) fails = leafFails(net, state, factHolds, records, n);
    else if (kind === NODE_AND) fails = (flags[n] as number) & FAILS;
    else fails = ((flags[n] as number) & HOLDS) === 0 ? FAILS : 0;
    flags[n] = fails;
    const link = nodeParent[n] as number;
    if (link < 0) continue;
    const parent = link >> 1;
    if ((link & 1) === 1) flags[parent] = (flags[parent] as number) | fails;
    else if (fails === 0) flags[parent] = (flags[parent] as number) | HOLDS;
  }
  if (failing === undefined || (flags[root] as number) === 0) return;
  markCountingLeaves(net, flags, first, root, failing);
}

// Top down (reverse post-order reaches a parent before its children): a failing node counts when its parent does.
function markCountingLeaves(net: Network, flags: Uint8Array, first: number, root: number, failing: IntList): void {
  const { nodeParent, nodeKind, leafType } = net;
  flags[root] = FAILS | COUNTS;
  for (let n = root - 1; n >= first; n--) {
    const f = flags[n] as number;
    if (f === 0) continue;
    const parent = (nodeParent[n] as number) >> 1;
    if (((flags[parent] as number) & COUNTS) !== 0) flags[n] = f | COUNTS;
  }
  for (let n = first; n <= root; n++) {
    if (nodeKind[n] !== NODE_LEAF || ((flags[n] as number) & COUNTS) === 0) continue;
    const type = leafType[n] as number;
    if (type === LEAF_ACTIVE || type === LEAF_TOTAL || type === LEAF_COUNT) failing.push(n);
  }
}

// Whether a leaf fails at the state (FAILS or 0); a failing threshold's value is recorded.
function leafFails(net: Network, state: FixedPointState, factHolds: Uint8Array, records: FailureRecords, leaf: number): number {
  const type = net.leafType[leaf] as number;
  if (type === LEAF_FALSE) return FAILS;
  if (type === LEAF_FACT) return factHolds[2 * (net.leafRef[leaf] as number) + (net.leafAux[leaf] as number)] === 1 ? 0 : FAILS;
  if (type === LEAF_ACTIVE) return activeLeafHolds(net, state, leaf) ? 0 : FAILS;
  if (type !== LEAF_TOTAL && type !== LEAF_COUNT) return 0;
  const t = net.leafAux[leaf] as number;
  const value = (state.keyTotal[net.leafRef[leaf] as number] as number) - ownPartOf(net, state, leaf);
  if (meetsBound(value, net.thresholdBound[t] as number, net.thresholdStrict[t] === 1)) return 0;
  records.thresholdValue[t] = value;
  return FAILS;
}
