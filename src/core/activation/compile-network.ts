import type { ActiveNode, Condition, CountNode, TotalNode } from '../conditions/ast.js';
import type { PartyId, QuantityRange } from '../types.js';
import { buildFeeds, type Feeds } from './compile-feeds.js';
import { addEntryTruth, buildWatches, flagWatchers, mergeThresholdLeaves, type PreviousOrder, sortThresholdLeaves, type ThresholdOrder } from './compile-watches.js';
import { computeInitialLeafTruth, encodeStartCodes } from './initial-leaf-truth.js';
import { KeyTable, NodeArrays } from './network-tables.js';
import { numberKeysByParty, renumberKeys } from './key-order.js';
import { groupByParty } from './network-order.js';
import { allocatePledgeFields, type NodeSource } from './node-blocks.js';
import { type StartSums, sumAllPledges } from './sum-all-pledges.js';
import { measureOwnParts, measureWidths } from './threshold-watch.js';
import {
  KEY_ACTIVE,
  KEY_COUNT,
  KEY_TOTAL,
  LEAF_ACTIVE,
  LEAF_COUNT,
  LEAF_FACT,
  LEAF_FALSE,
  LEAF_NONE,
  LEAF_TOTAL,
  LEAF_TRUE,
  NODE_AND,
  NODE_LEAF,
  NODE_OR,
} from './network-codes.js';

// Compiles candidate pledges and their conditions into flat typed arrays: a node per AND/OR/leaf (children
// before parents), an aggregate key per distinct total/count/active expression, and for each pledge the keys it
// feeds. Built once, then run four times (greatest/least fixed point × pessimistic/optimistic), so everything a
// run needs that does not depend on the facts is computed here. The pledges are read once.

export { KEY_ACTIVE, KEY_COUNT, KEY_TOTAL, LEAF_ACTIVE, LEAF_COUNT, LEAF_FACT, LEAF_FALSE, LEAF_NONE, LEAF_TOTAL, LEAF_TRUE, NODE_AND, NODE_LEAF, NODE_OR };

export interface ActivationPledge {
  id: string;
  party: PartyId;
  capability: string;
  quantity: QuantityRange | null;
  areas: readonly string[];
  condition: Condition;
}

