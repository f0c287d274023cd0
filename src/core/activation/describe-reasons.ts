import type { ExclusionReason } from './candidates.js';
import { type ChainReason, explainChain, type ExplainedPledge, type Explanation, type PledgeChain, type PledgeLookup, type WaitTarget } from './explanation-chain.js';

// The explanation chain (explanation-chain.ts) as the English sentence the CLI and the API give:
// "de-2 inactive: waits for FR (fr-3 inactive: needs us_backstop (false))".

export type DescribedPledge = ExplainedPledge;

/** One sentence for a pledge that is not plainly certain; undefined for a certain pledge outside the gap. */
export function describePledge(entry: DescribedPledge, lookup: PledgeLookup): string | undefined {
  const explanation = explainChain(entry, lookup);
  return explanation === undefined ? undefined : describeExplanation(explanation);
}

/** An explanation chain as one English sentence. */
export function describeExplanation(explanation: Explanation): string {
  if (explanation.kind === 'gap') return `${explanation.id} certain only if the coalition commits together: ${describeReasons(explanation.reasons)}`;
  return describeChain(explanation);
}

function describeChain(chain: PledgeChain): string {
  return `${chain.id} ${chain.state}: ${describeReasons(chain.reasons)}`;
}

function describeReasons(reasons: readonly ChainReason[]): string {
  return reasons.map(describeReason).join('; ');
}

function describeReason(reason: ChainReason): string {
  switch (reason.kind) {
    case 'excluded':
      return describeExclusion(reason.exclusion);
    case 'false':
      return 'condition is false';
    case 'fact':
      return reason.negated ? `needs not ${reason.fact} (${reason.fact} is ${String(reason.value)})` : `needs ${reason.fact} (${String(reason.value)})`;
    case 'threshold': {
      const area = reason.area === undefined ? '' : `, area=${reason.area}`;
      const seenText = reason.aggregate === 'count' ? `${reason.value} other ${reason.value === 1 ? 'party has' : 'parties have'} one` : `others have ${reason.value}`;
      return `needs ${reason.aggregate}(${reason.capability}${area}) ${reason.op} ${reason.threshold}, ${seenText}`;
    }
    case 'waits': {
      const what = reason.capability === undefined ? reason.party : `${reason.party} (${reason.capability})`;
      return `waits for ${what} (${describeTarget(reason.target, reason.party)})`;
    }
    case 'any_of':
      return `needs one of: ${reason.options.map((option) => `[${describeReasons(option)}]`).join(' or ')}`;
  }
}

function describeTarget(target: WaitTarget, party: string): string {
  if (target.kind === 'no_pledge') return `no pledge from ${party}`;
  const others = target.more > 0 ? `; ${target.more} more` : '';
  switch (target.kind) {
    case 'state':
      return `${target.pledge} ${target.state}${others}`;
    case 'cycle':
      return `${target.pledge}: waiting in a cycle${others}`;
    case 'coalition':
      return `${target.pledge} waits for the coalition to move together${others}`;
    case 'chain':
      return `${describeChain(target.chain)}${others}`;
  }
}

/** Why a pledge was not even a candidate. */
export function describeExclusion(exclusion: ExclusionReason): string {
  switch (exclusion.kind) {
    case 'withdrawn':
      return exclusion.on === undefined ? 'withdrawn' : `withdrawn on ${exclusion.on}`;
    case 'superseded':
      return `superseded by ${exclusion.by}`;
    case 'not_yet_announced':
      return `announced on ${exclusion.announcedOn}, after ${exclusion.asOf}`;
    case 'below_min_status':
      return `status ${exclusion.status} is below the minimum ${exclusion.minStatus}`;
  }
}
