import { createHmac } from 'node:crypto';
import type { UserPrincipal } from '../../core/access/principal.js';
import { AppError } from '../../contracts/input-error.js';
import { findUserByName } from '../../db/access.repository.js';
import type { Database } from '../../db/open-store.js';
import { principalOfUser } from '../access/accounts.service.js';
import { sameSecret } from '../access/secrets.js';

// The calendar link's token (GET /api/calendar.ics?token=…): a calendar program cannot log in or send headers,
// so the link carries a token of its own that opens the calendar and nothing else. It is the user's name and an
// HMAC keyed with the user's stored password hash: nothing new to store, and it stops working when the password
// is reset or the account disabled. An API token is never put in a URL.

const PURPOSE = 'coalition-ledger calendar\n';

function signature(name: string, key: string): string {
  return createHmac('sha256', key).update(PURPOSE).update(name).digest('base64url');
}

/** The calendar token of a logged-in user. */
export async function issueCalendarToken(db: Database, principal: UserPrincipal): Promise<string> {
  const user = await findUserByName(db, principal.name);
  if (!user?.passwordHash) throw new AppError('auth.forbidden', 'a calendar link needs an account with a password');
  return `${Buffer.from(user.name).toString('base64url')}.${signature(user.name, user.passwordHash)}`;
}

/** The user a calendar token belongs to, or undefined (malformed, forged, password reset, account disabled). */
export async function resolveCalendarToken(db: Database, token: string): Promise<UserPrincipal | undefined> {
  const match = /^([A-Za-z0-9_-]{1,400})\.([A-Za-z0-9_-]{43})$/.exec(token);
  if (!match?.[1] || !match[2]) return undefined;
  const name = Buffer.from(match[1], 'base64url').toString('utf8');
  const user = await findUserByName(db, name);
  if (!user?.passwordHash || user.disabled) return undefined;
  return sameSecret(match[2], signature(user.name, user.passwordHash)) ? principalOfUser(user) : undefined;
}
