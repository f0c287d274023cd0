import type { ActiveNode, Condition, CountNode, TotalNode } from '../conditions/ast.js';
import type { PartyId, QuantityRange } from '../types.js';
import { buildFeeds } from './compile-feeds.js';
import { buildThresholdGroups, buildWatches, type ThresholdGroups } from './compile-watches.js';

// Compiles candidate pledges and their conditions into flat typed arrays: a node per AND/OR/leaf (children
// before parents), an aggregate key per distinct total/count/active expression, and for each pledge the keys it
// feeds. Built once, then run four times (greatest/least fixed point × pessimistic/optimistic), so everything a
// run needs that does not depend on the facts is computed here. The pledges are read once.

export const NODE_AND = 0;
export const NODE_OR = 1;
export const NODE_LEAF = 2;

export const LEAF_NONE = 0;
export const LEAF_TRUE = 1;
export const LEAF_FALSE = 2;
export const LEAF_FACT = 3;
export const LEAF_TOTAL = 4;
export const LEAF_COUNT = 5;
export const LEAF_ACTIVE = 6;

export const KEY_TOTAL = 0;
export const KEY_COUNT = 1;
export const KEY_ACTIVE = 2;

/** Qualified key names are (bucket × 3 + type) × limit + qualifier, exact below 2^53; larger qualifiers use strings. */
const QUALIFIER_LIMIT = 2 ** 21;

export interface ActivationPledge {
  id: string;
  party: PartyId;
  capability: string;
  quantity: QuantityRange | null;
  areas: readonly string[];
  condition: Condition;
}

export interface Network {
  pledges: readonly ActivationPledge[];
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
  /** The parent node, or for a root -1 - its pledge. */
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
   * CSR: what each pledge feeds. An entry ≥ 0 is an active() key; an entry < 0 is -1 - slot, where a slot is a
   * (total/count key, party) pair holding the party's own part and slotKey gives its key.
   */
  feedStart: Int32Array;
  feedEntry: Int32Array;
  slotKey: Int32Array;
  slotCount: number;
  /** CSR: leaves watching each key. */
  watchStart: Int32Array;
  watchLeaf: Int32Array;
  /** Threshold leaves of total/count keys grouped by own slot and sorted by bound. */
  groups: ThresholdGroups;
}

/** Compile pledges (conditions already parsed and checked) into a propagation network. */
export function compileNetwork(pledges: readonly ActivationPledge[]): Network {
  const parts = new NetworkBuilder(pledges).build();
  const feeds = buildFeeds(parts);
  const { watchStart, watchLeaf } = buildWatches(parts.leafType, parts.leafRef, parts.keyCount);
  const groups = buildThresholdGroups({ ...parts, ...feeds, watchStart, watchLeaf });
  return { pledges, ...parts, ...feeds, watchStart, watchLeaf, groups };
}

/** Number of nodes (AND/OR and leaves) of a condition, as compiled. */
export function countNodes(condition: Condition): number {
  if (condition.kind !== 'and' && condition.kind !== 'or') return 1;
  let count = 1;
  for (const item of condition.items) count += countNodes(item);
  return count;
}

type BuiltParts = Omit<Network, 'pledges' | 'feedStart' | 'feedEntry' | 'slotKey' | 'slotCount' | 'thresholdSlot' | 'watchStart' | 'watchLeaf' | 'groups'>;

class NetworkBuilder {
  private readonly partyIndex = new Map<PartyId, number>();
  private readonly capabilityIndex = new Map<string, number>();
  private readonly factIndex = new Map<string, number>();
  /** Distinct area lists: a single area by its name, longer lists by their names joined with a space. */
  private readonly areaListIndex = new Map<string, number>();
  private readonly areaLists: (readonly string[])[] = [];
  private readonly areaIndex = new Map<string, number>();
  private readonly keys = new KeyTable();
  private readonly nodes: NodeArrays;
  /** Child ids of the AND/OR nodes being built (a stack). */
  private readonly pending: number[] = [];
  private readonly thresholdBound: number[] = [];
  private readonly thresholdStrict: number[] = [];

  constructor(private readonly pledges: readonly ActivationPledge[]) {
    this.nodes = new NodeArrays(estimateNodes(pledges));
  }

  build(): BuiltParts {
    const count = this.pledges.length;
    const pledgeParty = new Int32Array(count);
    const pledgeCapability = new Int32Array(count);
    const pledgeAreas = new Int32Array(count);
    const quantityMin = new Float64Array(count);
    const quantityMax = new Float64Array(count);
    const rootNode = new Int32Array(count);
    for (let p = 0; p < count; p++) {
      const pledge = this.pledges[p] as ActivationPledge;
      pledgeParty[p] = indexOf(this.partyIndex, pledge.party);
      pledgeCapability[p] = indexOf(this.capabilityIndex, pledge.capability);
      pledgeAreas[p] = this.areasOf(pledge.areas);
      const quantity = pledge.quantity;
      quantityMin[p] = quantity === null ? 0 : quantity.min;
      quantityMax[p] = quantity === null ? 0 : quantity.max;
      rootNode[p] = this.addNode(pledge.condition, p);
    }
    return {
      partyIds: [...this.partyIndex.keys()],
      pledgeParty,
      pledgeCapability,
      pledgeAreas,
      capabilityIds: [...this.capabilityIndex.keys()],
      areaLists: this.areaLists,
      quantityMin,
      quantityMax,
      rootNode,
      ...this.nodes.trimmed(),
      thresholdBound: new Float64Array(this.thresholdBound),
      thresholdStrict: new Uint8Array(this.thresholdStrict),
      factIds: [...this.factIndex.keys()],
      factIndex: this.factIndex,
      partyIndex: this.partyIndex,
      ...this.keys.arrays(),
      areaIds: [...this.areaIndex.keys()],
    };
  }

