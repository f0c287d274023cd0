import { anyAreaCovers } from '../areas.js';
import { findStronglyConnectedComponents } from '../graph/strongly-connected-components.js';
import type { ActivationPledge } from './compile-network.js';
import type { Reason } from './explain-pledge.js';

// The groups of assurance-gap pledges that wait on each other: strongly connected components of the
// "waits for" graph. p waits for q when a leaf failing in p's condition (at the least fixed point) would
// count q: total()/count() of q's capability from a party other than p's, or active() of q's party.
// "Every other party" is encoded with prefix and suffix chains over party blocks, keeping the graph linear.

/** Groups (of two or more pledge ids, sorted) among `gap`, given why each waits in the least fixed point. */
export function findWaitingGroups(pledges: readonly ActivationPledge[], gap: readonly number[], waits: readonly Reason[][]): string[][] {
  const graph = new WaitGraph(pledges, gap);
  gap.forEach((_, local) => {
    for (const reason of flattenReasons(waits[local] ?? [])) graph.connect(local, reason);
  });
  const groups: string[][] = [];
  for (const component of findStronglyConnectedComponents(graph.size, graph.edges)) {
    const members = component.filter((node) => node < gap.length).map((node) => (pledges[gap[node] as number] as ActivationPledge).id);
    if (members.length >= 2) groups.push(members.sort());
  }
  return groups.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

function flattenReasons(reasons: readonly Reason[], into: Reason[] = []): Reason[] {
  for (const reason of reasons) {
    if (reason.kind === 'any_of') for (const option of reason.options) flattenReasons(option, into);
    else into.push(reason);
  }
  return into;
}

class WaitGraph {
  readonly edges: number[][];
  private readonly targets = new Map<string, { blocks: string[]; pre: number[]; suf: number[] } | number>();
  private readonly byCapability = new Map<string, number[]>();
  private readonly byParty = new Map<string, number[]>();

  constructor(
    private readonly pledges: readonly ActivationPledge[],
    private readonly gap: readonly number[],
  ) {
    this.edges = gap.map(() => []);
    gap.forEach((index, local) => {
      const pledge = pledges[index] as ActivationPledge;
      appendTo(this.byCapability, pledge.capability, local);
      appendTo(this.byParty, pledge.party, local);
    });
  }

  get size(): number {
    return this.edges.length;
  }

  connect(local: number, reason: Reason): void {
    const pledge = this.pledges[this.gap[local] as number] as ActivationPledge;
    const out = this.edges[local] as number[];
    if (reason.kind === 'waits') {
      out.push(this.partyNode(reason.party, reason.capability));
    } else if (reason.kind === 'threshold') {
      const chains = this.otherPartiesChains(reason.capability, reason.aggregate === 'total' ? reason.area : undefined);
      const block = chains.blocks.indexOf(pledge.party);
      const last = chains.blocks.length - 1;
      if (block === -1) {
        if (last >= 0) out.push(chains.pre[last] as number);
      } else {
        if (block > 0) out.push(chains.pre[block - 1] as number);
        if (block < last) out.push(chains.suf[block + 1] as number);
      }
    }
  }

  private addNode(targets: number[]): number {
    this.edges.push(targets);
    return this.edges.length - 1;
  }

  // One node standing for every gap pledge of a party (of a capability).
  private partyNode(party: string, capability: string | undefined): number {
    const name = `active|${party}|${capability ?? ''}`;
    const known = this.targets.get(name);
    if (typeof known === 'number') return known;
    const members = this.select(this.byParty.get(party), (p) => capability === undefined || p.capability === capability);
    const node = this.addNode(members);
    this.targets.set(name, node);
    return node;
  }

  // Blocks of contributors by party, with prefix and suffix chains, so "all but party r" is two edges.
  private otherPartiesChains(capability: string, area: string | undefined): { blocks: string[]; pre: number[]; suf: number[] } {
    const name = `agg|${capability}|${area ?? ''}`;
    const known = this.targets.get(name);
    if (known !== undefined && typeof known !== 'number') return known;
    const members = this.select(this.byCapability.get(capability), (p) => area === undefined || anyAreaCovers(p.areas, area));
    const byParty = new Map<string, number[]>();
    for (const local of members) appendTo(byParty, (this.pledges[this.gap[local] as number] as ActivationPledge).party, local);
    const blocks = [...byParty.keys()];
    const blockNodes = blocks.map((party) => this.addNode(byParty.get(party) as number[]));
    const pre: number[] = [];
    blockNodes.forEach((node, i) => pre.push(this.addNode(i === 0 ? [node] : [node, pre[i - 1] as number])));
    const suf: number[] = new Array<number>(blockNodes.length);
    for (let i = blockNodes.length - 1; i >= 0; i--) {
      suf[i] = this.addNode(i === blockNodes.length - 1 ? [blockNodes[i] as number] : [blockNodes[i] as number, suf[i + 1] as number]);
    }
    const chains = { blocks, pre, suf };
    this.targets.set(name, chains);
    return chains;
  }

  private select(locals: number[] | undefined, matches: (pledge: ActivationPledge) => boolean): number[] {
    return (locals ?? []).filter((local) => matches(this.pledges[this.gap[local] as number] as ActivationPledge));
  }
}

function appendTo(map: Map<string, number[]>, name: string, value: number): void {
  const list = map.get(name);
  if (list) list.push(value);
  else map.set(name, [value]);
}
