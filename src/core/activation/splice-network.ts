import { type FeedInput, KeyIndex, keyOfFeed, listPledgeFeeds, slotFeeds } from './compile-feeds.js';
import {
  type ActivationPledge,
  type CompiledNames,
  compilePledgeBlock,
  finishNetwork,
  type NameTable,
  namesOf,
  type Network,
  type PledgeBlock,
  setNamesOf,
} from './compile-network.js';
import { allocateNodeArrays, allocatePledgeFields, isThreshold, NodeBlockWriter } from './node-blocks.js';

// A network for candidates that differ from a compiled network's by a few pledges removed, inserted or replaced
// (a write), made from that network instead of compiled anew: equal to compileNetwork of the new candidates, array
// for array (property-tested through compiled-candidates.property.test.ts). The kept pledges' node blocks are
// copied into place (the order grouped by party, network-order.ts, is merged, not sorted), only the inserted
// pledges' conditions are compiled, and the feeds are listed for them alone; what depends on every pledge (slots,
// watches, full sums, start codes) is worked out from the typed arrays as compileNetwork does, and the threshold
// order is merged from the old network's.
// The names keep their numbers, so a splice is refused (undefined) when a fresh compile would number them
// otherwise: a removed pledge was the first to use a name, or an inserted one uses a name first used after it. A
// pledge replaced by a version naming the same things (only its quantity changed) keeps its first uses: the new
// version uses the same names in the same order, at its new position.

export interface NetworkSplice {
  /** Per input position of the network's pledges, its position among the new candidates (-1: removed); increasing. */
  oldToNew: Int32Array;
  /** The pledges at the other new positions, ascending by position. */
  inserted: readonly { position: number; pledge: ActivationPledge }[];
  /** The new candidates' ids, in input order. */
  inputIds: readonly string[];
  /** Replaced pledges whose new version names the same party, capability, areas and condition: old position → new. */
  sameNames?: ReadonlyMap<number, number>;
}

/** compileNetwork of the new candidates, from `network`; undefined when the names would be numbered otherwise. */
export function spliceNetwork(network: Network, splice: NetworkSplice): Network | undefined {
  const compiled = namesOf(network);
  const names = compiled && renumberFirstUses(compiled, splice.oldToNew, splice.sameNames);
  if (!names) return undefined;
  const blocks: PledgeBlock[] = [];
  for (const { position, pledge } of splice.inserted) {
    const block = compilePledgeBlock(names, pledge, position);
    if (!block) return undefined;
    blocks.push(block);
  }
  const order = mergeByParty(network, splice, blocks);
  if (!order) return undefined;
  const pledges = placePledges(network, splice, blocks, order);
  const { arrays: nodes, nodeMap, added } = placeNodes(network, blocks, order.source);
  const linked = { ...tablesOf(network), ...pledges, ...nodes };
  const { feedStart, feedKey } = listSplicedFeeds(network, blocks, order.source);
  const previous = { order: network.thresholds, nodeMap, added };
  const spliced = finishNetwork({ ...linked, ...slotFeeds(linked, feedStart, feedKey) }, order.inputIndex, splice.inputIds, previous);
  setNamesOf(spliced, names);
  return spliced;
}

// The names with their first users' new positions; undefined if a first user is removed (and not replaced by a
// version naming the same things).
function renumberFirstUses(names: CompiledNames, oldToNew: Int32Array, sameNames: ReadonlyMap<number, number> | undefined): CompiledNames | undefined {
  let kept = true;
  const move = (first: readonly number[]): number[] =>
    first.map((at) => {
      const to = (oldToNew[at] as number) >= 0 ? (oldToNew[at] as number) : (sameNames?.get(at) ?? -1);
      if (to < 0) kept = false;
      return to;
    });
  const table = (from: NameTable): NameTable => ({ index: from.index, first: move(from.first) });
  const next: CompiledNames = {
    parties: table(names.parties),
    capabilities: table(names.capabilities),
    facts: table(names.facts),
    areaLists: table(names.areaLists),
    areas: table(names.areas),
    keys: names.keys,
    keyFirst: move(names.keyFirst),
    keyOrder: names.keyOrder,
  };
  return kept ? next : undefined;
}

