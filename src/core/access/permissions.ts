import { isUser, type Principal, type Role, scopeOf } from './principal.js';
import { confirmedDonorsOf, sourceOwnerOf } from './owned-parts.js';
import { canSeeRecord, ownersOf } from './visibility.js';

// Who may write what (DESIGN.md §2). Party-owned collections (pledges, contributions) are written by the
// delegates of their party (a contribution: of a donor whose part is confirmed); the coalition cell's collections
// by coordinators; parties by admins; sources by coordinators and by delegates of the party that created them. A collection
// nobody listed here (a new one) is written by coordinators only until it is added.

/** Collections whose records belong to parties: written by the delegates of an owning party. */
export const PARTY_OWNED_COLLECTIONS: ReadonlySet<string> = new Set(['pledges', 'contributions']);

const WRITERS: Record<string, readonly Role[]> = {
  parties: ['admin'],
  capabilities: ['admin', 'coordinator'],
  // Delegates cite sources for their pledges (and change only their own party's).
  sources: ['coordinator', 'delegate'],
  facts: ['coordinator'],
  packages: ['coordinator'],
  requirements: ['coordinator'],
  funds: ['coordinator'],
  'fund-packages': ['coordinator'],
  'financing-plans': ['coordinator'],
  'sanctions-packages': ['coordinator'],
  'sanctions-measures': ['coordinator'],
  meetings: ['coordinator'],
  'meeting-decisions': ['coordinator'],
  'action-items': ['coordinator'],
  incidents: ['coordinator'],
};

const DEFAULT_WRITERS: readonly Role[] = ['coordinator'];

export type WriteDecision = { ok: true } | { ok: false; reason: 'not_visible' | 'forbidden'; message: string };

/**
 * Whether a principal may write a record of a collection: `before` is the stored record (absent for a create),
 * `after` the new one (absent for a delete). A stored record the caller cannot see is `not_visible` (answered
 * as if absent), anything else refused is `forbidden`.
 */
export function decideWrite(principal: Principal, collection: string, before: unknown, after: unknown): WriteDecision {
  if (!isUser(principal)) return { ok: true };
  if (PARTY_OWNED_COLLECTIONS.has(collection)) {
    if (before !== undefined && !canSeeRecord(scopeOf(principal), before)) return { ok: false, reason: 'not_visible', message: 'not found' };
    if (principal.role !== 'delegate' || principal.party === null) {
      return { ok: false, reason: 'forbidden', message: `only a delegate of the party may write ${collection}` };
    }
    const party = principal.party;
    for (const record of [before, after]) {
      if (record !== undefined && !ownersOf(record).includes(party)) {
        return { ok: false, reason: 'forbidden', message: `a delegate of ${party} may only write ${party}'s ${collection}` };
      }
    }
    // A contribution naming the party as a donor is changed by it only once its part is confirmed.
    if (collection === 'contributions' && before !== undefined && !confirmedDonorsOf(before).includes(party)) {
      return { ok: false, reason: 'forbidden', message: `${party}'s part of this contribution is not confirmed: confirm it first (POST /api/contributions/<id>/confirmation)` };
    }
    return { ok: true };
  }
  const writers = WRITERS[collection] ?? DEFAULT_WRITERS;
  if (!writers.includes(principal.role)) return { ok: false, reason: 'forbidden', message: `${principal.role}s may not write ${collection} (${writers.join(', ')} may)` };
  // A delegate changes or deletes only the sources its party created.
  if (collection === 'sources' && principal.role === 'delegate' && before !== undefined && (principal.party === null || sourceOwnerOf(before) !== principal.party)) {
    return { ok: false, reason: 'forbidden', message: `a delegate may change only the sources its party created (this one is ${sourceOwnerOf(before) ?? 'the coordinators'}'s)` };
  }
  return { ok: true };
}

/** The roles that may write a collection (for documentation and the authorisation matrix). */
export function writersOf(collection: string): readonly Role[] {
  if (PARTY_OWNED_COLLECTIONS.has(collection)) return ['delegate'];
  return WRITERS[collection] ?? DEFAULT_WRITERS;
}
