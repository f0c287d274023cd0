import type { ActiveNode, Condition, CountNode, TotalNode } from '../conditions/ast.js';
import type { PartyId, QuantityRange } from '../types.js';
import { buildFeeds } from './compile-feeds.js';
import { buildThresholdGroups, buildWatches, type ThresholdGroups } from './compile-watches.js';

// Compiles candidate pledges and their conditions into flat typed arrays: a node per AND/OR/leaf (children
// before parents), an aggregate key per distinct total/count/active expression, and for each pledge the keys it
// feeds. Built once, then run four times (greatest/least fixed point × pessimistic/optimistic), so everything a
// run needs that does not depend on the facts is computed here.

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

export interface ActivationPledge {
  id: string;
  party: PartyId;
  capability: string;
  quantity: QuantityRange | null;
  areas: readonly string[];
  condition: Condition;
}

export interface AggregateKey {
  type: typeof KEY_TOTAL | typeof KEY_COUNT | typeof KEY_ACTIVE;
  capability?: string;
  area?: string;
  party?: PartyId;
}

export interface Network {
  pledges: readonly ActivationPledge[];
  partyIds: PartyId[];
  pledgeParty: Int32Array;
  quantityMin: Float64Array;
  quantityMax: Float64Array;
  rootNode: Int32Array;
  nodeKind: Uint8Array;
  nodeParent: Int32Array;
  nodePledge: Int32Array;
  /** CSR: the children of each AND/OR node, in the order of the condition's items. */
  childStart: Int32Array;
  childList: Int32Array;
  leafType: Uint8Array;
  /** Fact index for LEAF_FACT, key index for aggregate leaves. */
  leafRef: Int32Array;
  leafNegated: Uint8Array;
  leafThreshold: Float64Array;
  leafStrict: Uint8Array;
  /** Total/count leaves: the slot of the evaluating pledge's party in the leaf's key, or -1 if it feeds none. */
  leafSlot: Int32Array;
  /** Active leaves: 1 when the evaluating pledge itself feeds the key. */
  leafOwnFeed: Uint8Array;
  /** The original syntax node of each node, for explanations. */
  leafSyntax: Condition[];
  factIds: string[];
  factIndex: ReadonlyMap<string, number>;
  partyIndex: ReadonlyMap<PartyId, number>;
  keys: AggregateKey[];
  keyType: Uint8Array;
  /** CSR: keys each pledge feeds, and for total/count keys the (key, party) slot holding the party's own part. */
  feedStart: Int32Array;
  feedKey: Int32Array;
  feedSlot: Int32Array;
  slotCount: number;
  /** CSR: leaves watching each key. */
  watchStart: Int32Array;
  watchLeaf: Int32Array;
  /** Threshold leaves of total/count keys grouped by own slot and sorted by bound. */
  groups: ThresholdGroups;
}

/** Compile pledges (conditions already parsed and checked) into a propagation network. */
export function compileNetwork(pledges: readonly ActivationPledge[]): Network {
  const nodeCount = pledges.reduce((sum, pledge) => sum + countNodes(pledge.condition), 0);
  const builder = new NetworkBuilder(pledges, nodeCount);
  const parts = builder.build();
  const feeds = buildFeeds({ ...parts, pledges });
  const { watchStart, watchLeaf } = buildWatches(parts.leafType, parts.leafRef, parts.keys.length);
  const groups = buildThresholdGroups({ ...parts, ...feeds, watchStart, watchLeaf });
  return { pledges, ...parts, ...feeds, watchStart, watchLeaf, groups };
}

/** The aggregate key a total/count/active leaf reads. */
export function keyOfAtom(atom: TotalNode | CountNode | ActiveNode): AggregateKey {
  if (atom.kind === 'active') {
    return { type: KEY_ACTIVE, party: atom.party, ...(atom.capability === undefined ? {} : { capability: atom.capability }) };
  }
  if (atom.kind === 'count') return { type: KEY_COUNT, capability: atom.capability };
  return { type: KEY_TOTAL, capability: atom.capability, ...(atom.area === undefined ? {} : { area: atom.area }) };
}

function countNodes(condition: Condition): number {
  if (condition.kind !== 'and' && condition.kind !== 'or') return 1;
  let count = 1;
  for (const item of condition.items) count += countNodes(item);
  return count;
}

type BuiltParts = Omit<Network, 'pledges' | 'feedStart' | 'feedKey' | 'feedSlot' | 'slotCount' | 'leafSlot' | 'leafOwnFeed' | 'watchStart' | 'watchLeaf' | 'groups'>;

class NetworkBuilder {
  private readonly partyIndex = new Map<PartyId, number>();
  private readonly factIndex = new Map<string, number>();
  /** Aggregate keys by type, then first name (capability or party), then second (area or capability, '' if none). */
  private readonly keyIndex = [new Map<string, Map<string, number>>(), new Map<string, Map<string, number>>(), new Map<string, Map<string, number>>()];
  private readonly keys: AggregateKey[] = [];
  private readonly kind: Uint8Array;
  private readonly parent: Int32Array;
  private readonly owner: Int32Array;
  private readonly children: Int32Array;
  private readonly leafType: Uint8Array;
  private readonly leafRef: Int32Array;
  private readonly leafNegated: Uint8Array;
  private readonly leafThreshold: Float64Array;
  private readonly leafStrict: Uint8Array;
  private readonly leafSyntax: Condition[];
  private next = 0;
  /** Child ids of the AND/OR nodes being built (a stack). */
  private readonly pending: number[] = [];

