import { labelStronglyConnectedComponents } from '../graph/strongly-connected-components.js';
import { KEY_ACTIVE, type Network } from './compile-network.js';
import { keyMembers } from './explain-pledge.js';

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
  const byComponent = new Map<number, string[]>();
  for (let local = 0; local < gap.length; local++) {
    const c = component[local] as number;
    if ((size[c] as number) < 2) continue;
    const id = net.pledgeIds[gap[local] as number] as string;
    const ids = byComponent.get(c);
    if (ids) ids.push(id);
    else byComponent.set(c, [id]);
  }
  return [...byComponent.values()].map((ids) => ids.sort()).sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
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
  private readonly local: Int32Array;
  /** Scratch: block of each party for the key being connected, valid when blockKey[party] is that key. */
  private readonly partyBlock: Int32Array;
  private readonly blockKey: Int32Array;

  constructor(
    private readonly net: Network,
    private readonly gap: readonly number[],
  ) {
    this.size = gap.length;
    this.local = new Int32Array(net.pledgeIds.length).fill(-1);
    gap.forEach((pledge, local) => (this.local[pledge] = local));
    this.partyBlock = new Int32Array(net.partyIds.length);
    this.blockKey = new Int32Array(net.partyIds.length).fill(-1);
  }

  /** Edges from each pledge in `pairs[from..to)` to the gap pledges that key `key` would count for it. */
  connectKey(key: number, pairs: Int32Array, from: number, to: number): void {
    const members = this.gapMembers(key);
    if (this.net.keyType[key] === KEY_ACTIVE) {
      const node = this.addNode(members);
      for (let i = from; i < to; i++) this.edge(pairs[i] as number, node);
      return;
    }
    // Blocks of contributors by party, with prefix and suffix chains, so "all but party r" is two edges.
    const blocks: number[][] = [];
    for (const local of members) {
      const party = this.partyOfLocal(local);
      if (this.blockKey[party] !== key) {
        this.blockKey[party] = key;
        this.partyBlock[party] = blocks.length;
        blocks.push([]);
      }
      (blocks[this.partyBlock[party] as number] as number[]).push(local);
    }
    const blockNodes = blocks.map((block) => this.addNode(block));
    const pre = blockNodes.map(() => this.addNode([]));
    const suf = blockNodes.map(() => this.addNode([]));
    blockNodes.forEach((node, i) => {
      this.edge(pre[i] as number, node);
      if (i > 0) this.edge(pre[i] as number, pre[i - 1] as number);
      this.edge(suf[i] as number, node);
      if (i + 1 < blockNodes.length) this.edge(suf[i] as number, suf[i + 1] as number);
    });
    const last = blocks.length - 1;
    for (let i = from; i < to; i++) {
      const local = pairs[i] as number;
      const party = this.partyOfLocal(local);
      const block = this.blockKey[party] === key ? (this.partyBlock[party] as number) : -1;
      if (block === -1) {
        if (last >= 0) this.edge(local, pre[last] as number);
        continue;
      }
      if (block > 0) this.edge(local, pre[block - 1] as number);
      if (block < last) this.edge(local, suf[block + 1] as number);
    }
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

  // The gap pledges feeding `key`, as gap-local indices in pledge order.
  private gapMembers(key: number): number[] {
    const all = keyMembers(this.net);
    const members: number[] = [];
    for (let i = all.start[key] as number; i < (all.start[key + 1] as number); i++) {
      const local = this.local[all.pledge[i] as number] as number;
      if (local >= 0) members.push(local);
    }
    return members;
  }

  private partyOfLocal(local: number): number {
    return this.net.pledgeParty[this.gap[local] as number] as number;
  }

  private addNode(targets: readonly number[]): number {
    const node = this.size++;
    for (const to of targets) this.edge(node, to);
    return node;
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
