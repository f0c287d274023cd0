import type { Comparison } from '../conditions/ast.js';
import type { FactValue, PartyId } from '../types.js';
import type { ExclusionReason } from './candidates.js';
import { LEAF_ACTIVE, LEAF_COUNT, LEAF_FACT, LEAF_FALSE, LEAF_TOTAL, type Network, NODE_AND, NODE_LEAF } from './compile-network.js';
import { lowerBound } from '../lower-bound.js';
import { perNetwork } from './per-network.js';
import { FAILS, type FailureRecords } from './record-failures.js';

// Why a pledge's condition fails at a fixed point, as Reason objects a person or a client can read: the failing
// facts, thresholds with the value seen, and the parties it waits for. Built from what the evaluation recorded
// (record-failures.ts: which nodes fail, each failing threshold's value), when a reader asks, so an evaluation
// does not allocate objects for a million explanations nobody reads. Costs O(size of the condition) per pledge
// and needs no syntax tree: names come from the network's tables.

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

/** Why a node fails while explaining: undefined when it holds, one reason, or a list of them. */
type Failure = Reason | readonly Reason[] | undefined;

function isList(failure: Reason | readonly Reason[]): failure is readonly Reason[] {
  return Array.isArray(failure);
}

/** Builds the reasons of pledges' failing conditions from an evaluation's failure records. */
export class PledgeExplainer {
  // Work stacks of one explanation, one entry per node whose parent is still to come: its node id and its reasons
  // (undefined when it holds). Never shrunk, so that a million explanations do not allocate a million sets of
  // stacks; explain() keeps the number of entries in use.
  private readonly stackNode: number[] = [];
  private readonly stackReasons: Failure[] = [];
  /**
   * Reasons that are the same wherever they occur, made once and shared as one-reason lists: `false` and a fact's
   * (by fact and negation) once per explainer; a waits-for once per network (see WaitsReasons). A million
   * explanations then do not mean a million copies of "needs us_backstop". Nothing downstream changes a reason.
   */
  private readonly sharedFalse: readonly Reason[] = [{ kind: 'false' }];
  private readonly sharedFacts: (readonly Reason[] | undefined)[] = [];
  private readonly waits: WaitsReasons;

  constructor(
    private readonly net: Network,
    private readonly records: FailureRecords,
    /** The evaluation's fact values, indexed like network.factIds (undefined: not set, so unknown). */
    private readonly factValues: readonly (FactValue | undefined)[],
  ) {
    this.waits = waitsReasonsOf(net);
  }

  /**
   * The reasons pledge `index`'s condition is false at the fixed point it was recorded against (empty if it holds).
   * One pass over the pledge's nodes in post-order: a node's children are the entries on top of the stack whose
   * parent it is.
   */
  explain(index: number): readonly Reason[] {
    const { rootNode, nodeKind, nodeParent } = this.net;
    if (index < 0 || index >= rootNode.length) return [];
    const { stackNode, stackReasons } = this;
    // Locals, not fields, in the loop: this runs for every pledge that is not certain.
    let depth = 0;
    const first = index === 0 ? 0 : (rootNode[index - 1] as number) + 1;
    const root = rootNode[index] as number;
    for (let n = first; n <= root; n++) {
      const kind = nodeKind[n] as number;
      let reasons: Failure;
      if (kind === NODE_LEAF) {
        reasons = this.leafFailures(n);
      } else {
        let base = depth;
        while (base > 0 && (nodeParent[stackNode[base - 1] as number] as number) >> 1 === n) base--;
        reasons = kind === NODE_AND ? this.allFailures(base, depth) : this.anyFailures(base, depth);
        for (let i = base; i < depth; i++) stackReasons[i] = undefined;
        depth = base;
      }
      stackNode[depth] = n;
      stackReasons[depth] = reasons;
      depth++;
    }
    const result = stackReasons[0];
    stackReasons[0] = undefined;
    if (result === undefined) return [];
    return isList(result) ? result : [result];
  }

  // An AND fails with the reasons of its failing children, in order (a single failing child's as they are). Lists
  // are allocated at their final size: one grown by push would hold room for 17 reasons, a million times over.
  private allFailures(base: number, depth: number): Failure {
    let single: Failure;
    let failed = 0;
    let size = 0;
    for (let i = base; i < depth; i++) {
      const failure = this.stackReasons[i];
      if (failure === undefined) continue;
      single = failure;
      failed++;
      size += isList(failure) ? failure.length : 1;
    }
    if (failed < 2) return single;
    const reasons = new Array<Reason>(size);
    let at = 0;
    for (let i = base; i < depth; i++) {
      const failure = this.stackReasons[i];
      if (failure === undefined) continue;
      if (isList(failure)) for (const reason of failure) reasons[at++] = reason;
      else reasons[at++] = failure;
    }
    return reasons;
  }

