import { labelStronglyConnectedComponents } from '../graph/strongly-connected-components.js';
import { KEY_ACTIVE, type Network } from './compile-network.js';
import { pledgesByKey } from './pledges-by-key.js';
import { pledgesInIdOrder } from './pledges-in-id-order.js';

// The groups of assurance-gap pledges that wait on each other: strongly connected components of the
// "waits for" graph. p waits for q when a leaf failing in p's condition (at the least fixed point) would
// count q: total()/count() of q's capability from a party other than p's, or active() of q's party.
// "Every other party" is encoded with prefix and suffix chains over party blocks, keeping the graph linear.

/** The aggregate leaves failing for each gap pledge (CSR over the gap's order). */
export interface FailingLeaves {
  start: readonly number[];
  leaf: readonly number[];
}

/** Groups (of two or more pledge ids, sorted) among `gap` (pledge indices, ascending), given their failing leaves. */
export function findWaitingGroups(net: Network, gap: readonly number[], failing: FailingLeaves): string[][] {
  const graph = new WaitGraph(net, gap);
  const byKey = pairsByKey(net, failing);
  for (let k = 0; k < net.keyCount; k++) {
    const from = byKey.start[k] as number;
    const to = byKey.start[k + 1] as number;
    if (from < to) graph.connectKey(k, byKey.local, from, to);
  }
  const { start, target } = graph.toCsr();
  const { component, count } = labelStronglyConnectedComponents(graph.size, start, target);
  const size = new Int32Array(count);
  for (let local = 0; local < gap.length; local++) size[component[local] as number]! += 1;
  return listGroups(net, gap, component, size);
}

