import type { ExclusionReason } from './candidates.js';
import type { Reason } from './explain-pledge.js';

// Why a pledge is not plainly certain, as one structure: its reasons with each "waits for" followed to the
// pledge waited on, two levels deep, cycles named. The CLI and API (describe-reasons.ts, English) and the web
// (web/i18n/explanations.data.ts, English and German) render this same chain; neither walks the reasons itself.

export type PledgeState = 'certain' | 'possible' | 'inactive';

/** A pledge as explained: its state, its reasons and, for a certain pledge in the assurance gap, what it waits for. */
export interface ExplainedPledge {
  id: string;
  state: PledgeState;
  reasons: readonly Reason[];
  inAssuranceGap?: boolean;
  waitsFor?: readonly Reason[];
}

/** Looks a pledge up by id among those that can be waited on (the candidates). */
export type PledgeLookup = (id: string) => ExplainedPledge | undefined;

/** A reason with its "waits for" resolved; the other kinds are the engine's reasons as they are. */
export type ChainReason =
  | { kind: 'excluded'; exclusion: ExclusionReason }
  | Extract<Reason, { kind: 'fact' | 'false' | 'threshold' }>
  | { kind: 'any_of'; options: ChainReason[][] }
  | { kind: 'waits'; party: string; capability?: string; target: WaitTarget };

/** What a "waits for" leads to. `more` counts the party's other pledges that are waited on too. */
export type WaitTarget =
  | { kind: 'no_pledge' }
  | { kind: 'state'; pledge: string; state: PledgeState; more: number }
  | { kind: 'cycle'; pledge: string; more: number }
  | { kind: 'coalition'; pledge: string; more: number }
  | { kind: 'chain'; chain: PledgeChain; more: number };

/** A pledge that is not certain, with its resolved reasons. */
export interface PledgeChain {
  id: string;
  state: PledgeState;
  reasons: ChainReason[];
}

/** The explanation of a pledge: a chain, or (certain, in the assurance gap) what the coalition must do together. */
export type Explanation = ({ kind: 'chain' } & PledgeChain) | { kind: 'gap'; id: string; reasons: ChainReason[] };

const MAX_DEPTH = 2;

/** The explanation chain of a pledge; undefined for a certain pledge outside the assurance gap. */
export function explainChain(entry: ExplainedPledge, lookup: PledgeLookup): Explanation | undefined {
  if (entry.state === 'certain') {
    if (!entry.inAssuranceGap) return undefined;
    return { kind: 'gap', id: entry.id, reasons: resolveReasons(entry.waitsFor ?? [], lookup, new Set([entry.id]), 1) };
  }
  return { kind: 'chain', ...resolveChain(entry, lookup, new Set(), 0) };
}

function resolveChain(entry: ExplainedPledge, lookup: PledgeLookup, seen: Set<string>, depth: number): PledgeChain {
  seen.add(entry.id);
  return { id: entry.id, state: entry.state, reasons: resolveReasons(entry.reasons, lookup, seen, depth + 1) };
}

function resolveReasons(reasons: readonly Reason[], lookup: PledgeLookup, seen: Set<string>, depth: number): ChainReason[] {
  return reasons.map((reason) => resolveReason(reason, lookup, seen, depth));
}

function resolveReason(reason: Reason, lookup: PledgeLookup, seen: Set<string>, depth: number): ChainReason {
  switch (reason.kind) {
    case 'waits': {
      const waited = reason.capability === undefined ? { party: reason.party } : { party: reason.party, capability: reason.capability };
      return { kind: 'waits', ...waited, target: resolveWait(reason, lookup, seen, depth) };
    }
    case 'any_of':
      return { kind: 'any_of', options: reason.options.map((option) => resolveReasons(option, lookup, seen, depth)) };
    default:
      return reason;
  }
}

function resolveWait(reason: Reason & { kind: 'waits' }, lookup: PledgeLookup, seen: Set<string>, depth: number): WaitTarget {
  const [first] = reason.pledges;
  if (first === undefined) return { kind: 'no_pledge' };
  const target = lookup(first);
  const more = reason.pledges.length - 1 + reason.more;
  if (!target || depth >= MAX_DEPTH) return { kind: 'state', pledge: first, state: target?.state ?? 'inactive', more };
  if (seen.has(first)) return { kind: 'cycle', pledge: first, more };
  if (target.state === 'certain') return { kind: 'coalition', pledge: first, more };
  return { kind: 'chain', chain: resolveChain(target, lookup, new Set(seen), depth), more };
}
