import { type Int32Workspace, labelStronglyConnectedComponents } from '../graph/strongly-connected-components.js';
import { KEY_ACTIVE, type Network } from './compile-network.js';
import { pledgesByKey } from './pledges-by-key.js';
import { idRanks, pledgesInIdOrder } from './pledges-in-id-order.js';
import { RADIX_COUNTS, sortNodeIds } from './sort-node-ids.js';
import { perNetwork } from './per-network.js';
import { createWorkArrays } from './work-arrays.js';

// The groups of assurance-gap pledges that wait on each other: strongly connected components of the
// "waits for" graph. p waits for q when a leaf failing in p's condition (at the least fixed point) would
// count q: total()/count() of q's capability from a party other than p's, or active() of q's party.
// "Every other party" is encoded with prefix and suffix chains over the blocks of the parties that wait on the key
// themselves, plus one node for all other contributors, keeping the graph linear.
// Every working array comes from a workspace kept with the network, so a scenario allocates only its result.

/** The aggregate leaves failing for each gap pledge (CSR over the gap's order). */
export interface FailingLeaves {
  start: ArrayLike<number>;
  leaf: ArrayLike<number>;
}

const workspaceFor = perNetwork((): Int32Workspace => createWorkArrays());

/** Groups (of two or more pledge ids, sorted) among `gap` (pledge indices, ascending), given their failing leaves. */
export function findWaitingGroups(net: Network, gap: ArrayLike<number>, failing: FailingLeaves): string[][] {
  if (gap.length < 2) return [];
  const work = workspaceFor(net);
  const byKey = pairsByKey(net, failing, work);
  const graph = new WaitGraph(net, gap, byKey, work);
  for (let k = 0; k < net.keyCount; k++) {
    const from = byKey.start[k] as number;
    const to = byKey.start[k + 1] as number;
    if (from < to) graph.connectKey(k, byKey.local, from, to);
  }
  const { start, target } = graph.toCsr();
  const { component, count } = labelStronglyConnectedComponents(graph.size, start, target, work);
  const size = work('groups.size', count).fill(0);
  for (let local = 0; local < gap.length; local++) size[component[local] as number]! += 1;
  return listGroups(net, gap, component, size, work);
}

