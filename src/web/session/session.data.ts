// Who is signed in and what the UI may offer them. The server checks every request anyway; this only keeps
// the UI from offering what the role may not do (DESIGN.md §2).

export type Role = 'admin' | 'coordinator' | 'delegate' | 'analyst';

export interface SessionUser {
  name: string;
  role: Role;
  party: string | null;
}

/** The session as the UI sees it: signed in, signed out, or a server without access control (open). */
export type SessionState =
  | { kind: 'loading' }
  | { kind: 'anonymous' }
  | { kind: 'open' }
  | { kind: 'signed-in'; user: SessionUser; csrfToken: string };

export interface DemoAccount {
  name: string;
  role: Role;
  party: string | null;
  password: string;
}

/** May this session change pledges and contributions of `party`? */
export function canEditPartyItems(session: SessionState, party: string): boolean {
  if (session.kind === 'open') return true;
  if (session.kind !== 'signed-in') return false;
  return session.user.role === 'delegate' && session.user.party === party;
}

/** May this session create pledges at all (and for which party)? null when not. */
export function pledgePartyFor(session: SessionState): string | 'any' | null {
  if (session.kind === 'open') return 'any';
  if (session.kind === 'signed-in' && session.user.role === 'delegate' && session.user.party) return session.user.party;
  return null;
}

/** May this session edit requirements, packages, facts and meetings (the coalition cell's job)? */
export function canEditCoordination(session: SessionState): boolean {
  if (session.kind === 'open') return true;
  return session.kind === 'signed-in' && session.user.role === 'coordinator';
}

/** May this session read the API (signed in, or the server has no access control)? */
export function canRead(session: SessionState): boolean {
  return session.kind === 'open' || session.kind === 'signed-in';
}

/** May this session create records at all (and so use the Ingest page)? Coordinators and delegates. */
export function canCreateRecords(session: SessionState): boolean {
  if (session.kind === 'open') return true;
  return session.kind === 'signed-in' && (session.user.role === 'coordinator' || session.user.role === 'delegate');
}
