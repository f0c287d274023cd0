import { describe, expect, it } from 'vitest';
import { translate } from '../../i18n/messages.js';
import { describeAccount } from './login.data.js';

describe('demo accounts', () => {
  it('names the role, the party and the password', () => {
    const t = (key: Parameters<typeof translate>[1], vars?: Record<string, string | number>): string => translate('en', key, vars);
    expect(describeAccount({ name: 'delegate-de', role: 'delegate', party: 'DE', password: 'pw' }, t)).toBe('delegate of DE — delegate-de / pw');
    expect(describeAccount({ name: 'ana', role: 'analyst', party: null, password: 'x' }, t)).toBe('analyst — ana / x');
  });
});
