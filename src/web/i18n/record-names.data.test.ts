import { describe, expect, it } from 'vitest';
import { firstSentence, recordName, recordNamer } from './record-names.data.js';

describe('record names', () => {
  it('uses the record’s name in the language, else its title’s first sentence, else the id', () => {
    expect(recordName('de', { id: 'f', name: { en: 'Ceasefire', de: 'Waffenruhe' } }, 'f')).toBe('Waffenruhe');
    expect(recordName('en', { id: 'r', title: 'Reassurance force: troops away from the line. Estimate 15,000–30,000.' }, 'r')).toBe('Reassurance force: troops away from the line');
    expect(recordName('en', { id: 'x' }, 'x')).toBe('x');
    expect(recordName('en', undefined, 'gone')).toBe('gone');
    expect(recordNamer('en', [{ id: 'p', title: 'Package one' }])('p')).toBe('Package one');
  });

  it('cuts at the first full stop followed by a space', () => {
    expect(firstSentence('Air policing over 15,000.5 km2')).toBe('Air policing over 15,000.5 km2');
    expect(firstSentence('One. Two.')).toBe('One');
  });
});
