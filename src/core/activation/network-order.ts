import type { Network } from './compile-network.js';
import { pledgesByParty } from './compile-feeds.js';
import { allocateNodeArrays, isThreshold, NodeBlockWriter, type NodeArraysOf } from './node-blocks.js';

// The order a network numbers its pledges in: grouped by party (input order within a party). Feeding a pledge
// writes its party's own-part slots and active() keys, and explaining one reads them; with a party's pledges side
// by side those reads stay in a few cache lines instead of landing anywhere in megabytes of slots (at a million
// pledges, feeding took 271-313 ms per evaluation in input order, 150-189 grouped). The compiler reads the pledges
// in input order (their objects lie in memory in that order) and regroups the arrays it built, here.

/** The per-pledge, per-node and per-threshold arrays of a network as first built, in input order. */
export type PledgeArrays = Pick<
  Network,
  | 'pledgeIds'
  | 'pledgeParty'
  | 'pledgeCapability'
  | 'pledgeAreas'
  | 'quantityMin'
  | 'quantityMax'
  | 'rootNode'
  | 'nodeKind'
  | 'nodeParent'
  | 'leafType'
  | 'leafRef'
  | 'leafAux'
  | 'thresholdBound'
  | 'thresholdStrict'
>;

/**
 * The arrays renumbered so that each party's pledges are consecutive (their nodes and thresholds with them), and
 * per new pledge index its input position; the arrays themselves and no index when the input was already grouped.
 */
export function groupByParty<T extends PledgeArrays>(parts: T, partyCount: number): { parts: T; inputIndex: Int32Array | undefined } {
  const inputIndex = orderByParty(parts.pledgeParty, partyCount);
  if (inputIndex === undefined) return { parts, inputIndex };
  const count = inputIndex.length;
  const pledgeIds = new Array<string>(count);
  for (let q = 0; q < count; q++) pledgeIds[q] = parts.pledgeIds[inputIndex[q] as number] as string;
  return {
    parts: {
      ...parts,
      pledgeIds,
      pledgeParty: gather(parts.pledgeParty, inputIndex),
      pledgeCapability: gather(parts.pledgeCapability, inputIndex),
      pledgeAreas: gather(parts.pledgeAreas, inputIndex),
      quantityMin: gather(parts.quantityMin, inputIndex),
      quantityMax: gather(parts.quantityMax, inputIndex),
      ...moveNodes(parts, inputIndex),
    },
    inputIndex,
  };
}

/** Pledges by party index, stably (pledgesByParty, which also numbers the slots); undefined when that is the input order already. */
function orderByParty(pledgeParty: Int32Array, partyCount: number): Int32Array | undefined {
  const { order } = pledgesByParty(pledgeParty, partyCount);
  for (let q = 0; q < order.length; q++) if (order[q] !== q) return order;
  return undefined;
}

/** Per input position, the pledge's index in the network: the inverse of Network.inputIndex. */
export function networkIndexOf(inputIndex: Int32Array): Int32Array {
  const networkIndex = new Int32Array(inputIndex.length);
  for (let q = 0; q < inputIndex.length; q++) networkIndex[inputIndex[q] as number] = q;
  return networkIndex;
}

function gather<A extends Int32Array | Float64Array>(from: A, inputIndex: Int32Array): A {
  const to = new (from.constructor as new (length: number) => A)(inputIndex.length);
  for (let q = 0; q < inputIndex.length; q++) to[q] = from[inputIndex[q] as number] as number;
  return to;
}

// Each pledge's nodes move as one block (node-blocks.ts), thresholds renumbered in the new node order.
// The pledges are read in input order and their blocks written to their new places: reading them in the new
// order misses the cache on every pledge (1.4-1.8 s against 0.4 s at a million).
function moveNodes(parts: PledgeArrays, inputIndex: Int32Array): NodeArraysOf {
  const { rootNode: oldRoot, nodeKind: oldKind, leafType: oldType, thresholdBound: oldBound } = parts;
  const count = inputIndex.length;
  const networkIndex = networkIndexOf(inputIndex);
  // Where each pledge's nodes and thresholds start in the new order: sizes by new index, then prefix sums.
  const nodeStart = new Int32Array(count + 1);
  const thresholdStart = new Int32Array(count + 1);
  for (let p = 0, first = 0; p < count; p++) {
    const root = oldRoot[p] as number;
    let thresholds = 0;
    for (let n = first; n <= root; n++) if (isThreshold(oldType[n] as number)) thresholds++;
    const q = networkIndex[p] as number;
    nodeStart[q + 1] = root + 1 - first;
    thresholdStart[q + 1] = thresholds;
    first = root + 1;
  }
  for (let q = 0; q < count; q++) {
    nodeStart[q + 1]! += nodeStart[q] as number;
    thresholdStart[q + 1]! += thresholdStart[q] as number;
  }
  const nodes = new NodeBlockWriter(allocateNodeArrays(count, oldKind.length, oldBound.length));
  const span: [number, number] = [0, 0];
  for (let p = 0, first = 0; p < count; p++) {
    const root = oldRoot[p] as number;
    const q = networkIndex[p] as number;
    nodes.to = nodeStart[q] as number;
    nodes.threshold = thresholdStart[q] as number;
    span[0] = first;
    span[1] = root;
    nodes.copy(parts, span, q);
    first = root + 1;
  }
  return nodes.arrays;
}

/** Per-pledge flags in network order, rearranged into input order (the same array when the orders agree). */
export function toInputOrder(flags: Uint8Array, inputIndex: Int32Array | undefined): Uint8Array {
  if (inputIndex === undefined) return flags;
  const out = new Uint8Array(flags.length);
  for (let p = 0; p < flags.length; p++) out[inputIndex[p] as number] = flags[p] as number;
  return out;
}
