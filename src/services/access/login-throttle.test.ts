import { expect, it, vi } from 'vitest';
import { describeEachStore } from '../../../test/support/stores.js';
import { AppError } from '../../contracts/input-error.js';
import { createServices, type Services } from '../create-services.js';

// Issue 21 item 10: 40 parallel wrong logins for one name had 14 passwords checked instead of the documented 5 —
// the in-memory counter was read before and written after the password check. Now each attempt is counted in the
// database before its password is checked, on PGlite and PostgreSQL, and across app servers.

const PASSWORD = 'correct-horse-battery';

async function attempt(services: Services, name: string, password: string, client: string): Promise<string> {
  try {
    await services.sessions.login(name, password, client);
    return 'ok';
  } catch (error) {
    if (error instanceof AppError) return error.code;
    throw error;
  }
}

/** Count the password checks of a services object. */
function countChecks(services: Services): { count: () => number } {
  const spy = vi.spyOn(services.accounts, 'verifyCredentials');
  return { count: () => spy.mock.calls.length };
}

describeEachStore('login lockout', (suite) => {
  it('40 parallel wrong logins for one name check at most 5 passwords; the rest are locked out', async () => {
    const services = createServices(suite.store());
    await services.accounts.add({ name: 'race-victim', role: 'analyst', password: PASSWORD }, 'test');
    const checks = countChecks(services);
    const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(services, 'race-victim', `wrong-password-${i}`, `10.1.0.${i}`)));
    expect(checks.count()).toBe(5);
    expect(outcomes.filter((code) => code === 'auth.invalid_credentials')).toHaveLength(5);
    expect(outcomes.filter((code) => code === 'auth.locked')).toHaveLength(35);
    // The right password too is refused until the window has passed.
    expect(await attempt(services, 'RACE-VICTIM', PASSWORD, '10.1.1.1')).toBe('auth.locked');
    // The same for a name that does not exist: the lockout tells nothing about existence.
    const ghosts = await Promise.all(Array.from({ length: 12 }, (_, i) => attempt(services, 'race-ghost', 'x', `10.2.0.${i}`)));
    expect(ghosts.filter((code) => code === 'auth.invalid_credentials')).toHaveLength(5);
  });

  it('20 parallel wrong logins from one client for many names check at most 20 passwords', async () => {
    const services = createServices(suite.store());
    const checks = countChecks(services);
    const outcomes = await Promise.all(Array.from({ length: 30 }, (_, i) => attempt(services, `sprayed-${i}`, 'wrong', '10.3.0.1')));
    expect(checks.count()).toBe(20);
    expect(outcomes.filter((code) => code === 'auth.locked')).toHaveLength(10);
  });

  it('the lock ends with its window; a successful login clears the name and gives the client its attempt back', async () => {
    let now = new Date('2026-01-12T10:00:00Z');
    const services = createServices(suite.store(), () => now);
    await services.accounts.add({ name: 'window-user', role: 'analyst', password: PASSWORD }, 'test');
    for (let i = 0; i < 5; i++) expect(await attempt(services, 'window-user', 'wrong', '10.4.0.1')).toBe('auth.invalid_credentials');
    expect(await attempt(services, 'window-user', PASSWORD, '10.4.0.1')).toBe('auth.locked');
    now = new Date('2026-01-12T10:15:00Z');
    expect(await attempt(services, 'window-user', 'wrong', '10.4.0.1')).toBe('auth.invalid_credentials');
    expect(await attempt(services, 'window-user', PASSWORD, '10.4.0.1')).toBe('ok');
    for (let i = 0; i < 5; i++) expect(await attempt(services, 'window-user', 'wrong', '10.4.0.2')).toBe('auth.invalid_credentials');
    expect(await attempt(services, 'window-user', 'wrong', '10.4.0.2')).toBe('auth.locked');
  });

  if (suite.kind === 'postgres') {
    it('two app servers on one database share the limit: 40 parallel wrong logins over both check 5 passwords', async () => {
      const first = createServices(suite.store());
      const second = createServices(await suite.connectAgain());
      await first.accounts.add({ name: 'shared-victim', role: 'analyst', password: PASSWORD }, 'test');
      const checks = [countChecks(first), countChecks(second)];
      const outcomes = await Promise.all(Array.from({ length: 40 }, (_, i) => attempt(i % 2 === 0 ? first : second, 'shared-victim', `wrong-${i}`, `10.5.0.${i}`)));
      expect(checks[0]!.count() + checks[1]!.count()).toBe(5);
      expect(outcomes.filter((code) => code === 'auth.locked')).toHaveLength(35);
    });
  }
});
