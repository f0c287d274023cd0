import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedLexicons as loadLexicons } from '../../../test/support/ingest-lexicons.js';
import { extractProposals } from './extract-proposals.js';
import type { Proposal, RawLexicons } from './types.js';

// The rules added when the held-out articles (eval/heldout) were measured, each tested on sentences written for
// these tests, which are in no evaluation article. English and German.

let lexicons: RawLexicons;
beforeAll(async () => {
  lexicons = await loadLexicons();
});

function propose(text: string, language: 'de' | 'en', articleDate = '2026-03-11'): object[] {
  const result = extractProposals({ text, articleDate, lexicons, language });
  if (!result.ok) throw new Error(result.reason);
  for (const { proposal, span } of result.proposals) expect(text.slice(span.start, span.end)).toBe(proposal.quote);
  return result.proposals.map(({ proposal }) => {
    const { quote: _quote, ...rest } = proposal as Proposal;
    return rest;
  });
}
const pledge = (party: string, domain: string, extra: object = {}): object => ({ kind: 'pledge', party, domain, quantity: null, unit: null, conditions: [], negative: false, ...extra });
const contribution = (donors: string[], amount: number, currency: string, extra: object = {}): object => ({ kind: 'contribution', donors, amount, currency, programme: 'other', date: null, ...extra });

describe('who speaks and who acts', () => {
  it('takes the party after "said" as the actor when the verb has its own subject', () => {
    expect(propose('Rutte said Norway would send two frigates to the Baltic mission.', 'en')).toEqual([pledge('NO', 'maritime', { quantity: 2, unit: 'platforms' })]);
  });
  it('takes a party in a closing attribution as the speaker, not the actor', () => {
    expect(propose('Thirty countries are ready to send troops after a truce, Spanish Prime Minister Pedro Sánchez said.', 'en')).toEqual([]);
  });
  it('reads a party before a word for its territory as a place', () => {
    expect(propose('The Netherlands will station a battalion on Lithuanian soil.', 'en')).toEqual([pledge('NL', 'land')]);
    expect(propose('Dänemark will Soldaten auf estnischem Boden stationieren.', 'de')).toEqual([pledge('DK', 'land')]);
  });
  it('gives a capability of the recipient to the party that strengthens it, but never the recipient’s own forces', () => {
    expect(propose('Spain will reinforce Ukraine’s air defence with two more batteries.', 'en')).toEqual([pledge('ES', 'air_defence')]);
    expect(propose('Finnland will die Ausbildung der ukrainischen Streitkräfte übernehmen.', 'de')).toEqual([pledge('FI', 'training')]);
  });
});

describe('pledges', () => {
  it('counts with up to two words between the number and the capability', () => {
    expect(propose('Sweden will provide three armoured infantry brigades.', 'en')).toEqual([pledge('SE', 'land', { quantity: 3, unit: 'brigade_sets' })]);
  });
  it('takes a vague number for no count', () => {
    expect(propose('Belgium could send several thousand soldiers once a truce holds.', 'en')).toEqual([pledge('BE', 'land', { conditions: ['ceasefire'] })]);
    expect(propose('Österreich könnte mehrere hundert Soldaten entsenden.', 'de')).toEqual([pledge('AT', 'land')]);
  });
  it('reads English condition cues', () => {
    expect(propose('Norway will deploy a frigate once a ceasefire is in place.', 'en')).toEqual([pledge('NO', 'maritime', { conditions: ['ceasefire'] })]);
    expect(propose('Finland is prepared to send a battalion, subject to parliamentary approval.', 'en')).toEqual([pledge('FI', 'land', { conditions: ['parliament'] })]);
    expect(propose('Denmark would deploy fighter jets, provided the United States gives security guarantees.', 'en')).toEqual([pledge('DK', 'air', { conditions: ['us_backstop'] })]);
    expect(propose('Latvia will send instructors, but its offer depends on American support.', 'en')).toEqual([pledge('LV', 'training', { conditions: ['us_backstop'] })]);
  });
  it('reads a German condition from a qualifying sentence in the subjunctive', () => {
    expect(propose('Tschechien würde Ausbilder stellen. Das Parlament müsse darüber abstimmen.', 'de')).toEqual([pledge('CZ', 'training', { conditions: ['parliament'] })]);
  });
  it('reads "not even after …" as no condition', () => {
    expect(propose('Hungary will not send troops, not even after a peace deal.', 'en')).toEqual([pledge('HU', 'land', { negative: true })]);
    expect(propose('Die Slowakei wird selbst nach einem Waffenstillstand keine Soldaten schicken.', 'de')).toEqual([pledge('SK', 'land', { negative: true })]);
  });
  it('reads refusals: "will not send", "ruled out"', () => {
    expect(propose('Greece will not send ground troops to Ukraine.', 'en')).toEqual([pledge('GR', 'land', { negative: true })]);
    expect(propose('Portugal has ruled out a naval deployment.', 'en')).toEqual([pledge('PT', 'maritime', { negative: true })]);
  });
  it('does not take backing a force for offering one', () => {
    expect(propose('Washington promised to support the force with intelligence.', 'en')).toEqual([pledge('US', 'intelligence')]);
    expect(propose('Die USA sagten zu, die Truppe mit Aufklärung zu unterstützen.', 'de')).toEqual([pledge('US', 'intelligence')]);
  });
});