  constructor(
    private readonly pledges: readonly ActivationPledge[],
    nodeCount: number,
  ) {
    this.kind = new Uint8Array(nodeCount);
    this.parent = new Int32Array(nodeCount).fill(-1);
    this.owner = new Int32Array(nodeCount);
    this.children = new Int32Array(nodeCount);
    this.leafType = new Uint8Array(nodeCount);
    this.leafRef = new Int32Array(nodeCount).fill(-1);
    this.leafNegated = new Uint8Array(nodeCount);
    this.leafThreshold = new Float64Array(nodeCount);
    this.leafStrict = new Uint8Array(nodeCount);
    this.leafSyntax = new Array<Condition>(nodeCount);
  }

  build(): BuiltParts {
    const count = this.pledges.length;
    const pledgeParty = new Int32Array(count);
    const quantityMin = new Float64Array(count);
    const quantityMax = new Float64Array(count);
    const rootNode = new Int32Array(count);
    for (let p = 0; p < count; p++) {
      const pledge = this.pledges[p] as ActivationPledge;
      pledgeParty[p] = indexOf(this.partyIndex, pledge.party);
      quantityMin[p] = pledge.quantity?.min ?? 0;
      quantityMax[p] = pledge.quantity?.max ?? 0;
      rootNode[p] = this.addNode(pledge.condition, p);
    }
    const keyType = Uint8Array.from(this.keys, (key) => key.type);
    return {
      partyIds: [...this.partyIndex.keys()],
      pledgeParty,
      quantityMin,
      quantityMax,
      rootNode,
      nodeKind: this.kind,
      nodeParent: this.parent,
      nodePledge: this.owner,
      ...this.childLists(),
      leafType: this.leafType,
      leafRef: this.leafRef,
      leafNegated: this.leafNegated,
      leafThreshold: this.leafThreshold,
      leafStrict: this.leafStrict,
      leafSyntax: this.leafSyntax,
      factIds: [...this.factIndex.keys()],
      factIndex: this.factIndex,
      partyIndex: this.partyIndex,
      keys: this.keys,
      keyType,
    };
  }

  // Post-order: children get lower indices than their parent, so one forward pass can evaluate the tree.
  private addNode(condition: Condition, pledge: number): number {
    if (condition.kind === 'and' || condition.kind === 'or') {
      const base = this.pending.length;
      for (const item of condition.items) this.pending.push(this.addNode(item, pledge));
      const id = this.pushNode(condition.kind === 'and' ? NODE_AND : NODE_OR, pledge, condition);
      for (let i = base; i < this.pending.length; i++) this.parent[this.pending[i] as number] = id;
      this.pending.length = base;
      this.children[id] = condition.items.length;
      return id;
    }
    const id = this.pushNode(NODE_LEAF, pledge, condition);
    switch (condition.kind) {
      case 'const':
        this.leafType[id] = condition.value ? LEAF_TRUE : LEAF_FALSE;
        break;
      case 'fact':
        this.leafType[id] = LEAF_FACT;
        this.leafRef[id] = indexOf(this.factIndex, condition.fact);
        this.leafNegated[id] = condition.negated ? 1 : 0;
        break;
      case 'total':
      case 'count':
        this.leafType[id] = condition.kind === 'total' ? LEAF_TOTAL : LEAF_COUNT;
        this.leafRef[id] = this.keyOf(condition);
        this.leafThreshold[id] = condition.threshold;
        this.leafStrict[id] = condition.op === '>' ? 1 : 0;
        break;
      case 'active':
        this.leafType[id] = LEAF_ACTIVE;
        this.leafRef[id] = this.keyOf(condition);
        break;
    }
    return id;
  }

  private pushNode(kind: number, pledge: number, syntax: Condition): number {
    const id = this.next++;
    this.kind[id] = kind;
    this.owner[id] = pledge;
    this.leafSyntax[id] = syntax;
    return id;
  }

  private keyOf(atom: TotalNode | CountNode | ActiveNode): number {
    const type = atom.kind === 'total' ? KEY_TOTAL : atom.kind === 'count' ? KEY_COUNT : KEY_ACTIVE;
    const first = atom.kind === 'active' ? atom.party : atom.capability;
    const second = atom.kind === 'active' ? (atom.capability ?? '') : atom.kind === 'total' ? (atom.area ?? '') : '';
    const byFirst = this.keyIndex[type] as Map<string, Map<string, number>>;
    let bySecond = byFirst.get(first);
    if (bySecond === undefined) {
      bySecond = new Map<string, number>();
      byFirst.set(first, bySecond);
    }
    let index = bySecond.get(second);
    if (index === undefined) {
      index = this.keys.length;
      bySecond.set(second, index);
      this.keys.push(keyOfAtom(atom));
    }
    return index;
  }

  // Children are numbered in item order (each item's subtree precedes the next), so a counting pass keeps it.
  private childLists(): { childStart: Int32Array; childList: Int32Array } {
    const nodeCount = this.kind.length;
    const childStart = new Int32Array(nodeCount + 1);
    for (let n = 0; n < nodeCount; n++) childStart[n + 1] = (childStart[n] as number) + (this.children[n] as number);
    const fill = childStart.slice(0, nodeCount);
    const childList = new Int32Array(childStart[nodeCount] as number);
    for (let n = 0; n < nodeCount; n++) {
      const up = this.parent[n] as number;
      if (up >= 0) childList[fill[up]!++] = n;
    }
    return { childStart, childList };
  }
}

function indexOf(map: Map<string, number>, name: string): number {
  let index = map.get(name);
  if (index === undefined) {
    index = map.size;
    map.set(name, index);
  }
  return index;
}