export interface Network {
  /** Pledge ids by index, in network order (see inputIndex); the network keeps no syntax tree. */
  pledgeIds: readonly string[];
  /**
   * Per pledge index, its position in the input: the network numbers pledges grouped by party (network-order.ts).
   * Undefined when the input already was, so that both orders are the same.
   */
  inputIndex: Int32Array | undefined;
  /** Pledge ids in input order (pledgeIds itself when inputIndex is undefined). */
  inputIds: readonly string[];
  partyIds: PartyId[];
  pledgeParty: Int32Array;
  pledgeCapability: Int32Array;
  /** Index of the pledge's list of allowed areas among the distinct lists (see areaLists). */
  pledgeAreas: Int32Array;
  /** Parties and capabilities of pledges and conditions, by index. */
  capabilityIds: string[];
  areaLists: (readonly string[])[];
  quantityMin: Float64Array;
  quantityMax: Float64Array;
  /** Root node of each pledge; a pledge's nodes are rootNode[p-1]+1 … rootNode[p], in post-order. */
  rootNode: Int32Array;
  nodeKind: Uint8Array;
  /** The parent node × 2 + 1 if the parent is an AND (+ 0 for an OR), or for a root -1 - its pledge. */
  nodeParent: Int32Array;
  leafType: Uint8Array;
  /** Fact index for LEAF_FACT, key index for aggregate leaves. */
  leafRef: Int32Array;
  /** Fact leaves: 1 if negated; total/count leaves: the threshold index; active leaves: pledge × 2 + 1 if the pledge itself feeds the key. */
  leafAux: Int32Array;
  /** Per threshold (total/count leaf): the bound, 1 for ">", and the evaluating party's own-part slot (-1 if it feeds none). */
  thresholdBound: Float64Array;
  thresholdStrict: Uint8Array;
  thresholdSlot: Int32Array;
  factIds: string[];
  factIndex: ReadonlyMap<string, number>;
  partyIndex: ReadonlyMap<PartyId, number>;
  /** Aggregate keys: type; party (active) or capability (total/count) index; capability of active(P, cap) or -1; area (total) or -1. */
  keyCount: number;
  keyType: Uint8Array;
  keyBucket: Int32Array;
  keyCapability: Int32Array;
  keyArea: Int32Array;
  /** Areas named by total(…, area=…), by index. */
  areaIds: string[];
  /**
   * CSR: what each pledge feeds, an entry per key: for a total/count key, the own-part slot of the pledge's party (a
   * (key, party) pair holding the party's own part), whose key is slotKey[slot]; for an active() key, -1 - the key
   * (compile-feeds.ts keyOfFeed).
   */
  feedStart: Int32Array;
  feed: Int32Array;
  slotKey: Int32Array;
  slotCount: number;
  /** CSR: leaves watching each key. */
  watchStart: Int32Array;
  watchLeaf: Int32Array;
  /** Per watch entry: its leaf's initialLeafTruth, and WATCH_OWN (compile-watches.ts). */
  watchFlags: Uint8Array;
  /** Threshold leaves of each total/count key, sorted by bound. */
  thresholds: ThresholdOrder;
  /** The aggregates with every pledge active, at minimum and at maximum quantities (the greatest runs' start). */
  fullAtMin: StartSums;
  fullAtMax: StartSums;
  /** Per node, what a run's first pass reads of it: AND, OR, a leaf's start value per run, or its fact literal (initial-leaf-truth.ts). */
  startCode: Uint16Array | Int32Array;
}

/** Compile pledges (conditions already parsed and checked) into a propagation network. */
export function compileNetwork(pledges: readonly ActivationPledge[]): Network {
  const builder = new NetworkBuilder(pledges);
  const built = builder.build();
  const grouped = groupByParty(built, built.partyIds.length);
  const keyOrder = numberKeysByParty(built.keyType, built.keyBucket, built.partyIds.length);
  const parts = renumberKeys(grouped.parts, keyOrder);
  const network = finishNetwork({ ...parts, ...buildFeeds(parts) }, grouped.inputIndex, built.pledgeIds);
  compiledNames.set(network, { ...builder.names, keyOrder });
  return network;
}

/** What a network is made of once its pledges' nodes and feeds are in place (network order). */
export type LinkedParts = BuiltParts & Feeds;

/**
 * The rest of a network from its nodes and feeds: watches, threshold order, the full sums and what the runs read
 * at their start. Shared by compileNetwork and spliceNetwork (splice-network.ts), which passes the threshold order
 * of the network it splices so that it is merged rather than sorted again.
 */
export function finishNetwork(parts: LinkedParts, inputIndex: Int32Array | undefined, inputIds: readonly string[], previous?: PreviousOrder): Network {
  const { watchStart, watchLeaf } = buildWatches(parts.leafType, parts.leafRef, parts.keyCount);
  const watched = { ...parts, watchStart, watchLeaf };
  const order = previous ? mergeThresholdLeaves(watched, previous) : sortThresholdLeaves(watched);
  const { atMin, atMax } = sumAllPledges(parts, parts.quantityMin, parts.quantityMax);
  const ownAtMax = measureOwnParts(order, parts.keyType, atMax.partValue);
  const fullAtMin = { ...atMin, width: measureWidths(order, measureOwnParts(order, parts.keyType, atMin.partValue)) };
  const fullAtMax = { ...atMax, width: measureWidths(order, ownAtMax) };
  const initialLeafTruth = computeInitialLeafTruth(parts, fullAtMin, fullAtMax);
  const thresholds = addEntryTruth(order, initialLeafTruth, ownAtMax);
  const watchFlags = flagWatchers(watchLeaf, parts.leafType, parts.leafAux, initialLeafTruth);
  const startCode = encodeStartCodes(parts, initialLeafTruth, parts.factIds.length);
  return { ...parts, inputIndex, inputIds, watchStart, watchLeaf, watchFlags, thresholds, fullAtMin, fullAtMax, startCode };
}