// The components of two or more pledges, each listed in id order, the groups in order of their first ids.
function listGroups(net: Network, gap: readonly number[], component: Int32Array, size: Int32Array): string[][] {
  const groupOf = new Int32Array(net.pledgeIds.length).fill(-1);
  let grouped = 0;
  for (let local = 0; local < gap.length; local++) {
    const c = component[local] as number;
    if ((size[c] as number) < 2) continue;
    groupOf[gap[local] as number] = c;
    grouped++;
  }
  if (grouped === 0) return [];
  const groups: string[][] = [];
  const slot = new Int32Array(size.length).fill(-1);
  const order = pledgesInIdOrder(net);
  for (let i = 0; i < order.length; i++) {
    const p = order[i] as number;
    const c = groupOf[p] as number;
    if (c < 0) continue;
    if (slot[c] === -1) {
      slot[c] = groups.length;
      groups.push([]);
    }
    groups[slot[c] as number]!.push(net.pledgeIds[p] as string);
  }
  return groups.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** The gap-local pledges with a failing leaf on each key (CSR by key; a pledge once per failing leaf). */
function pairsByKey(net: Network, failing: FailingLeaves): { start: Int32Array; local: Int32Array } {
  const start = new Int32Array(net.keyCount + 1);
  const pledges = failing.start.length - 1;
  for (let i = 0; i < failing.leaf.length; i++) start[(net.leafRef[failing.leaf[i] as number] as number) + 1]! += 1;
  for (let k = 0; k < net.keyCount; k++) start[k + 1]! += start[k] as number;
  const fill = start.slice(0, net.keyCount);
  const local = new Int32Array(failing.leaf.length);
  for (let p = 0; p < pledges; p++) {
    for (let i = failing.start[p] as number; i < (failing.start[p + 1] as number); i++) {
      local[fill[net.leafRef[failing.leaf[i] as number] as number]!++] = p;
    }
  }
  return { start, local };
}

class WaitGraph {
  /** Edges as two growing typed arrays (a million-pledge gap makes millions of edges). */
  private from: Int32Array = new Int32Array(1024);
  private to: Int32Array = new Int32Array(1024);
  private edges = 0;
  size: number;
  /** CSR key → the gap pledges feeding it (gap-local, ascending). */
  private readonly memberStart: Int32Array;
  private readonly member: Int32Array;
  /** Scratch: block of each party for the key being connected, valid when blockKey[party] is that key. */
  private readonly partyBlock: Int32Array;
  private readonly blockKey: Int32Array;
  /** Scratch for one key's members grouped by party block (CSR). */
  private readonly blockStart: Int32Array;
  private readonly blockMember: Int32Array;

  constructor(
    private readonly net: Network,
    private readonly gap: readonly number[],
  ) {
    this.size = gap.length;
    ({ start: this.memberStart, member: this.member } = pledgesByKey(net, gap));
    this.partyBlock = new Int32Array(net.partyIds.length);
    this.blockKey = new Int32Array(net.partyIds.length).fill(-1);
    this.blockStart = new Int32Array(gap.length + 1);
    this.blockMember = new Int32Array(gap.length);
  }

  /** Edges from each pledge in `pairs[from..to)` to the gap pledges that key `key` would count for it. */
  connectKey(key: number, pairs: Int32Array, from: number, to: number): void {
    const first = this.memberStart[key] as number;
    const end = this.memberStart[key + 1] as number;
    if (this.net.keyType[key] === KEY_ACTIVE) {
      const node = this.size++;
      for (let i = first; i < end; i++) this.edge(node, this.member[i] as number);
      for (let i = from; i < to; i++) this.edge(pairs[i] as number, node);
      return;
    }
    // "Every contributor but party r": the contributors in blocks by party, a prefix chain (pre[i] reaches blocks
    // 0..i) and a suffix chain (suf[i] reaches blocks i..last), so that each pledge needs two edges.
    const blocks = this.groupByParty(key, first, end);
    const pre = this.size;
    const suf = pre + blocks;
    this.size += 2 * blocks;
    for (let b = 0; b < blocks; b++) {
      for (let i = this.blockStart[b] as number; i < (this.blockStart[b + 1] as number); i++) {
        this.edge(pre + b, this.blockMember[i] as number);
        this.edge(suf + b, this.blockMember[i] as number);
      }
      if (b > 0) this.edge(pre + b, pre + b - 1);
      if (b + 1 < blocks) this.edge(suf + b, suf + b + 1);
    }
    const last = blocks - 1;
    for (let i = from; i < to; i++) {
      const local = pairs[i] as number;
      const party = this.partyOfLocal(local);
      const block = this.blockKey[party] === key ? (this.partyBlock[party] as number) : -1;
      if (block === -1) {
        if (last >= 0) this.edge(local, pre + last);
        continue;
      }
      if (block > 0) this.edge(local, pre + block - 1);
      if (block < last) this.edge(local, suf + block + 1);
    }
  }

  // Key's members [first, end) into blocks by party (first-seen order) in blockStart/blockMember; the block count.
  private groupByParty(key: number, first: number, end: number): number {
    let blocks = 0;
    for (let i = first; i < end; i++) {
      const party = this.partyOfLocal(this.member[i] as number);
      if (this.blockKey[party] !== key) {
        this.blockKey[party] = key;
        this.partyBlock[party] = blocks;
        this.blockStart[++blocks] = 0;
      }
      this.blockStart[(this.partyBlock[party] as number) + 1]! += 1;
    }
    this.blockStart[0] = 0;
    for (let b = 0; b < blocks; b++) this.blockStart[b + 1]! += this.blockStart[b] as number;
    const fill = this.blockStart.slice(0, blocks);
    for (let i = first; i < end; i++) {
      const local = this.member[i] as number;
      this.blockMember[fill[this.partyBlock[this.partyOfLocal(local)] as number]!++] = local;
    }
    return blocks;
  }

  toCsr(): { start: Int32Array; target: Int32Array } {
    const start = new Int32Array(this.size + 1);
    for (let e = 0; e < this.edges; e++) start[(this.from[e] as number) + 1]! += 1;
    for (let n = 0; n < this.size; n++) start[n + 1]! += start[n] as number;
    const fill = start.slice(0, this.size);
    const target = new Int32Array(this.edges);
    for (let e = 0; e < this.edges; e++) target[fill[this.from[e] as number]!++] = this.to[e] as number;
    return { start, target };
  }

  private partyOfLocal(local: number): number {
    return this.net.pledgeParty[this.gap[local] as number] as number;
  }

  private edge(from: number, to: number): void {
    if (this.edges === this.from.length) {
      const grown = (array: Int32Array): Int32Array => {
        const bigger = new Int32Array(array.length * 2);
        bigger.set(array);
        return bigger;
      };
      this.from = grown(this.from);
      this.to = grown(this.to);
    }
    this.from[this.edges] = from;
    this.to[this.edges] = to;
    this.edges++;
  }
}
