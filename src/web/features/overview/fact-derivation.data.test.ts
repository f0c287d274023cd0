import { describe, expect, it } from 'vitest';
import { describeDerivation, formatDay } from './fact-derivation.data.js';

// The derived-fact line under a fact switch: value and since when, and what it rests on by name, in EN and DE.

const incident = {
  value: true as const,
  derived: {
    kind: 'verified_incident',
    since: '2026-02-10',
    basis: [
      { collection: 'incidents', id: 'inc-1', date: '2026-02-10', title: 'Drone strike on Kharkiv', confirmedOn: '2026-02-11' },
      { collection: 'incidents', id: 'inc-2', date: '2026-02-12', title: 'Shelling near Zaporizhzhia' },
    ],
  },
};

const exemption = {
  value: false as const,
  derived: {
    kind: 'sanctions_exemptions_ended',
    since: '2026-02-18',
    basis: [{ collection: 'sanctions-measures', id: 'eu-14-oil', date: '2026-02-18', title: 'HU: Druzhba pipeline crude' }],
  },
};

describe('describeDerivation', () => {
  it('says a derived value, since when and its first record by title, with the rest in the details (EN)', () => {
    expect(describeDerivation('en', incident)).toEqual({
      summary: 'Derived: true since 10 Feb 2026 — verified incident of 10 Feb 2026: Drone strike on Kharkiv and 1 more',
      basis: ['verified incident of 10 Feb 2026: Drone strike on Kharkiv', 'verified incident of 12 Feb 2026: Shelling near Zaporizhzhia'],
    });
    expect(describeDerivation('en', exemption)?.summary).toBe('Derived: false since 18 Feb 2026 — HU: Druzhba pipeline crude (18 Feb 2026)');
  });

  it('names a party where a title starts with its code, and cuts a long first record short in the summary only', () => {
    const hungary = (id: string): string => (id === 'HU' ? 'Hungary' : id);
    const long = 'HU: Russian crude oil by pipeline (Druzhba): temporary exemption from the oil embargo (landlocked member state); no end date recorded.';
    const text = describeDerivation('en', { value: false, derived: { kind: 'sanctions_exemptions_ended', since: '2022-05-28', basis: [{ collection: 'sanctions-measures', id: 'm', date: '2022-05-28', title: long }] } }, hungary);
    expect(text?.summary).toBe('Derived: false since 28 May 2022 — Hungary: Russian crude oil by pipeline (Druzhba): temporary…');
    expect(text?.basis).toEqual([`Hungary${long.slice(2)} (28 May 2022)`]);
  });

  it('says the same in German', () => {
    expect(describeDerivation('de', incident)?.summary).toBe('Abgeleitet: wahr seit 10.02.2026 — bestätigter Vorfall vom 10.02.2026: Drone strike on Kharkiv und 1 weitere');
    expect(describeDerivation('de', exemption)?.basis).toEqual(['HU: Druzhba pipeline crude (18.02.2026)']);
  });

  it('names a record by its id when it has no title, and leaves out "since" when the start is unknown', () => {
    expect(describeDerivation('en', { value: true, derived: { kind: 'verified_incident', since: null, basis: [{ collection: 'incidents', id: 'inc-9', date: '2026-03-01' }] } })).toEqual({
      summary: 'Derived: true — verified incident of 1 Mar 2026: inc-9',
      basis: ['verified incident of 1 Mar 2026: inc-9'],
    });
  });

  it('is nothing for a recorded (not derived) fact', () => {
    expect(describeDerivation('en', { value: true })).toBeUndefined();
    expect(describeDerivation('en', undefined)).toBeUndefined();
  });

  it('formats a day in the language and leaves anything else as it is', () => {
    expect(formatDay('en', '2026-07-31')).toBe('31 Jul 2026');
    expect(formatDay('de', '2026-07-31')).toBe('31.07.2026');
    expect(formatDay('en', 'soon')).toBe('soon');
  });
});