  private areasOf(areas: readonly string[]): number {
    const name = areas.length === 1 ? (areas[0] as string) : areas.join(' ');
    let index = this.areaListIndex.get(name);
    if (index === undefined) {
      index = this.areaLists.length;
      this.areaListIndex.set(name, index);
      this.areaLists.push([...areas]);
    }
    return index;
  }

  // Post-order: children get lower indices than their parent, so one forward pass can evaluate the tree.
  private addNode(condition: Condition, pledge: number): number {
    const nodes = this.nodes;
    if (condition.kind === 'and' || condition.kind === 'or') {
      const base = this.pending.length;
      for (const item of condition.items) this.pending.push(this.addNode(item, pledge));
      const id = nodes.push(condition.kind === 'and' ? NODE_AND : NODE_OR, pledge);
      for (let i = base; i < this.pending.length; i++) nodes.parent[this.pending[i] as number] = id;
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
        nodes.leafRef[id] = indexOf(this.factIndex, condition.fact);
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
    if (atom.kind === 'active') {
      const party = indexOf(this.partyIndex, atom.party);
      const capability = atom.capability === undefined ? -1 : indexOf(this.capabilityIndex, atom.capability);
      return this.keys.find(KEY_ACTIVE, party, capability, -1);
    }
    const capability = indexOf(this.capabilityIndex, atom.capability);
    if (atom.kind === 'count') return this.keys.find(KEY_COUNT, capability, -1, -1);
    const area = atom.area === undefined ? -1 : indexOf(this.areaIndex, atom.area);
    return this.keys.find(KEY_TOTAL, capability, -1, area);
  }
}

/** Distinct aggregate keys: plain ones (no second name) by bucket in arrays, qualified ones in a numeric map. */
class KeyTable {
  private readonly plain: number[][] = [[], [], []];
  private readonly qualified = new Map<number | string, number>();
  private readonly type: number[] = [];
  private readonly bucket: number[] = [];
  private readonly capability: number[] = [];
  private readonly area: number[] = [];

  /** The key of (type, bucket, capability, area), created if new; `qualifier` below is capability or area, -1 if none. */
  find(type: number, bucket: number, capability: number, area: number): number {
    const qualifier = type === KEY_ACTIVE ? capability : area;
    const plain = this.plain[type] as number[];
    const name = qualifier < QUALIFIER_LIMIT ? (bucket * 3 + type) * QUALIFIER_LIMIT + qualifier : `${type}|${bucket}|${qualifier}`;
    const known = qualifier < 0 ? plain[bucket] : this.qualified.get(name);
    if (known !== undefined && known >= 0) return known;
    const index = this.type.length;
    this.type.push(type);
    this.bucket.push(bucket);
    this.capability.push(capability);
    this.area.push(area);
    if (qualifier < 0) {
      while (plain.length < bucket) plain.push(-1);
      plain[bucket] = index;
    } else {
      this.qualified.set(name, index);
    }
    return index;
  }

  arrays(): Pick<Network, 'keyCount' | 'keyType' | 'keyBucket' | 'keyCapability' | 'keyArea'> {
    return {
      keyCount: this.type.length,
      keyType: new Uint8Array(this.type),
      keyBucket: new Int32Array(this.bucket),
      keyCapability: new Int32Array(this.capability),
      keyArea: new Int32Array(this.area),
    };
  }
}

/** Growable per-node typed arrays (by a quarter), handed out as views of the used part. */
class NodeArrays {
  kind: Uint8Array;
  parent: Int32Array;
  leafType: Uint8Array;
  leafRef: Int32Array;
  leafAux: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.kind = new Uint8Array(capacity);
    this.parent = new Int32Array(capacity);
    this.leafType = new Uint8Array(capacity);
    this.leafRef = new Int32Array(capacity);
    this.leafAux = new Int32Array(capacity);
  }

  /** Append a node of `pledge` (a root until it gets a parent, no leaf data) and return its id. */
  push(kind: number, pledge: number): number {
    if (this.size === this.kind.length) this.grow(Math.ceil(this.size * 1.25) + 16);
    const id = this.size++;
    this.kind[id] = kind;
    this.parent[id] = -1 - pledge;
    this.leafRef[id] = -1;
    return id;
  }

  trimmed(): Pick<Network, 'nodeKind' | 'nodeParent' | 'leafType' | 'leafRef' | 'leafAux'> {
    const size = this.size;
    return {
      nodeKind: this.kind.subarray(0, size),
      nodeParent: this.parent.subarray(0, size),
      leafType: this.leafType.subarray(0, size),
      leafRef: this.leafRef.subarray(0, size),
      leafAux: this.leafAux.subarray(0, size),
    };
  }

  private grow(capacity: number): void {
    const size = this.size;
    const resize = <T extends Uint8Array | Int32Array>(from: T, to: T): T => {
      to.set(from.subarray(0, size));
      return to;
    };
    this.kind = resize(this.kind, new Uint8Array(capacity));
    this.parent = resize(this.parent, new Int32Array(capacity));
    this.leafType = resize(this.leafType, new Uint8Array(capacity));
    this.leafRef = resize(this.leafRef, new Int32Array(capacity));
    this.leafAux = resize(this.leafAux, new Int32Array(capacity));
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

function indexOf(map: Map<string, number>, name: string): number {
  let index = map.get(name);
  if (index === undefined) {
    index = map.size;
    map.set(name, index);
  }
  return index;
}
