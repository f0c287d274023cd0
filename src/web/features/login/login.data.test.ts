import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages.js';
import { describeAccount, safeNext } from './login.data.js';

describe('demo accounts', () => {
  it('names the role, the party and the password', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>): string => translate('en', key, vars);
    expect(describeAccount({ name: 'delegate-de', role: 'delegate', party: 'DE', password: 'pw' }, t)).toBe('delegate of DE — delegate-de / pw');
    expect(describeAccount({ name: 'ana', role: 'analyst', party: null, password: 'x' }, t)).toBe('analyst — ana / x');
  });
});

describe('the way back after signing in', () => {
  it('returns to an own path and never leaves the app', () => {
    expect(safeNext('/pledges/fr-1?lang=de')).toBe('/pledges/fr-1?lang=de');
    expect(safeNext(null)).toBe('/');
    expect(safeNext('//evil.example/x')).toBe('/');
    expect(safeNext('https://evil.example/')).toBe('/');
    expect(safeNext('/login?next=/x')).toBe('/');
  });

  it('names the delegate’s party when a namer is given', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>): string => translate('en', key, vars);
    expect(describeAccount({ name: 'd', role: 'delegate', party: 'DE', password: 'pw' }, t, () => 'Germany')).toBe('delegate of Germany — d / pw');
  });
});
