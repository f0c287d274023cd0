import type { Comparison, Condition } from '../conditions/ast.js';
import type { FactValue, PartyId } from '../types.js';
import type { ExclusionReason } from './candidates.js';
import { KEY_TOTAL, keyOfAtom, nameKey, type Network } from './compile-network.js';
import { evaluateFact, type FixedPointState, ownPart } from './run-fixed-point.js';

// Why a pledge's condition fails at a fixed point: the failing facts, thresholds with the value seen, and the
// parties it waits for. Evaluated on the syntax tree against the fixed point's aggregates, so it costs
// O(size of the condition) per pledge.

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
  private pledgesByParty: Map<PartyId, number[]> | undefined;

  constructor(
    private readonly net: Network,
    private readonly state: FixedPointState,
    private readonly facts: ReadonlyMap<string, FactValue>,
  ) {}

  /** The reasons pledge `index`'s condition is false at the fixed point; empty if it holds. */
  explain(index: number): Reason[] {
    const pledge = this.net.pledges[index];
    if (!pledge) return [];
    return this.failures(pledge.condition, index) ?? [];
  }

  // undefined when the node holds, else the reasons it fails.
  private failures(node: Condition, pledge: number): Reason[] | undefined {
    switch (node.kind) {
      case 'and': {
        const reasons: Reason[] = [];
        for (const item of node.items) reasons.push(...(this.failures(item, pledge) ?? []));
        return reasons.length > 0 ? reasons : undefined;
      }
      case 'or': {
        const options: Reason[][] = [];
        for (const item of node.items) {
          const failed = this.failures(item, pledge);
          if (!failed) return undefined;
          options.push(failed);
        }
        return [{ kind: 'any_of', options }];
      }
      case 'const':
        return node.value ? undefined : [{ kind: 'false' }];
      case 'fact': {
        const value = this.facts.get(node.fact) ?? 'unknown';
        // Explanations read unknown facts as the evaluated mode does.
        if (evaluateFact(value, node.negated, this.state.mode.optimistic)) return undefined;
        return [{ kind: 'fact', fact: node.fact, negated: node.negated, value }];
      }
      case 'total':
      case 'count': {
        const value = this.aggregateValue(node, pledge);
        const holds = node.op === '>' ? value > node.threshold : value >= node.threshold;
        if (holds) return undefined;
        const reason: Reason = {
          kind: 'threshold',
          aggregate: node.kind,
          capability: node.capability,
          op: node.op,
          threshold: node.threshold,
          value,
        };
        if (node.kind === 'total' && node.area !== undefined) reason.area = node.area;
        return [reason];
      }
      case 'active': {
        if (this.activeHolds(node, pledge)) return undefined;
        const all = this.pledgesOf(node.party, node.capability);
        const shown: string[] = [];
        let others = 0;
        for (const index of all) {
          if (index === pledge) continue;
          others++;
          if (shown.length < MAX_LISTED) shown.push((this.net.pledges[index] as { id: string }).id);
          else if (others > MAX_LISTED) break;
        }
        const self = this.net.pledges[pledge];
        const selfListed =
          self !== undefined && self.party === node.party && (node.capability === undefined || node.capability === self.capability);
        const more = all.length - (selfListed ? 1 : 0) - shown.length;
        const reason: Reason = { kind: 'waits', party: node.party, pledges: shown, more };
        if (node.capability !== undefined) reason.capability = node.capability;
        return [reason];
      }
    }
  }

  /** Value of a total()/count() over other parties' active pledges. */
  aggregateValue(node: Condition & { kind: 'total' | 'count' }, pledge: number): number {
    const key = this.net.keyIndex.get(nameKey(keyOfAtom(node)));
    if (key === undefined) return 0;
    const party = this.net.pledgeParty[pledge] as number;
    const parts = this.state.keyParty[key] as Map<number, number>;
    const isTotal = (this.net.keys[key] as { type: number }).type === KEY_TOTAL;
    return (this.state.keyTotal[key] as number) - ownPart(parts, party, isTotal);
  }

  // True when some pledge of the party (of the capability) other than `self` is active.
  private activeHolds(node: Condition & { kind: 'active' }, self: number): boolean {
    const key = this.net.keyIndex.get(nameKey(keyOfAtom(node)));
    if (key === undefined) return false;
    const pledge = this.net.pledges[self];
    const feedsOwn =
      pledge !== undefined && pledge.party === node.party && (node.capability === undefined || node.capability === pledge.capability);
    return (this.state.keyTotal[key] as number) - (feedsOwn && this.state.active[self] === 1 ? 1 : 0) >= 1;
  }

  // The party's candidate pledges (of the capability), all inactive when an active() leaf fails.
  private pledgesOf(party: PartyId, capability: string | undefined): number[] {
    if (!this.pledgesByParty) {
      const map = new Map<string, number[]>();
      this.net.pledges.forEach((pledge, index) => {
        for (const name of [pledge.party, `${pledge.party}|${pledge.capability}`]) {
          const list = map.get(name);
          if (list) list.push(index);
          else map.set(name, [index]);
        }
      });
      this.pledgesByParty = map;
    }
    return this.pledgesByParty.get(capability === undefined ? party : `${party}|${capability}`) ?? [];
  }
}