describe('contributions', () => {
  it('reads number forms: "$250m", "€1.5bn", "1.5 billion euros", "half a billion", "NZ$10 million", "eine halbe Milliarde"', () => {
    expect(propose('Ireland gave $250m to the fund.', 'en')).toEqual([contribution(['IE'], 250e6, 'USD')]);
    expect(propose('Austria pledged €1.5bn for reconstruction.', 'en')).toEqual([contribution(['AT'], 1.5e9, 'EUR')]);
    expect(propose('Portugal will provide 1.5 billion euros in loans.', 'en')).toEqual([contribution(['PT'], 1.5e9, 'EUR')]);
    expect(propose('Japan gave half a billion dollars for energy repairs.', 'en')).toEqual([contribution(['JP'], 0.5e9, 'USD')]);
    expect(propose('New Zealand has allocated NZ$10 million to the programme.', 'en')).toEqual([contribution(['NZ'], 10e6, 'NZD')]);
    expect(propose('Italien gibt eine halbe Milliarde Euro für den Wiederaufbau.', 'de')).toEqual([contribution(['IT'], 0.5e9, 'EUR')]);
  });
  it('reads a currency several countries share by the donor, with a separable verb', () => {
    expect(propose('Dänemark steuert 400 Millionen Kronen bei.', 'de')).toEqual([contribution(['DK'], 400e6, 'DKK')]);
    expect(propose('Sweden pledged 300 million kronor.', 'en')).toEqual([contribution(['SE'], 300e6, 'SEK')]);
  });
  it('takes an adjective before a thing for no donor', () => {
    expect(propose('Lithuania will give €20m to buy American weapons.', 'en')).toEqual([contribution(['LT'], 20e6, 'EUR')]);
  });
  it('gives money decided by EU leaders to the Union', () => {
    expect(propose('EU leaders approved a €50bn facility for Ukraine.', 'en')).toEqual([contribution(['EU'], 50e9, 'EUR')]);
    expect(propose('Japan will lend Ukraine $3bn.', 'en')).toEqual([contribution(['JP'], 3e9, 'USD')]);
  });
  it('skips totals since a date and totals reported by a speaker about others', () => {
    expect(propose('Canada has provided $4bn in military aid since 2022.', 'en')).toEqual([]);
    expect(propose('Kallas said member states had given €60bn in military support.', 'en')).toEqual([]);
  });
  it('reads "davon" after a programme as that programme, and a headline as the body when dated', () => {
    expect(propose('Die PURL-Initiative bekommt frisches Geld. Finnland steuert davon 40 Millionen Euro bei.', 'de')).toEqual([
      contribution(['FI'], 40e6, 'EUR', { programme: 'purl' }),
    ]);
    expect(propose('Iceland gives $5m to PURL\nIceland gave $5m to PURL on Monday.', 'en')).toEqual([contribution(['IS'], 5e6, 'USD', { programme: 'purl', date: '2026-03-09' })]);
  });
  it('reads the Nordic-Baltic group', () => {
    expect(propose('The Nordic-Baltic countries will jointly give $400m to the fund.', 'en')).toEqual([
      contribution(['DK', 'EE', 'FI', 'IS', 'LV', 'LT', 'NO', 'SE'], 400e6, 'USD'),
    ]);
  });
});