interface SplicedOrder {
  /** Per new network index: the old network index of a kept pledge, or -1 - the inserted pledge's index. */
  source: Int32Array;
  inputIndex: Int32Array | undefined;
}

// The new network order: per party (ascending), its kept pledges and its inserted ones merged by input position.
function mergeByParty(network: Network, splice: NetworkSplice, blocks: readonly PledgeBlock[]): SplicedOrder | undefined {
  const { oldToNew, inserted } = splice;
  const count = splice.inputIds.length;
  const oldCount = network.pledgeIds.length;
  const partyCount = network.partyIds.length;
  const insertedOf: number[][] = Array.from({ length: partyCount }, () => []);
  blocks.forEach((block, i) => (insertedOf[block.party] as number[]).push(i));
  const source = new Int32Array(count);
  const inputIndex = new Int32Array(count);
  const { pledgeParty } = network;
  const oldInput = network.inputIndex;
  let q = 0;
  let o = 0;
  for (let r = 0; r < partyCount; r++) {
    const mine = insertedOf[r] as number[];
    let i = 0;
    const flush = (before: number): void => {
      for (; i < mine.length && (inserted[mine[i] as number] as { position: number }).position < before; i++) {
        if (q >= count) return;
        source[q] = -1 - (mine[i] as number);
        inputIndex[q++] = (inserted[mine[i] as number] as { position: number }).position;
      }
    };
    for (; o < oldCount && pledgeParty[o] === r; o++) {
      const at = oldToNew[oldInput === undefined ? o : (oldInput[o] as number)] as number;
      if (at < 0) continue;
      flush(at);
      if (q >= count) return undefined;
      source[q] = o;
      inputIndex[q++] = at;
    }
    flush(count);
  }
  if (q !== count || o !== oldCount) return undefined;
  let grouped = true;
  for (let p = 0; p < count && grouped; p++) grouped = inputIndex[p] === p;
  return { source, inputIndex: grouped ? undefined : inputIndex };
}

// The parts a splice keeps as they are: the name tables and the keys.
function tablesOf(network: Network) {
  const { partyIds, capabilityIds, areaLists, factIds, factIndex, partyIndex, keyCount, keyType, keyBucket, keyCapability, keyArea, areaIds } = network;
  return { partyIds, capabilityIds, areaLists, factIds, factIndex, partyIndex, keyCount, keyType, keyBucket, keyCapability, keyArea, areaIds };
}

function placePledges(network: Network, splice: NetworkSplice, blocks: readonly PledgeBlock[], order: SplicedOrder) {
  const { source } = order;
  const count = source.length;
  const fields = allocatePledgeFields(count);
  const { pledgeIds, pledgeParty, pledgeCapability, pledgeAreas, quantityMin, quantityMax } = fields;
  for (let q = 0; q < count; q++) {
    const o = source[q] as number;
    if (o >= 0) {
      pledgeIds[q] = network.pledgeIds[o] as string;
      pledgeParty[q] = network.pledgeParty[o] as number;
      pledgeCapability[q] = network.pledgeCapability[o] as number;
      pledgeAreas[q] = network.pledgeAreas[o] as number;
      quantityMin[q] = network.quantityMin[o] as number;
      quantityMax[q] = network.quantityMax[o] as number;
    } else {
      const block = blocks[-1 - o] as PledgeBlock;
      pledgeIds[q] = (splice.inserted[-1 - o] as { pledge: ActivationPledge }).pledge.id;
      pledgeParty[q] = block.party;
      pledgeCapability[q] = block.capability;
      pledgeAreas[q] = block.areas;
      quantityMin[q] = block.quantityMin;
      quantityMax[q] = block.quantityMax;
    }
  }
  return fields;
}

