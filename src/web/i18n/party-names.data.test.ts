import { describe, expect, it } from 'vitest';
import { countryName, partyName, partyNamer } from './party-names.data.js';

describe('party names', () => {
  const parties = [{ id: 'EUCO', name: { en: 'European Council', de: 'Europäischer Rat' } }];

  it('names countries by code in both languages', () => {
    expect(countryName('en', 'DE')).toBe('Germany');
    expect(countryName('de', 'DE')).toBe('Deutschland');
    expect(countryName('de', 'FR')).toBe('Frankreich');
    expect(countryName('en', 'not a code')).toBe('not a code');
  });

  it('prefers the party record’s own name and falls back to the id', () => {
    expect(partyName('de', 'EUCO', parties)).toBe('Europäischer Rat');
    expect(partyName('en', 'XX-1', parties)).toBe('XX-1');
    expect(partyNamer('de', parties)('PL')).toBe('Polen');
  });
});
