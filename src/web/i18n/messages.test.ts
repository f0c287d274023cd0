import { describe, expect, it } from 'vitest';
import { DE, EN, formatNumber, translate } from './messages.js';

describe('messages', () => {
  it('has a German text for every English key and the same placeholders', () => {
    expect(Object.keys(DE).sort()).toEqual(Object.keys(EN).sort());
    for (const key of Object.keys(EN) as (keyof typeof EN)[]) {
      const names = (text: string): string[] => [...text.matchAll(/\{(\w+)\}/g)].map((m) => m[1] as string).sort();
      expect(names(DE[key]), key).toEqual(names(EN[key]));
    }
  });

  it('fills placeholders and formats numbers per language', () => {
    expect(translate('en', 'overview.headline.states', { contributing: 26, members: 35 })).toBe('26 of 35 coalition states pledge in some domain');
    expect(translate('de', 'overview.headline.states', { contributing: 26, members: 35 })).toContain('26 von 35');
    expect(formatNumber('en', 30000)).toBe('30,000');
    expect(formatNumber('de', 30000)).toBe('30.000');
  });
});