// The name tables each network was compiled with, for spliceNetwork. Kept beside the network (not in it): a
// network is compared and copied as plain arrays.
const compiledNames = new WeakMap<Network, CompiledNames>();

/** The name tables `network` was compiled with (undefined for a network not made by compileNetwork or spliceNetwork). */
export function namesOf(network: Network): CompiledNames | undefined {
  return compiledNames.get(network);
}

/** Record the name tables of a network made from another's (spliceNetwork). */
export function setNamesOf(network: Network, names: CompiledNames): void {
  compiledNames.set(network, names);
}

/** Number of nodes (AND/OR and leaves) of a condition, as compiled. */
function countNodes(condition: Condition): number {
  if (condition.kind !== 'and' && condition.kind !== 'or') return 1;
  let count = 1;
  for (const item of condition.items) count += countNodes(item);
  return count;
}

type BuiltParts = Omit<Network, 'inputIndex' | 'inputIds' | 'feedStart' | 'feed' | 'slotKey' | 'slotCount' | 'thresholdSlot' | 'watchStart' | 'watchLeaf' | 'watchFlags' | 'thresholds' | 'fullAtMin' | 'fullAtMax' | 'startCode'>;

/** A table of names numbered in order of first use, with the input position of the pledge that first used each. */
export interface NameTable {
  index: Map<string, number>;
  first: number[];
}

/**
 * The names a network numbers (parties, capabilities, facts, area lists, areas, aggregate keys) as the compiler
 * numbered them: each in order of first use, walking the pledges in input order. A splice (splice-network.ts)
 * keeps these numbers, so it may only remove pledges that first used none (or replace them by a version naming the
 * same things) and insert pledges whose names were all first used before them. Never changed once the network is compiled.
 */
export interface CompiledNames {
  parties: NameTable;
  capabilities: NameTable;
  facts: NameTable;
  /** Area lists by their names joined with a space (a single area by its name). */
  areaLists: NameTable;
  areas: NameTable;
  keys: KeyTable;
  keyFirst: number[];
  /** Per key as first numbered, its network number (undefined: the same). */
  keyOrder: Int32Array | undefined;
}

/** Thrown while compiling a pledge into an existing network's names when it needs a name the splice cannot keep. */
const UNSPLICEABLE = new Error('a name the network does not number before this pledge');

/** One pledge compiled against an existing network's names: its fields and node block (nodes from 0, pledge index 0). */
export interface PledgeBlock extends NodeSource {
  party: number;
  capability: number;
  areas: number;
  quantityMin: number;
  quantityMax: number;
}

/**
 * `pledge` compiled into the names of a network, as if at input position `position`; undefined when it names
 * something the network does not number, or first used after that position (a fresh compile would number it
 * differently).
 */
export function compilePledgeBlock(names: CompiledNames, pledge: ActivationPledge, position: number): PledgeBlock | undefined {
  const builder = new NetworkBuilder([], names, position);
  try {
    return builder.block(pledge);
  } catch (error) {
    if (error === UNSPLICEABLE) return undefined;
    throw error;
  }
}

class NetworkBuilder {
  readonly names: Omit<CompiledNames, 'keyOrder'>;
  /** Where the names come from: this input position when compiling (their first use), the splice's limit when frozen. */
  private position = 0;
  private readonly frozen: boolean;
  private readonly areaLists: (readonly string[])[] = [];
  private readonly nodes: NodeArrays;
  /** Child ids of the AND/OR nodes being built (a stack). */
  private readonly pending: number[] = [];
  private readonly thresholdBound: number[] = [];
  private readonly thresholdStrict: number[] = [];