  private anyFailures(base: number, depth: number): Failure {
    for (let i = base; i < depth; i++) if (this.stackReasons[i] === undefined) return undefined;
    const options = new Array<Reason[]>(depth - base);
    for (let i = base; i < depth; i++) {
      const failed = this.stackReasons[i] as Reason | readonly Reason[];
      options[i - base] = isList(failed) ? (failed as Reason[]) : [failed];
    }
    return { kind: 'any_of', options };
  }

  // A leaf's reason, if the evaluation recorded it as failing.
  private leafFailures(leaf: number): Failure {
    const net = this.net;
    if (((this.records.nodeFlags[leaf] as number) & FAILS) === 0) return undefined;
    const type = net.leafType[leaf] as number;
    if (type === LEAF_FALSE) return this.sharedFalse;
    if (type === LEAF_FACT) {
      const f = net.leafRef[leaf] as number;
      const negated = net.leafAux[leaf] === 1;
      const slot = 2 * f + (negated ? 1 : 0);
      let shared = this.sharedFacts[slot];
      if (!shared) {
        shared = [{ kind: 'fact', fact: net.factIds[f] as string, negated, value: this.factValues[f] ?? 'unknown' }];
        this.sharedFacts[slot] = shared;
      }
      return shared;
    }
    if (type === LEAF_ACTIVE) return this.waits.reasonFor(leaf);
    if (type !== LEAF_TOTAL && type !== LEAF_COUNT) return undefined;
    const k = net.leafRef[leaf] as number;
    const t = net.leafAux[leaf] as number;
    const value = this.records.thresholdValue[t] as number;
    const threshold = net.thresholdBound[t] as number;
    const aggregate = type === LEAF_TOTAL ? 'total' : 'count';
    const capability = net.capabilityIds[net.keyBucket[k] as number] as string;
    const op = net.thresholdStrict[t] === 1 ? '>' : '>=';
    const area = net.keyArea[k] as number;
    // Two literals rather than adding `area` afterwards: a property added later costs every such reason a second allocation.
    if (area < 0) return { kind: 'threshold', aggregate, capability, op, threshold, value };
    return { kind: 'threshold', aggregate, capability, op, threshold, value, area: net.areaIds[area] as string };
  }
}

/**
 * "Waits for" reasons of a network's active() leaves. A leaf fails when no pledge feeding its key is active, and
 * its reason lists those pledges, so it depends on the network alone: each is made the first time a leaf needs it
 * and kept with the network, shared by every later explanation and scenario. One per key, or per leaf when the
 * leaf's own pledge feeds its key (the list leaves it out).
 */
class WaitsReasons {
  private readonly byKey: (readonly Reason[] | undefined)[];
  private readonly byOwnLeaf = new Map<number, readonly Reason[]>();

  constructor(private readonly net: Network) {
    this.byKey = new Array<readonly Reason[] | undefined>(net.keyCount).fill(undefined);
  }

  reasonFor(leaf: number): readonly Reason[] {
    const k = this.net.leafRef[leaf] as number;
    if (((this.net.leafAux[leaf] as number) & 1) === 0) {
      let shared = this.byKey[k];
      if (!shared) {
        shared = [this.describe(leaf)];
        this.byKey[k] = shared;
      }
      return shared;
    }
    let own = this.byOwnLeaf.get(leaf);
    if (!own) {
      own = [this.describe(leaf)];
      this.byOwnLeaf.set(leaf, own);
    }
    return own;
  }

  // The pledges feeding active(P) or active(P, cap) are P's pledges (of the capability): a range of the network,
  // which numbers pledges grouped by party (network-order.ts), read in network order. All are inactive here.
  // Scanned when a key is first described rather than indexed per network: a whole index (pledgesByKey) cost a
  // pass over every feed of 100,000 pledges for each network a write makes.
  private describe(leaf: number): Reason {
    const net = this.net;
    const aux = net.leafAux[leaf] as number;
    const self = aux >> 1;
    const k = net.leafRef[leaf] as number;
    const party = net.keyBucket[k] as number;
    const capability = net.keyCapability[k] as number;
    const first = lowerBound(net.pledgeParty, party);
    const end = lowerBound(net.pledgeParty, party + 1);
    const feeds = (q: number): boolean => capability < 0 || net.pledgeCapability[q] === capability;
    let feeding = 0;
    for (let q = first; q < end; q++) if (feeds(q)) feeding++;
    const others = feeding - (aux & 1);
    // Sized up front: kept with the network, a million of these should not carry spare capacity.
    const shown = new Array<string>(Math.min(others, MAX_LISTED));
    let listed = 0;
    for (let q = first; q < end && listed < shown.length; q++) if (q !== self && feeds(q)) shown[listed++] = net.pledgeIds[q] as string;
    const reason: Reason = { kind: 'waits', party: net.partyIds[party] as PartyId, pledges: shown, more: others - listed };
    if (capability >= 0) reason.capability = net.capabilityIds[capability] as string;
    return reason;
  }
}

const waitsReasonsOf = perNetwork((net) => new WaitsReasons(net));
