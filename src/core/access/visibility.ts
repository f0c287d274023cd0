import type { Confidentiality } from '../types.js';
import type { VisibilityScope } from './principal.js';

// Confidentiality (DESIGN.md §7): public → everyone; coalition → every logged-in user; restricted →
// coordinators and the owning party; bilateral → the owning party and the parties it is shared with.

/** What visibility needs to know about a confidential record. */
export interface ConfidentialItem {
  confidentiality: Confidentiality;
  /** The parties the record belongs to: a pledge's party, a contribution's donors. */
  owners: readonly string[];
  sharedWith?: readonly string[] | undefined;
}

/** Whether a scope may see an item. */
export function canSeeItem(scope: VisibilityScope, item: ConfidentialItem): boolean {
  if (scope.kind === 'all' || item.confidentiality === 'public') return true;
  if (scope.kind === 'public') return false;
  if (item.confidentiality === 'coalition') return true;
  if (scope.kind === 'coalition') return false;
  if (item.confidentiality === 'restricted') return scope.kind === 'coordinator' || item.owners.includes(scope.party);
  // bilateral: the named parties only (not the coalition cell).
  return scope.kind === 'party' && (item.owners.includes(scope.party) || (item.sharedWith ?? []).includes(scope.party));
}

/** The parties a record of a collection belongs to (pledges: party; contributions: donors); [] for others. */
export function ownersOf(record: unknown): string[] {
  if (typeof record !== 'object' || record === null) return [];
  const value = record as { party?: unknown; donors?: unknown };
  if (typeof value.party === 'string') return [value.party];
  if (Array.isArray(value.donors)) {
    return value.donors.flatMap((donor: unknown) => {
      const party = typeof donor === 'object' && donor !== null ? (donor as { party?: unknown }).party : undefined;
      return typeof party === 'string' ? [party] : [];
    });
  }
  return [];
}

const LEVELS = new Set<string>(['public', 'coalition', 'restricted', 'bilateral']);

/**
 * Whether a scope may see a record (or an audited snapshot of one) of a confidential collection. A snapshot
 * without a readable confidentiality is treated as restricted to its owners: unknown shapes never widen access.
 */
export function canSeeRecord(scope: VisibilityScope, record: unknown): boolean {
  if (scope.kind === 'all') return true;
  if (typeof record !== 'object' || record === null) return false;
  const value = record as { confidentiality?: unknown; sharedWith?: unknown };
  const level = typeof value.confidentiality === 'string' && LEVELS.has(value.confidentiality) ? (value.confidentiality as Confidentiality) : 'restricted';
  const sharedWith = Array.isArray(value.sharedWith) ? value.sharedWith.filter((party): party is string => typeof party === 'string') : [];
  return canSeeItem(scope, { confidentiality: level, owners: ownersOf(record), sharedWith });
}
