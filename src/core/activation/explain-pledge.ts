import type { Comparison, Condition } from '../conditions/ast.js';
import type { FactValue, PartyId } from '../types.js';
import type { ExclusionReason } from './candidates.js';
import { countNodes, type Network } from './compile-network.js';
import { activeLeafHolds, evaluateFact, type FixedPointState, ownPartOf } from './run-fixed-point.js';

// Why a pledge's condition fails at a fixed point: the failing facts, thresholds with the value seen, and the
// parties it waits for. Evaluated on the compiled condition tree against the fixed point's aggregates, so it
// costs O(size of the condition) per pledge. The syntax tree is walked alongside the compiled ids (post-order).

export type Reason =
  | { kind: 'excluded'; exclusion: ExclusionReason }
  | { kind: 'fact'; fact: string; negated: boolean; value: FactValue }
  | { kind: 'false' }
  | {
      kind: 'threshold';
      aggregate: 'total' | 'count';
      capability: string;
      area?: string;
      op: Comparison;
      threshold: number;
      /** What the other parties' active pledges add up to. */
      value: number;
    }
  /** The party has pledges (of the capability) but none is active: `pledges` lists them. */
  | { kind: 'waits'; party: PartyId; capability?: string; pledges: string[]; more: number }
  | { kind: 'any_of'; options: Reason[][] };

const MAX_LISTED = 5;

/** Explains failures of pledges' conditions against one fixed point. */
export class PledgeExplainer {
  /** Compiled id of the next node in post-order, walking the syntax tree alongside the network. */
  private next = 0;
  /** When set, the failing total/count/active leaves are appended here. */
  private failing: number[] | undefined;

  constructor(
    private readonly net: Network,
    private readonly state: FixedPointState,
    private readonly facts: ReadonlyMap<string, FactValue>,
  ) {}

  /** The reasons pledge `index`'s condition is false at the fixed point (empty if it holds); failing aggregate leaves go to `failing`. */
  explain(index: number, failing?: number[]): Reason[] {
    const pledge = this.net.pledges[index];
    if (!pledge) return [];
    this.next = index === 0 ? 0 : (this.net.rootNode[index - 1] as number) + 1;
    this.failing = failing;
    return this.failures(pledge.condition) ?? [];
  }

  // undefined when the node holds, else the reasons it fails. Children are compiled in item order, post-order.
  private failures(node: Condition): Reason[] | undefined {
    if (node.kind !== 'and' && node.kind !== 'or') return this.leafFailures(node, this.next++);
    let result: Reason[] | undefined;
    if (node.kind === 'and') {
      const reasons: Reason[] = [];
      for (const item of node.items) reasons.push(...(this.failures(item) ?? []));
      result = reasons.length > 0 ? reasons : undefined;
    } else {
      result = this.anyFailures(node.items);
    }
    this.next++;
    return result;
  }

  private anyFailures(items: readonly Condition[]): Reason[] | undefined {
    const options: Reason[][] = [];
    const failingBefore = this.failing?.length ?? 0;
    for (let i = 0; i < items.length; i++) {
      const failed = this.failures(items[i] as Condition);
      if (!failed) {
        // The OR holds: its failing leaves do not count. Skip the remaining items' nodes to stay aligned.
        if (this.failing) this.failing.length = failingBefore;
        for (let j = i + 1; j < items.length; j++) this.next += countNodes(items[j] as Condition);
        return undefined;
      }
      options.push(failed);
    }
    return [{ kind: 'any_of', options }];
  }

  private leafFailures(syntax: Condition, leaf: number): Reason[] | undefined {
    switch (syntax.kind) {
      case 'const':
        return syntax.value ? undefined : [{ kind: 'false' }];
      case 'fact': {
        const value = this.facts.get(syntax.fact) ?? 'unknown';
        // Explanations read unknown facts as the evaluated mode does.
        if (evaluateFact(value, syntax.negated, this.state.mode.optimistic)) return undefined;
        return [{ kind: 'fact', fact: syntax.fact, negated: syntax.negated, value }];
      }
      case 'active':
        if (activeLeafHolds(this.net, this.state, leaf)) return undefined;
        this.failing?.push(leaf);
        return [this.waitsReason(leaf, syntax)];
      case 'total':
      case 'count': {
        const value = (this.state.keyTotal[this.net.leafRef[leaf] as number] as number) - ownPartOf(this.net, this.state, leaf);
        const holds = syntax.op === '>' ? value > syntax.threshold : value >= syntax.threshold;
        if (holds) return undefined;
        this.failing?.push(leaf);
        const reason: Reason = {
          kind: 'threshold',
          aggregate: syntax.kind,
          capability: syntax.capability,
          op: syntax.op,
          threshold: syntax.threshold,
          value,
        };
        if (syntax.kind === 'total' && syntax.area !== undefined) reason.area = syntax.area;
        return [reason];
      }
      default:
        return undefined;
    }
  }

  // The party's candidate pledges (of the capability) are exactly those feeding the leaf's key, all inactive here.
  private waitsReason(leaf: number, syntax: Condition & { kind: 'active' }): Reason {
    const aux = this.net.leafAux[leaf] as number;
    const self = aux >> 1;
    const members = keyMembers(this.net);
    const k = this.net.leafRef[leaf] as number;
    const first = members.start[k] as number;
    const end = members.start[k + 1] as number;
    const shown: string[] = [];
    for (let i = first; i < end && shown.length < MAX_LISTED; i++) {
      const index = members.pledge[i] as number;
      if (index !== self) shown.push((this.net.pledges[index] as { id: string }).id);
    }
    const more = end - first - (aux & 1) - shown.length;
    const reason: Reason = { kind: 'waits', party: syntax.party, pledges: shown, more };
    if (syntax.capability !== undefined) reason.capability = syntax.capability;
    return reason;
  }
}

const membersCache = new WeakMap<Network, { start: Int32Array; pledge: Int32Array }>();

/** CSR key → the pledges feeding it, in pledge order (built once per network, on first use). */
export function keyMembers(net: Network): { start: Int32Array; pledge: Int32Array } {
  const cached = membersCache.get(net);
  if (cached) return cached;
  const keyCount = net.keyCount;
  const keyOf = (f: number): number => {
    const entry = net.feedEntry[f] as number;
    return entry >= 0 ? entry : (net.slotKey[-1 - entry] as number);
  };
  const start = new Int32Array(keyCount + 1);
  for (let f = 0; f < net.feedEntry.length; f++) start[keyOf(f) + 1]! += 1;
  for (let k = 0; k < keyCount; k++) start[k + 1]! += start[k] as number;
  const fill = start.slice(0, keyCount);
  const pledge = new Int32Array(net.feedEntry.length);
  for (let p = 0; p < net.pledges.length; p++) {
    for (let f = net.feedStart[p] as number; f < (net.feedStart[p + 1] as number); f++) pledge[fill[keyOf(f)]!++] = p;
  }
  const members = { start, pledge };
  membersCache.set(net, members);
  return members;
}