// The components of two or more pledges, each listed in id order, the groups in order of their first ids. The
// grouped pledges are put in id order by their ranks (a radix sort), not by a scan of every pledge of the network.
function listGroups(net: Network, gap: ArrayLike<number>, component: Int32Array, size: Int32Array, work: Int32Workspace): string[][] {
  const rank = idRanks(net);
  // Written for the grouped pledges only, and read only for them.
  const groupOf = work('groups.of', net.pledgeIds.length);
  const ranks = work('groups.ranks', gap.length);
  let grouped = 0;
  for (let local = 0; local < gap.length; local++) {
    const c = component[local] as number;
    if ((size[c] as number) < 2) continue;
    const p = gap[local] as number;
    groupOf[p] = c;
    ranks[grouped++] = rank[p] as number;
  }
  if (grouped === 0) return [];
  const sorted = sortNodeIds(ranks, grouped, work('groups.spare', grouped), net.pledgeIds.length, work('groups.radix', RADIX_COUNTS));
  const groups: string[][] = [];
  // Per component: its group's place in `groups`, then how many ids it holds so far.
  const slot = work('groups.slot', size.length).fill(-1);
  const filled = work('groups.filled', size.length);
  const order = pledgesInIdOrder(net);
  for (let i = 0; i < sorted.length; i++) {
    const p = order[sorted[i] as number] as number;
    const c = groupOf[p] as number;
    if (slot[c] === -1) {
      slot[c] = groups.length;
      filled[c] = 0;
      groups.push(new Array<string>(size[c] as number));
    }
    (groups[slot[c] as number] as string[])[filled[c]!++] = net.pledgeIds[p] as string;
  }
  return groups.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

/** The gap-local pledges with a failing leaf on each key (CSR by key; a pledge once per failing leaf). */
function pairsByKey(net: Network, failing: FailingLeaves, work: Int32Workspace): { start: Int32Array; local: Int32Array } {
  const start = work('pairs.start', net.keyCount + 1).fill(0);
  // Each failing leaf's key, read once: the leaves lie scattered over the network's nodes.
  const leafKey = work('pairs.key', failing.leaf.length);
  for (let i = 0; i < failing.leaf.length; i++) {
    const k = net.leafRef[failing.leaf[i] as number] as number;
    leafKey[i] = k;
    start[k + 1]! += 1;
  }
  for (let k = 0; k < net.keyCount; k++) start[k + 1]! += start[k] as number;
  const fill = work('pairs.fill', net.keyCount);
  fill.set(start.subarray(0, net.keyCount));
  const local = work('pairs.local', failing.leaf.length);
  const pledges = failing.start.length - 1;
  for (let p = 0; p < pledges; p++) {
    const end = failing.start[p + 1] as number;
    for (let i = failing.start[p] as number; i < end; i++) local[fill[leafKey[i] as number]!++] = p;
  }
  return { start, local };
}

class WaitGraph {
  /** Edges, in arrays sized for the most a key can add (see the constructor). */
  private readonly from: Int32Array;
  private readonly to: Int32Array;
  private edges = 0;
  size: number;
  /** CSR key → the gap pledges feeding it (gap-local, ascending). */
  private readonly memberStart: Int32Array;
  private readonly member: Int32Array;
  /** Scratch: block of each party for the key being connected, valid when blockKey[party] is that key. */
  private readonly partyBlock: Int32Array;
  private readonly blockKey: Int32Array;
  /** Scratch: waitKey[party] is the key being connected when one of the party's gap pledges waits on it. */
  private readonly waitKey: Int32Array;
  /** Scratch for one key's members of waiting parties grouped by party block (CSR), and its other members. */
  private readonly blockStart: Int32Array;
  private readonly blockMember: Int32Array;
  private readonly restMember: Int32Array;

  constructor(
    private readonly net: Network,
    private readonly gap: ArrayLike<number>,
    pairs: { start: Int32Array },
    private readonly work: Int32Workspace,
  ) {
    this.size = gap.length;
    ({ start: this.memberStart, member: this.member } = pledgesByKey(net, gap, work));
    // A key with failing leaves adds at most two edges per member, 2 * blocks - 1 chain links (the two chains and
    // the suffix chain's link to `rest`; no more blocks than members) and two per failing leaf.
    let most = 0;
    for (let k = 0; k < net.keyCount; k++) {
      const failingLeaves = (pairs.start[k + 1] as number) - (pairs.start[k] as number);
      if (failingLeaves > 0) most += 4 * ((this.memberStart[k + 1] as number) - (this.memberStart[k] as number)) + 2 * failingLeaves;
    }
    this.from = work('graph.from', most);
    this.to = work('graph.to', most);
    this.partyBlock = work('graph.partyBlock', net.partyIds.length);
    this.blockKey = work('graph.blockKey', net.partyIds.length).fill(-1);
    this.waitKey = work('graph.waitKey', net.partyIds.length).fill(-1);
    this.blockStart = work('graph.blockStart', gap.length + 1);
    this.blockMember = work('graph.blockMember', gap.length);
    this.restMember = work('graph.restMember', gap.length);
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
    // "Every contributor but party r" is only needed for the parties r that wait on the key and contribute to it
    // (in the benchmark's random model, 15 % of a key's contributing parties). Their members are in blocks by
    // party, with a prefix chain (pre[i] reaches blocks 0..i) and a suffix chain (suf[i] reaches blocks i..last and
    // `rest`); every other contributor hangs off one node `rest`. Each waiting pledge then needs at most two edges.
    const { blocks, rest } = this.groupByParty(key, first, end, pairs, from, to);
    const pre = this.size;
    const suf = pre + blocks;
    const restNode = rest > 0 ? suf + blocks : -1;
    this.size += 2 * blocks + (rest > 0 ? 1 : 0);
    for (let i = 0; i < rest; i++) this.edge(restNode, this.restMember[i] as number);
    for (let b = 0; b < blocks; b++) {
      for (let i = this.blockStart[b] as number; i < (this.blockStart[b + 1] as number); i++) {
        this.edge(pre + b, this.blockMember[i] as number);
        this.edge(suf + b, this.blockMember[i] as number);
      }
      if (b > 0) this.edge(pre + b, pre + b - 1);
      if (b + 1 < blocks) this.edge(suf + b, suf + b + 1);
      else if (restNode >= 0) this.edge(suf + b, restNode);
    }
    const last = blocks - 1;
    for (let i = from; i < to; i++) {
      const local = pairs[i] as number;
      const party = this.partyOfLocal(local);
      const block = this.blockKey[party] === key ? (this.partyBlock[party] as number) : -1;
      if (block === -1) {
        // The party contributes nothing to the key: every contributor counts.
        if (last >= 0) this.edge(local, pre + last);
        if (restNode >= 0) this.edge(local, restNode);
        continue;
      }
      if (block > 0) this.edge(local, pre + block - 1);
      if (block < last) this.edge(local, suf + block + 1);
      else if (restNode >= 0) this.edge(local, restNode);
    }
  }

  // Key's members [first, end): those of parties with a pledge waiting on the key (pairs[from..to)) into blocks by
  // party (first-seen order) in blockStart/blockMember, the others into restMember; the counts of both.
  private groupByParty(key: number, first: number, end: number, pairs: Int32Array, from: number, to: number): { blocks: number; rest: number } {
    for (let i = from; i < to; i++) this.waitKey[this.partyOfLocal(pairs[i] as number)] = key;
    let blocks = 0;
    let rest = 0;
    for (let i = first; i < end; i++) {
      const local = this.member[i] as number;
      const party = this.partyOfLocal(local);
      if (this.waitKey[party] !== key) {
        this.restMember[rest++] = local;
        continue;
      }
      if (this.blockKey[party] !== key) {
        this.blockKey[party] = key;
        this.partyBlock[party] = blocks;
        this.blockStart[++blocks] = 0;
      }
      this.blockStart[(this.partyBlock[party] as number) + 1]! += 1;
    }
    this.blockStart[0] = 0;
    for (let b = 0; b < blocks; b++) this.blockStart[b + 1]! += this.blockStart[b] as number;
    const fill = this.work('graph.blockFill', blocks);
    fill.set(this.blockStart.subarray(0, blocks));
    for (let i = first; i < end; i++) {
      const party = this.partyOfLocal(this.member[i] as number);
      if (this.waitKey[party] === key) this.blockMember[fill[this.partyBlock[party] as number]!++] = this.member[i] as number;
    }
    return { blocks, rest };
  }

  toCsr(): { start: Int32Array; target: Int32Array } {
    // Writes past a typed array's end are dropped silently: a broken bound must not pass as a smaller graph.
    if (this.edges > this.from.length) throw new Error(`waiting groups: ${this.edges} edges exceed the bound of ${this.from.length}`);
    const start = this.work('csr.start', this.size + 1).fill(0);
    for (let e = 0; e < this.edges; e++) start[(this.from[e] as number) + 1]! += 1;
    for (let n = 0; n < this.size; n++) start[n + 1]! += start[n] as number;
    const fill = this.work('csr.fill', this.size);
    fill.set(start.subarray(0, this.size));
    const target = this.work('csr.target', this.edges);
    for (let e = 0; e < this.edges; e++) target[fill[this.from[e] as number]!++] = this.to[e] as number;
    return { start, target };
  }

  private partyOfLocal(local: number): number {
    return this.net.pledgeParty[this.gap[local] as number] as number;
  }

  private edge(from: number, to: number): void {
    this.from[this.edges] = from;
    this.to[this.edges] = to;
    this.edges++;
  }
}
