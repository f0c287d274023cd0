import { releaseLoginAttempt, reserveLoginAttempts } from '../../db/login-attempts.repository.js';
import type { Database } from '../../db/open-store.js';

// Login rate limit and lockout, per account name and per client address: at most `maxFailuresPerName` (and
// `maxFailuresPerClient`) passwords are checked in `window`; further attempts are refused until the window has
// passed. The same for names that do not exist, so the answer never tells whether an account exists. The
// counters live in the database and each attempt is counted by one atomic statement *before* its password is
// checked, so parallel attempts cannot slip past the limit, on one app server or several.

export interface ThrottleOptions {
  maxFailuresPerName: number;
  maxFailuresPerClient: number;
  windowMs: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailuresPerName: 5, maxFailuresPerClient: 20, windowMs: 15 * 60_000 };

export class LoginThrottle {
  constructor(
    private readonly db: Database,
    private readonly options: ThrottleOptions = DEFAULT_THROTTLE,
  ) {}

  /** Count an attempt for the name and the client before the password is checked: when they may try again (epoch ms) if it is over the limit, else undefined. */
  async reserve(name: string, client: string, now: Date): Promise<number | undefined> {
    const counts = await reserveLoginAttempts(this.db, [nameKey(name), clientKey(client)], now, this.options.windowMs);
    const locked = counts
      .filter((count) => count.failures > (count.key === nameKey(name) ? this.options.maxFailuresPerName : this.options.maxFailuresPerClient))
      .map((count) => count.since.getTime() + this.options.windowMs);
    return locked.length === 0 ? undefined : Math.max(...locked);
  }

  /** A successful login: forget the name's failures and give the client its attempt back. */
  async succeed(name: string, client: string): Promise<void> {
    await releaseLoginAttempt(this.db, nameKey(name), clientKey(client));
  }
}

function nameKey(name: string): string {
  return `name:${name.toLowerCase()}`;
}

function clientKey(client: string): string {
  return `client:${client}`;
}
