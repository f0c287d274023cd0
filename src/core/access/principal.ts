// Who is asking (DESIGN.md §2) and what they may see: a principal maps to one visibility scope, and every
// read, list, aggregate and scenario is computed on what that scope sees.

export const ROLES = ['admin', 'coordinator', 'delegate', 'analyst'] as const;
export type Role = (typeof ROLES)[number];

/** A logged-in person (or a script with their API token). */
export interface UserPrincipal {
  kind: 'user';
  userId: string;
  name: string;
  role: Role;
  /** The party a delegate speaks for; null for the other roles. */
  party: string | null;
}

/** The system itself: the CLI on the store, demo loading, import, restore. Sees and writes everything. */
export interface SystemPrincipal {
  kind?: 'system';
  name: string;
}

export type Principal = UserPrincipal | SystemPrincipal;

/**
 * What a principal may see of confidential records: `all` (system), `coordinator` (public, coalition and
 * restricted), `coalition` (public and coalition: admin, analyst), `party` (a delegate: also its own restricted
 * and bilateral items and bilateral items shared with it), `public` (public items only).
 */
export type VisibilityScope =
  | { kind: 'all' }
  | { kind: 'coordinator' }
  | { kind: 'coalition' }
  | { kind: 'party'; party: string }
  | { kind: 'public' };

export const PUBLIC_SCOPE: VisibilityScope = { kind: 'public' };

/** True for a logged-in user, false for the system. */
export function isUser(principal: Principal): principal is UserPrincipal {
  return principal.kind === 'user';
}

/** The visibility scope of a principal. */
export function scopeOf(principal: Principal): VisibilityScope {
  if (!isUser(principal)) return { kind: 'all' };
  switch (principal.role) {
    case 'coordinator':
      return { kind: 'coordinator' };
    case 'delegate':
      // A delegate without a party (refused when users are created) sees no more than an analyst.
      return principal.party === null ? { kind: 'coalition' } : { kind: 'party', party: principal.party };
    case 'admin':
    case 'analyst':
      return { kind: 'coalition' };
  }
}

/** A stable key of the scope: caches of per-scope results are keyed by it (`party:DE`). */
export function scopeKey(scope: VisibilityScope): string {
  return scope.kind === 'party' ? `party:${scope.party}` : scope.kind;
}