describe('meetings', () => {
  it('dates a headline’s meeting by the body when the headline names two meetings, the host capital being no participant', () => {
    const text = 'Defence ministers gather in Warsaw before Rome summit\nDefence ministers of the coalition met in Warsaw on Monday.\nThe leaders will hold a summit in Rome next Friday.';
    expect(propose(text, 'en')).toEqual([
      { kind: 'meeting', date: '2026-03-09', format: 'ministers', place: 'PL', online: [], participants: [] },
      { kind: 'meeting', date: '2026-03-13', format: 'leaders', place: 'IT', online: [], participants: [] },
    ]);
  });
  it('takes a host country for the place, not an institution, and those who came from a country as taking part', () => {
    expect(propose('Envoys from Sweden and Spain met at NATO headquarters in Brussels on Tuesday.', 'en')).toEqual([
      { kind: 'meeting', date: '2026-03-10', format: 'other', place: 'BE', online: [], participants: ['ES', 'SE'] },
    ]);
  });
  it('does not take joining a programme or an alliance for taking part in the meeting before', () => {
    const text = 'Foreign ministers met in Oslo on Tuesday. Portugal said it would join PURL.';
    expect(propose(text, 'en')).toEqual([{ kind: 'meeting', date: '2026-03-10', format: 'ministers', place: 'NO', online: [], participants: [] }]);
  });
  it('reads the Ukraine Defence Contact Group as a ministers’ format', () => {
    expect(propose('Die Kontaktgruppe tagte am Donnerstag in Ramstein bei Kaiserslautern.', 'de')).toEqual([
      // A town that is no capital gives no place.
      { kind: 'meeting', date: '2026-03-05', format: 'ministers', place: null, online: [], participants: [] },
    ]);
  });
});

describe('sanctions and facts', () => {
  it('reads an asset freeze as a sanctions action and a number from "20th package"', () => {
    expect(propose('Canada froze the assets of three Russian banks on Monday.', 'en')).toEqual([
      { kind: 'sanctions', jurisdiction: 'CA', number: null, date: '2026-03-09', measures: ['asset freeze', 'banking restrictions'] },
    ]);
    expect(propose('The EU adopted its 20th package of sanctions on Friday.', 'en')).toEqual([
      { kind: 'sanctions', jurisdiction: 'EU', number: 20, date: '2026-03-06', measures: [] },
    ]);
  });
  it('reads a commitment the US did not sign or that was struck as no US backstop', () => {
    expect(propose('The United States did not sign the guarantee commitments.', 'en')).toEqual([{ kind: 'fact', fact: 'us_backstop', value: false }]);
    expect(propose('Die Zusage der USA wurde aus dem Text gestrichen.', 'de')).toEqual([{ kind: 'fact', fact: 'us_backstop', value: false }]);
  });
});

describe('rules added after held-out batch 2 (eval/heldout, fresh-*)', () => {
  it('dates a weekday after a past reporting verb backwards, whatever the tense of what was said', () => {
    expect(propose('Austria said on Monday it will give €10m to the fund.', 'en')).toEqual([contribution(['AT'], 10e6, 'EUR', { date: '2026-03-09' })]);
    expect(propose('Belgien sagte am Montag, es werde 20 Millionen Euro geben.', 'de')).toEqual([contribution(['BE'], 20e6, 'EUR', { date: '2026-03-09' })]);
  });
  it('reads a singular compound force ("Schutztruppe") as a land capability', () => {
    expect(propose('Norwegen wird sich an der Schutztruppe beteiligen.', 'de')).toEqual([pledge('NO', 'land')]);
  });
  it('reads "there is still no ceasefire" and "gibt es noch nicht" as the ceasefire fact', () => {
    expect(propose('There is still no ceasefire in the east.', 'en')).toEqual([{ kind: 'fact', fact: 'ceasefire', value: false }]);
    expect(propose('Eine Waffenruhe gibt es noch nicht.', 'de')).toEqual([{ kind: 'fact', fact: 'ceasefire', value: false }]);
  });
  it('reads "earmarked" and "vorgesehen" as giving words', () => {
    expect(propose('Ireland has earmarked €15m for demining equipment.', 'en')).toEqual([contribution(['IE'], 15e6, 'EUR')]);
    expect(propose('Luxemburg hat dafür 5 Millionen Euro vorgesehen.', 'de')).toEqual([contribution(['LU'], 5e6, 'EUR')]);
  });
  it('reads "could number up to" as an estimate of a force’s size', () => {
    expect(propose('Officials said the mission could number up to 12,000 troops.', 'en')).toEqual([
      { kind: 'estimate', what: expect.any(String), amount: 12000, unit: 'persons', by: null },
    ]);
  });
  it('takes no donor from a relative clause after the amount or from the seller of what is bought', () => {
    expect(propose('Finland gave $90m to the package, which Estonia and Latvia also supported.', 'en')).toEqual([contribution(['FI'], 90e6, 'USD')]);
    expect(propose('Portugal pays €12m to buy US artillery shells.', 'en')).toEqual([contribution(['PT'], 12e6, 'EUR')]);
  });
  it('gives a force led by an unnamed group, or troops an unnamed group is to commit, to no named party', () => {
    expect(propose('Japan will provide training for a European-led force.', 'en')).toEqual([pledge('JP', 'training')]);
    expect(propose('Washington offered air policing, provided that European states send ground troops.', 'en')).toEqual([pledge('US', 'air')]);
  });
});