  constructor(
    private readonly pledges: readonly ActivationPledge[],
    frozenNames?: CompiledNames,
    limit?: number,
  ) {
    const table = (): NameTable => ({ index: new Map(), first: [] });
    this.frozen = frozenNames !== undefined;
    this.names = frozenNames ?? { parties: table(), capabilities: table(), facts: table(), areaLists: table(), areas: table(), keys: new KeyTable(), keyFirst: [] };
    if (limit !== undefined) this.position = limit;
    this.nodes = new NodeArrays(frozenNames ? 16 : estimateNodes(pledges));
  }

  build(): BuiltParts {
    const count = this.pledges.length;
    const fields = allocatePledgeFields(count);
    const { pledgeIds, pledgeParty, pledgeCapability, pledgeAreas, quantityMin, quantityMax } = fields;
    const rootNode = new Int32Array(count);
    const { parties, capabilities } = this.names;
    for (let p = 0; p < count; p++) {
      const pledge = this.pledges[p] as ActivationPledge;
      this.position = p;
      pledgeIds[p] = pledge.id;
      pledgeParty[p] = this.use(parties, pledge.party);
      pledgeCapability[p] = this.use(capabilities, pledge.capability);
      pledgeAreas[p] = this.areasOf(pledge.areas);
      const quantity = pledge.quantity;
      quantityMin[p] = quantity === null ? 0 : quantity.min;
      quantityMax[p] = quantity === null ? 0 : quantity.max;
      rootNode[p] = this.addNode(pledge.condition, p);
    }
    return {
      ...fields,
      partyIds: [...parties.index.keys()],
      capabilityIds: [...capabilities.index.keys()],
      areaLists: this.areaLists,
      rootNode,
      ...this.nodes.trimmed(),
      thresholdBound: new Float64Array(this.thresholdBound),
      thresholdStrict: new Uint8Array(this.thresholdStrict),
      factIds: [...this.names.facts.index.keys()],
      factIndex: this.names.facts.index,
      partyIndex: parties.index,
      ...this.names.keys.arrays(),
      areaIds: [...this.names.areas.index.keys()],
    };
  }

  /** One pledge against frozen names (compilePledgeBlock). */
  block(pledge: ActivationPledge): PledgeBlock {
    const party = this.use(this.names.parties, pledge.party);
    const capability = this.use(this.names.capabilities, pledge.capability);
    const areas = this.areasOf(pledge.areas);
    this.addNode(pledge.condition, 0);
    const nodes = this.nodes.trimmed();
    const keyOrder = (this.names as CompiledNames).keyOrder;
    if (keyOrder) {
      for (let n = 0; n < nodes.leafRef.length; n++) if ((nodes.leafType[n] as number) >= LEAF_TOTAL) nodes.leafRef[n] = keyOrder[nodes.leafRef[n] as number] as number;
    }
    return {
      party,
      capability,
      areas,
      quantityMin: pledge.quantity === null ? 0 : pledge.quantity.min,
      quantityMax: pledge.quantity === null ? 0 : pledge.quantity.max,
      ...nodes,
      thresholdBound: new Float64Array(this.thresholdBound),
      thresholdStrict: new Uint8Array(this.thresholdStrict),
    };
  }

  // The number of a name: new ones numbered in order of first use when compiling; frozen, known ones first used
  // up to the limit only (at the limit itself: names the pledge replaced there first used, see splice-network.ts).
  private use(table: NameTable, name: string): number {
    let index = table.index.get(name);
    if (index === undefined) {
      if (this.frozen) throw UNSPLICEABLE;
      index = table.index.size;
      table.index.set(name, index);
      table.first.push(this.position);
    } else if (this.frozen && (table.first[index] as number) > this.position) {
      throw UNSPLICEABLE;
    }
    return index;
  }

