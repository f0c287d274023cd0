import { describe, expect, it } from 'vitest';
import { canEditCoordination, canEditPartyItems, canRead, pledgePartyFor, type SessionState } from './session.data.js';

const as = (role: 'admin' | 'coordinator' | 'delegate' | 'analyst', party: string | null = null): SessionState => ({
  kind: 'signed-in',
  user: { name: 'x', role, party },
  csrfToken: 't',
});

describe('what the UI offers a role', () => {
  it('lets a delegate edit only their own party’s pledges', () => {
    expect(canEditPartyItems(as('delegate', 'DE'), 'DE')).toBe(true);
    expect(canEditPartyItems(as('delegate', 'DE'), 'FR')).toBe(false);
    expect(pledgePartyFor(as('delegate', 'DE'))).toBe('DE');
  });

  it('keeps analysts and coordinators from editing pledges; coordinators edit requirements', () => {
    expect(canEditPartyItems(as('analyst'), 'DE')).toBe(false);
    expect(canEditPartyItems(as('coordinator'), 'DE')).toBe(false);
    expect(pledgePartyFor(as('analyst'))).toBeNull();
    expect(canEditCoordination(as('coordinator'))).toBe(true);
    expect(canEditCoordination(as('delegate', 'DE'))).toBe(false);
    expect(canEditCoordination(as('analyst'))).toBe(false);
  });

  it('offers everything on a server without access control and nothing when signed out', () => {
    expect(canEditPartyItems({ kind: 'open' }, 'FR')).toBe(true);
    expect(canEditCoordination({ kind: 'open' })).toBe(true);
    expect(canRead({ kind: 'anonymous' })).toBe(false);
    expect(canEditPartyItems({ kind: 'anonymous' }, 'FR')).toBe(false);
  });
});
