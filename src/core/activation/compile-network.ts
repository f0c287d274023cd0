import { anyAreaCovers } from '../areas.js';
import type { ActiveNode, Condition, CountNode, TotalNode } from '../conditions/ast.js';
import type { PartyId, QuantityRange } from '../types.js';

// Compiles candidate pledges and their conditions into flat arrays: a node per AND/OR/leaf (children before
// parents), an aggregate key per distinct total/count/active expression, and for each pledge the keys it
// feeds. Built once, then run four times (greatest/least fixed point × pessimistic/optimistic).

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
  nodeChildren: Int32Array;
  leafType: Uint8Array;
  /** Fact index for LEAF_FACT, key index for aggregate leaves. */
  leafRef: Int32Array;
  leafNegated: Uint8Array;
  leafThreshold: Float64Array;
  leafStrict: Uint8Array;
  /** The original syntax node of each leaf, for explanations. */
  leafSyntax: Condition[];
  factIds: string[];
  factIndex: ReadonlyMap<string, number>;
  partyIndex: ReadonlyMap<PartyId, number>;
  keys: AggregateKey[];
  keyIndex: ReadonlyMap<string, number>;
  /** CSR: keys each pledge feeds. */
  feedStart: Int32Array;
  feedKey: Int32Array;
  /** CSR: leaves watching each key. */
  watchStart: Int32Array;
  watchLeaf: Int32Array;
}

/** Compile pledges (conditions already parsed and checked) into a propagation network. */
export function compileNetwork(pledges: readonly ActivationPledge[]): Network {
  const builder = new NetworkBuilder(pledges);
  return builder.build();
}

/** A stable name for an aggregate key, to find it again from a syntax node. */
export function nameKey(key: AggregateKey): string {
  return `${key.type}|${key.capability ?? ''}|${key.area ?? ''}|${key.party ?? ''}`;
}

/** The aggregate key a total/count/active leaf reads. */
export function keyOfAtom(atom: TotalNode | CountNode | ActiveNode): AggregateKey {
  if (atom.kind === 'active') {
    return { type: KEY_ACTIVE, party: atom.party, ...(atom.capability === undefined ? {} : { capability: atom.capability }) };
  }
  if (atom.kind === 'count') return { type: KEY_COUNT, capability: atom.capability };
  return { type: KEY_TOTAL, capability: atom.capability, ...(atom.area === undefined ? {} : { area: atom.area }) };
}

class NetworkBuilder {
  private readonly partyIndex = new Map<PartyId, number>();
  private readonly factIndex = new Map<string, number>();
  private readonly keyIndex = new Map<string, number>();
  private readonly keys: AggregateKey[] = [];
  private readonly kind: number[] = [];
  private readonly parent: number[] = [];
  private readonly owner: number[] = [];
  private readonly children: number[] = [];
  private readonly leafType: number[] = [];
  private readonly leafRef: number[] = [];
  private readonly leafNegated: number[] = [];
  private readonly leafThreshold: number[] = [];
  private readonly leafStrict: number[] = [];
  private readonly leafSyntax: Condition[] = [];

  constructor(private readonly pledges: readonly ActivationPledge[]) {}

  build(): Network {
    const count = this.pledges.length;
    const pledgeParty = new Int32Array(count);
    const quantityMin = new Float64Array(count);
    const quantityMax = new Float64Array(count);
    const rootNode = new Int32Array(count);
    for (let p = 0; p < count; p++) {
      const pledge = this.pledges[p] as ActivationPledge;
      pledgeParty[p] = this.indexOf(this.partyIndex, pledge.party);
      quantityMin[p] = pledge.quantity?.min ?? 0;
      quantityMax[p] = pledge.quantity?.max ?? 0;
      rootNode[p] = this.addNode(pledge.condition, p);
    }
    const nodeCount = this.kind.length;
    const nodeParent = Int32Array.from(this.parent);
    for (let n = 0; n < nodeCount; n++) {
      const up = nodeParent[n] as number;
      if (up >= 0) this.children[up] = (this.children[up] ?? 0) + 1;
    }
    const { feedStart, feedKey } = this.buildFeeds();
    const { watchStart, watchLeaf } = this.buildWatches(nodeCount);
    return {
      pledges: this.pledges,
      partyIds: [...this.partyIndex.keys()],
      pledgeParty,
      quantityMin,
      quantityMax,
      rootNode,
      nodeKind: Uint8Array.from(this.kind),
      nodeParent,
      nodePledge: Int32Array.from(this.owner),
      nodeChildren: Int32Array.from(this.children, (c) => c ?? 0),
      leafType: Uint8Array.from(this.leafType),
      leafRef: Int32Array.from(this.leafRef),
      leafNegated: Uint8Array.from(this.leafNegated),
      leafThreshold: Float64Array.from(this.leafThreshold),
      leafStrict: Uint8Array.from(this.leafStrict),
      leafSyntax: this.leafSyntax,
      factIds: [...this.factIndex.keys()],
      factIndex: this.factIndex,
      partyIndex: this.partyIndex,
      keys: this.keys,
      keyIndex: this.keyIndex,
      feedStart,
      feedKey,
      watchStart,
      watchLeaf,
    };
  }