  private areasOf(areas: readonly string[]): number {
    const name = areas.length === 1 ? (areas[0] as string) : areas.join(' ');
    const known = this.names.areaLists.index.size;
    const index = this.use(this.names.areaLists, name);
    if (index === known) this.areaLists.push([...areas]);
    return index;
  }

  // Post-order: children get lower indices than their parent, so one forward pass can evaluate the tree.
  private addNode(condition: Condition, pledge: number): number {
    const nodes = this.nodes;
    if (condition.kind === 'and' || condition.kind === 'or') {
      const base = this.pending.length;
      for (const item of condition.items) this.pending.push(this.addNode(item, pledge));
      const id = nodes.push(condition.kind === 'and' ? NODE_AND : NODE_OR, pledge);
      const link = id * 2 + (condition.kind === 'and' ? 1 : 0);
      for (let i = base; i < this.pending.length; i++) nodes.parent[this.pending[i] as number] = link;
      this.pending.length = base;
      return id;
    }
    const id = nodes.push(NODE_LEAF, pledge);
    switch (condition.kind) {
      case 'const':
        nodes.leafType[id] = condition.value ? LEAF_TRUE : LEAF_FALSE;
        break;
      case 'fact':
        nodes.leafType[id] = LEAF_FACT;
        nodes.leafRef[id] = this.use(this.names.facts, condition.fact);
        nodes.leafAux[id] = condition.negated ? 1 : 0;
        break;
      case 'total':
      case 'count':
        nodes.leafType[id] = condition.kind === 'total' ? LEAF_TOTAL : LEAF_COUNT;
        nodes.leafRef[id] = this.keyOf(condition);
        nodes.leafAux[id] = this.thresholdBound.length;
        this.thresholdBound.push(condition.threshold);
        this.thresholdStrict.push(condition.op === '>' ? 1 : 0);
        break;
      case 'active':
        nodes.leafType[id] = LEAF_ACTIVE;
        nodes.leafRef[id] = this.keyOf(condition);
        nodes.leafAux[id] = pledge * 2;
        break;
    }
    return id;
  }

  private keyOf(atom: TotalNode | CountNode | ActiveNode): number {
    const { parties, capabilities, areas } = this.names;
    if (atom.kind === 'active') {
      const party = this.use(parties, atom.party);
      const capability = atom.capability === undefined ? -1 : this.use(capabilities, atom.capability);
      return this.key(KEY_ACTIVE, party, capability, -1);
    }
    const capability = this.use(capabilities, atom.capability);
    if (atom.kind === 'count') return this.key(KEY_COUNT, capability, -1, -1);
    const area = atom.area === undefined ? -1 : this.use(areas, atom.area);
    return this.key(KEY_TOTAL, capability, -1, area);
  }

  private key(type: number, bucket: number, capability: number, area: number): number {
    const { keys, keyFirst } = this.names;
    if (this.frozen) {
      const known = keys.lookup(type, bucket, capability, area);
      if (known < 0 || (keyFirst[known] as number) > this.position) throw UNSPLICEABLE;
      return known;
    }
    const index = keys.find(type, bucket, capability, area);
    if (index === keyFirst.length) keyFirst.push(this.position);
    return index;
  }
}

// Node count from up to 1,024 evenly spaced pledges, with 10% headroom: one allocation in the usual case.
function estimateNodes(pledges: readonly ActivationPledge[]): number {
  const step = Math.max(1, Math.floor(pledges.length / 1024));
  let sampled = 0;
  let nodes = 0;
  for (let p = 0; p < pledges.length; p += step) {
    nodes += countNodes((pledges[p] as ActivationPledge).condition);
    sampled++;
  }
  return Math.ceil(sampled === 0 ? 16 : (nodes / sampled) * pledges.length * 1.1) + 16;
}
