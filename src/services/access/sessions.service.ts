import type { UserPrincipal } from '../../core/access/principal.js';
import { AppError } from '../../contracts/input-error.js';
import { deleteSession, findSessionUser, findTokenUser, insertDenial, insertSession } from '../../db/access.repository.js';
import type { Store } from '../../db/open-store.js';
import { type AccountService, principalOfUser } from './accounts.service.js';
import { LoginThrottle } from './login-throttle.js';
import { createSecret, hashToken } from './secrets.js';

// Logins and the credentials of requests: web sessions (a random token in an HttpOnly cookie, stored hashed with
// an expiry and a CSRF token) and API tokens (Authorization: Bearer). Resolved credentials are cached for a few
// seconds to spare the database one query per request; logout and revocation in this process drop the cache.

export const SESSION_TTL_MS = 12 * 60 * 60_000;
const RESOLVE_CACHE_MS = 5_000;

export interface ResolvedCredential {
  principal: UserPrincipal;
  /** Sessions only: the token writes must echo in X-CSRF-Token. */
  csrfToken?: string;
}

export interface LoginResult {
  token: string;
  csrfToken: string;
  principal: UserPrincipal;
  expiresAt: Date;
}

export class SessionService {
  private readonly throttle: LoginThrottle;
  private readonly resolved = new Map<string, { value: ResolvedCredential | undefined; until: number }>();

  constructor(
    private readonly store: Store,
    private readonly accounts: AccountService,
    private readonly now: () => Date,
  ) {
    accounts.onRevoke(() => this.resolved.clear());
    this.throttle = new LoginThrottle(store.db);
  }

  /** Log in: a new session, or auth.invalid_credentials (the same whether the user exists or not), or auth.locked. */
  async login(name: string, password: string, client: string): Promise<LoginResult> {
    const now = this.now();
    // The attempt is counted before the password is checked (atomically, in the database): parallel attempts
    // on any number of app servers get at most the allowed number of password checks.
    const lockedUntil = await this.throttle.reserve(name, client, now);
    if (lockedUntil !== undefined) {
      await this.logFailure(name, client, 'locked out');
      throw lockedOut(lockedUntil, now);
    }
    const row = await this.accounts.verifyCredentials(name, password);
    if (!row) {
      await this.logFailure(name, client, 'wrong name or password');
      throw new AppError('auth.invalid_credentials', 'wrong user name or password');
    }
    await this.throttle.succeed(name, client);
    const token = createSecret(32);
    const csrfToken = createSecret(32);
    const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await insertSession(this.store.db, { tokenHash: hashToken(token), userId: row.id, csrfToken, createdAt: now, expiresAt });
    await this.accounts.recordLogin(row);
    return { token, csrfToken, principal: principalOfUser(row), expiresAt };
  }

  /** The principal of a session token (and its CSRF token), or undefined if unknown, expired or disabled. */
  async resolveSession(token: string): Promise<ResolvedCredential | undefined> {
    return this.cached(`s:${hashToken(token)}`, async (key) => {
      const found = await findSessionUser(this.store.db, key.slice(2), this.now());
      if (!found || found.user.disabled) return undefined;
      return { principal: principalOfUser(found.user), csrfToken: found.csrfToken };
    });
  }

  /** The principal of an API token, or undefined. */
  async resolveToken(token: string): Promise<ResolvedCredential | undefined> {
    return this.cached(`t:${hashToken(token)}`, async (key) => {
      const user = await findTokenUser(this.store.db, key.slice(2));
      return user && !user.disabled ? { principal: principalOfUser(user) } : undefined;
    });
  }

  /** End a session. */
  async logout(token: string): Promise<void> {
    const tokenHash = hashToken(token);
    this.resolved.delete(`s:${tokenHash}`);
    await deleteSession(this.store.db, tokenHash);
  }

  // Failed logins go to the log of refused attempts (the name as typed, and the client address).
  private async logFailure(name: string, client: string, reason: string): Promise<void> {
    await insertDenial(this.store.db, { at: this.now(), actor: name.slice(0, 100), action: 'login', entity: 'session', entityId: client.slice(0, 100), reason }).catch(() => undefined);
  }

  private async cached(key: string, load: (key: string) => Promise<ResolvedCredential | undefined>): Promise<ResolvedCredential | undefined> {
    const now = Date.now();
    const hit = this.resolved.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load(key);
    if (this.resolved.size > 10_000) this.resolved.clear();
    this.resolved.set(key, { value, until: now + RESOLVE_CACHE_MS });
    return value;
  }
}

function lockedOut(until: number, now: Date): AppError {
  const seconds = Math.max(1, Math.ceil((until - now.getTime()) / 1000));
  const at = new Date(until).toISOString().slice(11, 16);
  return new AppError('auth.locked', `too many failed logins: try again in ${Math.ceil(seconds / 60)} minute(s), after ${at} UTC`, [], { retryAfterSeconds: seconds });
}
