import type { ExclusionReason } from './candidates.js';
import type { Reason } from './explain-pledge.js';

// Turns structured reasons into sentences a person can read, following "waits for" chains:
// "de-2 inactive: waits for FR (fr-3 inactive: needs us_backstop (false))".

export interface DescribedPledge {
  id: string;
  state: 'certain' | 'possible' | 'inactive';
  reasons: readonly Reason[];
  inAssuranceGap?: boolean;
  waitsFor?: readonly Reason[];
}

const MAX_DEPTH = 2;

/** One sentence for a pledge that is not plainly certain; undefined for a certain pledge outside the gap. */
export function describePledge(entry: DescribedPledge, lookup: (id: string) => DescribedPledge | undefined): string | undefined {
  if (entry.state === 'certain') {
    if (!entry.inAssuranceGap) return undefined;
    return `${entry.id} certain only if the coalition commits together: ${describeReasons(entry.waitsFor ?? [], lookup, new Set([entry.id]), 1)}`;
  }
  return describeChain(entry, lookup, new Set(), 0);
}

function describeChain(entry: DescribedPledge, lookup: (id: string) => DescribedPledge | undefined, seen: Set<string>, depth: number): string {
  seen.add(entry.id);
  return `${entry.id} ${entry.state}: ${describeReasons(entry.reasons, lookup, seen, depth + 1)}`;
}

function describeReasons(
  reasons: readonly Reason[],
  lookup: (id: string) => DescribedPledge | undefined,
  seen: Set<string>,
  depth: number,
): string {
  return reasons.map((reason) => describeReason(reason, lookup, seen, depth)).join('; ');
}

function describeReason(reason: Reason, lookup: (id: string) => DescribedPledge | undefined, seen: Set<string>, depth: number): string {
  switch (reason.kind) {
    case 'excluded':
      return describeExclusion(reason.exclusion);
    case 'false':
      return 'condition is false';
    case 'fact':
      return reason.negated
        ? `needs not ${reason.fact} (${reason.fact} is ${String(reason.value)})`
        : `needs ${reason.fact} (${String(reason.value)})`;
    case 'threshold': {
      const area = reason.area === undefined ? '' : `, area=${reason.area}`;
      const seenText = reason.aggregate === 'count' ? `${reason.value} other ${reason.value === 1 ? 'party has' : 'parties have'} one` : `others have ${reason.value}`;
      return `needs ${reason.aggregate}(${reason.capability}${area}) ${reason.op} ${reason.threshold}, ${seenText}`;
    }
    case 'waits':
      return describeWait(reason, lookup, seen, depth);
    case 'any_of':
      return `needs one of: ${reason.options.map((option) => `[${describeReasons(option, lookup, seen, depth)}]`).join(' or ')}`;
  }
}

function describeWait(
  reason: Reason & { kind: 'waits' },
  lookup: (id: string) => DescribedPledge | undefined,
  seen: Set<string>,
  depth: number,
): string {
  const what = reason.capability === undefined ? reason.party : `${reason.party} (${reason.capability})`;
  if (reason.pledges.length === 0) return `waits for ${what} (no pledge from ${reason.party})`;
  const first = reason.pledges[0] as string;
  const target = lookup(first);
  const more = reason.pledges.length - 1 + reason.more;
  const others = more > 0 ? `; ${more} more` : '';
  if (!target || depth >= MAX_DEPTH) return `waits for ${what} (${first} ${target?.state ?? 'inactive'}${others})`;
  if (seen.has(first)) return `waits for ${what} (${first}: waiting in a cycle${others})`;
  if (target.state === 'certain') return `waits for ${what} (${first} waits for the coalition to move together${others})`;
  return `waits for ${what} (${describeChain(target, lookup, new Set(seen), depth)}${others})`;
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