// Each pledge's node block copied to its new place (node-blocks.ts), as network-order.ts moves them — kept pledges
// that stay consecutive in one run each —, with where each old node went (-1: removed) and the inserted pledges'
// threshold leaves, for the threshold order's merge.
function placeNodes(network: Network, blocks: readonly PledgeBlock[], source: Int32Array) {
  const count = source.length;
  const oldRoot = network.rootNode;
  const firstNode = (o: number): number => (o === 0 ? 0 : (oldRoot[o - 1] as number) + 1);
  // The old totals, less the removed pledges' nodes and thresholds, plus the inserted ones'.
  const kept = new Uint8Array(oldRoot.length);
  let nodeCount = network.nodeKind.length;
  let thresholdCount = network.thresholdBound.length;
  let addedCount = 0;
  for (let q = 0; q < count; q++) {
    const o = source[q] as number;
    if (o >= 0) {
      kept[o] = 1;
    } else {
      const block = blocks[-1 - o] as PledgeBlock;
      nodeCount += block.nodeKind.length;
      thresholdCount += block.thresholdBound.length;
      addedCount += block.thresholdBound.length;
    }
  }
  for (let o = 0; o < kept.length; o++) {
    if (kept[o] === 1) continue;
    nodeCount -= (oldRoot[o] as number) + 1 - firstNode(o);
    for (let n = firstNode(o); n <= (oldRoot[o] as number); n++) if (isThreshold(network.leafType[n] as number)) thresholdCount--;
  }
  const nodes = new NodeBlockWriter(allocateNodeArrays(count, nodeCount, thresholdCount));
  const nodeMap = new Int32Array(network.nodeKind.length).fill(-1);
  const added = new Int32Array(addedCount);
  let a = 0;
  for (let q = 0; q < count; ) {
    const o = source[q] as number;
    const at = nodes.to;
    if (o >= 0) {
      let run = 1;
      while (q + run < count && source[q + run] === o + run) run++;
      const from = firstNode(o);
      nodes.copyRun(network, o, run, q);
      const end = from + nodes.to - at;
      for (let n = from; n < end; n++) nodeMap[n] = n + at - from;
      q += run;
    } else {
      const block = blocks[-1 - o] as PledgeBlock;
      nodes.copy(block, [0, block.nodeKind.length - 1], q);
      for (let n = 0; n < block.nodeKind.length; n++) if (isThreshold(block.leafType[n] as number)) added[a++] = at + n;
      q++;
    }
  }
  return { arrays: nodes.arrays, nodeMap, added };
}

// The keys each pledge feeds, in new network order: a kept pledge's from its feed entries (its party, capability,
// areas and the keys are as before), an inserted one's listed as listFeeds would.
function listSplicedFeeds(network: Network, blocks: readonly PledgeBlock[], source: Int32Array): { feedStart: Int32Array; feedKey: Int32Array } {
  const count = source.length;
  const index = new KeyIndex(network as FeedInput);
  const blockKeys = blocks.map((block) => listPledgeFeeds(index, block.party, block.capability, block.areas));
  const { feedStart: oldStart, feed, slotKey } = network;
  const feedStart = new Int32Array(count + 1);
  for (let q = 0; q < count; q++) {
    const o = source[q] as number;
    const size = o >= 0 ? (oldStart[o + 1] as number) - (oldStart[o] as number) : (blockKeys[-1 - o] as Int32Array).length;
    feedStart[q + 1] = (feedStart[q] as number) + size;
  }
  const feedKey = new Int32Array(feedStart[count] as number);
  for (let q = 0; q < count; q++) {
    const o = source[q] as number;
    let at = feedStart[q] as number;
    if (o < 0) {
      feedKey.set(blockKeys[-1 - o] as Int32Array, at);
      continue;
    }
    for (let f = oldStart[o] as number; f < (oldStart[o + 1] as number); f++) feedKey[at++] = keyOfFeed(feed[f] as number, slotKey);
  }
  return { feedStart, feedKey };
}
