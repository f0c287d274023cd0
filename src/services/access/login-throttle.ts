// Login rate limit and lockout, per account name and per client address: after `maxFailures` failed logins in
// `window`, further attempts are refused until the window has passed. The same for names that do not exist,
// so the answer never tells whether an account exists. In memory: each app server counts its own attempts.

export interface ThrottleOptions {
  maxFailuresPerName: number;
  maxFailuresPerClient: number;
  windowMs: number;
  /** Bound on tracked keys (oldest dropped first). */
  capacity: number;
}

export const DEFAULT_THROTTLE: ThrottleOptions = { maxFailuresPerName: 5, maxFailuresPerClient: 20, windowMs: 15 * 60_000, capacity: 10_000 };

interface Entry {
  failures: number;
  since: number;
}

export class LoginThrottle {
  private readonly entries = new Map<string, Entry>();

  constructor(private readonly options: ThrottleOptions = DEFAULT_THROTTLE) {}

  /** When the name or client may try again (epoch ms), or undefined if it may now. */
  lockedUntil(name: string, client: string, now: number): number | undefined {
    const until = [this.check(`name:${name.toLowerCase()}`, this.options.maxFailuresPerName, now), this.check(`client:${client}`, this.options.maxFailuresPerClient, now)];
    const locked = until.filter((value): value is number => value !== undefined);
    return locked.length === 0 ? undefined : Math.max(...locked);
  }

  /** Count a failed login. */
  fail(name: string, client: string, now: number): void {
    for (const key of [`name:${name.toLowerCase()}`, `client:${client}`]) {
      const entry = this.entries.get(key);
      if (entry && now - entry.since < this.options.windowMs) entry.failures += 1;
      else {
        this.entries.delete(key);
        if (this.entries.size >= this.options.capacity) {
          const oldest = this.entries.keys().next().value;
          if (oldest !== undefined) this.entries.delete(oldest);
        }
        this.entries.set(key, { failures: 1, since: now });
      }
    }
  }

  /** Forget a name's failures after a successful login. */
  succeed(name: string): void {
    this.entries.delete(`name:${name.toLowerCase()}`);
  }

  private check(key: string, max: number, now: number): number | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    const until = entry.since + this.options.windowMs;
    if (now >= until) {
      this.entries.delete(key);
      return undefined;
    }
    return entry.failures >= max ? until : undefined;
  }
}