  // Post-order: children get lower indices than their parent, so one forward pass can evaluate the tree.
  private addNode(condition: Condition, pledge: number): number {
    if (condition.kind === 'and' || condition.kind === 'or') {
      const childIds = condition.items.map((item) => this.addNode(item, pledge));
      const id = this.pushNode(condition.kind === 'and' ? NODE_AND : NODE_OR, pledge, condition);
      for (const child of childIds) this.parent[child] = id;
      return id;
    }
    const id = this.pushNode(NODE_LEAF, pledge, condition);
    switch (condition.kind) {
      case 'const':
        this.leafType[id] = condition.value ? LEAF_TRUE : LEAF_FALSE;
        break;
      case 'fact':
        this.leafType[id] = LEAF_FACT;
        this.leafRef[id] = this.indexOf(this.factIndex, condition.fact);
        this.leafNegated[id] = condition.negated ? 1 : 0;
        break;
      case 'total':
      case 'count':
        this.leafType[id] = condition.kind === 'total' ? LEAF_TOTAL : LEAF_COUNT;
        this.leafRef[id] = this.keyOf(keyOfAtom(condition));
        this.leafThreshold[id] = condition.threshold;
        this.leafStrict[id] = condition.op === '>' ? 1 : 0;
        break;
      case 'active':
        this.leafType[id] = LEAF_ACTIVE;
        this.leafRef[id] = this.keyOf(keyOfAtom(condition));
        break;
    }
    return id;
  }

  private pushNode(kind: number, pledge: number, syntax: Condition): number {
    const id = this.kind.length;
    this.kind.push(kind);
    this.parent.push(-1);
    this.owner.push(pledge);
    this.leafType.push(LEAF_NONE);
    this.leafRef.push(-1);
    this.leafNegated.push(0);
    this.leafThreshold.push(0);
    this.leafStrict.push(0);
    this.leafSyntax.push(syntax);
    return id;
  }

  private keyOf(key: AggregateKey): number {
    const name = nameKey(key);
    let index = this.keyIndex.get(name);
    if (index === undefined) {
      index = this.keys.length;
      this.keyIndex.set(name, index);
      this.keys.push(key);
    }
    return index;
  }

  private indexOf(map: Map<string, number>, name: string): number {
    let index = map.get(name);
    if (index === undefined) {
      index = map.size;
      map.set(name, index);
    }
    return index;
  }

  // Which keys each pledge feeds: by capability (and area), by party, by party and capability.
  private buildFeeds(): { feedStart: Int32Array; feedKey: Int32Array } {
    const byCapability = new Map<string, number[]>();
    const byParty = new Map<string, number[]>();
    this.keys.forEach((key, index) => {
      const bucket = key.type === KEY_ACTIVE ? (key.party as string) : (key.capability as string);
      const map = key.type === KEY_ACTIVE ? byParty : byCapability;
      const list = map.get(bucket);
      if (list) list.push(index);
      else map.set(bucket, [index]);
    });
    const feedStart = new Int32Array(this.pledges.length + 1);
    const feedKey: number[] = [];
    this.pledges.forEach((pledge, p) => {
      for (const k of byCapability.get(pledge.capability) ?? []) {
        const key = this.keys[k] as AggregateKey;
        if (key.area === undefined || anyAreaCovers(pledge.areas, key.area)) feedKey.push(k);
      }
      for (const k of byParty.get(pledge.party) ?? []) {
        const key = this.keys[k] as AggregateKey;
        if (key.capability === undefined || key.capability === pledge.capability) feedKey.push(k);
      }
      feedStart[p + 1] = feedKey.length;
    });
    return { feedStart, feedKey: Int32Array.from(feedKey) };
  }

  private buildWatches(nodeCount: number): { watchStart: Int32Array; watchLeaf: Int32Array } {
    const watchStart = new Int32Array(this.keys.length + 1);
    for (let n = 0; n < nodeCount; n++) {
      const type = this.leafType[n] as number;
      if (type >= LEAF_TOTAL) watchStart[(this.leafRef[n] as number) + 1]! += 1;
    }
    for (let k = 0; k < this.keys.length; k++) watchStart[k + 1]! += watchStart[k] as number;
    const fill = watchStart.slice(0, this.keys.length);
    const watchLeaf = new Int32Array(watchStart[this.keys.length] as number);
    for (let n = 0; n < nodeCount; n++) {
      if ((this.leafType[n] as number) >= LEAF_TOTAL) watchLeaf[fill[this.leafRef[n] as number]!++] = n;
    }
    return { watchStart, watchLeaf };
  }
}
