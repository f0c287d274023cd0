import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedLexicons as loadLexicons } from '../../../test/support/ingest-lexicons.js';
import { extractProposals } from './extract-proposals.js';
import type { Language, Proposal, RawLexicons } from './types.js';

// Sentences written for these tests (not from the development articles), in English and German.

let lexicons: RawLexicons;
beforeAll(async () => {
  lexicons = await loadLexicons();
});

function propose(text: string, articleDate = '2025-11-20', language?: Language): Proposal[] {
  const guessed = /[äöüß]|\b(der|die|das|den|dem|und|ist|nicht|hat|ihr)\b/iu.test(text) ? 'de' : 'en';
  const result = extractProposals({ text, articleDate, lexicons, language: language ?? guessed });
  if (!result.ok) throw new Error(result.reason);
  for (const { proposal, span } of result.proposals) expect(text.slice(span.start, span.end)).toBe(proposal.quote);
  return result.proposals.map((located) => located.proposal);
}
const strip = (proposals: Proposal[]): object[] => proposals.map(({ quote: _quote, ...rest }) => rest);

describe('pledges (English)', () => {
  it('reads a conditional troop offer with its size', () => {
    expect(strip(propose('Britain will send up to 5,000 troops to Ukraine after a ceasefire, Prime Minister Keir Starmer said on Monday.'))).toEqual([
      { kind: 'pledge', party: 'GB', domain: 'land', quantity: 5000, unit: 'persons', conditions: ['ceasefire'], negative: false },
    ]);
  });
  it('splits a refusal from an offer in the same sentence', () => {
    const pledges = strip(propose('Italy ruled out sending troops but offered to help with training and monitoring.'));
    expect(pledges).toEqual([
      { kind: 'pledge', party: 'IT', domain: 'land', quantity: null, unit: null, conditions: [], negative: true },
      { kind: 'pledge', party: 'IT', domain: 'training', quantity: null, unit: null, conditions: [], negative: false },
      { kind: 'pledge', party: 'IT', domain: 'monitoring', quantity: null, unit: null, conditions: [], negative: false },
    ]);
  });
  it('reads "will not" as a refusal and the speaker as no party of its own', () => {
    expect(strip(propose('Poland will not deploy soldiers to Ukraine, Defence Minister Władysław Kosiniak-Kamysz said.'))).toEqual([
      { kind: 'pledge', party: 'PL', domain: 'land', quantity: null, unit: null, conditions: [], negative: true },
    ]);
  });
  it('counts platforms and reads a US backstop condition', () => {
    expect(strip(propose('Canada offered two frigates for a Black Sea mission, but only with a US backstop.'))).toEqual([
      { kind: 'pledge', party: 'CA', domain: 'maritime', quantity: 2, unit: 'platforms', conditions: ['us_backstop'], negative: false },
    ]);
  });
  it('proposes nothing for options that are only discussed or for unnamed groups', () => {
    expect(propose('Several countries are considering sending troops.')).toEqual([]);
    expect(propose('Twenty-six countries said they were ready to send troops after a ceasefire.')).toEqual([]);
  });
});

describe('pledges (German)', () => {
  it('reads a conditional offer with a number', () => {
    expect(strip(propose('Frankreich ist bereit, nach einem Waffenstillstand bis zu 2.000 Soldaten in die Ukraine zu entsenden.'))).toEqual([
      { kind: 'pledge', party: 'FR', domain: 'land', quantity: 2000, unit: 'persons', conditions: ['ceasefire'], negative: false },
    ]);
  });
  it('takes the condition from the sentence that qualifies the pledge', () => {
    const text = 'Deutschland will sich an der Überwachung eines Waffenstillstands beteiligen. Der Bundestag muss zustimmen.';
    expect(strip(propose(text))).toEqual([
      { kind: 'pledge', party: 'DE', domain: 'monitoring', quantity: null, unit: null, conditions: ['ceasefire', 'parliament'], negative: false },
    ]);
  });
  it('reads "schließt … aus" as a refusal and a capital as its state', () => {
    expect(strip(propose('Rom schließt die Entsendung von Bodentruppen aus.'))).toEqual([
      { kind: 'pledge', party: 'IT', domain: 'land', quantity: null, unit: null, conditions: [], negative: true },
    ]);
  });
  it('gives a capability qualified by another party to that party', () => {
    expect(strip(propose('Moskau lehnt Truppen aus NATO-Staaten kategorisch ab, und Washington hat die Entsendung von US-Truppen abgelehnt.'))).toEqual([
      { kind: 'pledge', party: 'US', domain: 'land', quantity: null, unit: null, conditions: [], negative: true },
    ]);
  });
});

describe('contributions', () => {
  it('reads a joint PURL contribution in German', () => {
    const text = 'Die PURL-Initiative finanziert Waffenkäufe in den USA. Für dieses Programm geben Schweden und Dänemark jetzt 500 Millionen Euro.';
    expect(strip(propose(text, '2025-12-03'))).toEqual([
      { kind: 'contribution', donors: ['SE', 'DK'], amount: 500_000_000, currency: 'EUR', programme: 'purl', date: '2025-12-03' },
    ]);
  });
  it('reads English amounts with scales and symbols', () => {
    expect(strip(propose('Germany has pledged $500m to the PURL initiative.'))).toEqual([
      { kind: 'contribution', donors: ['DE'], amount: 500_000_000, currency: 'USD', programme: 'purl', date: null },
    ]);
    expect(strip(propose('The Netherlands announced a €1.5bn package for Ukraine’s air defence.'))).toEqual([
      { kind: 'contribution', donors: ['NL'], amount: 1_500_000_000, currency: 'EUR', programme: 'other', date: null },
    ]);
  });
  it('splits amounts stated per donor', () => {
    expect(strip(propose('Norway will give €300 million and Sweden €200 million to the fund.'))).toEqual([
      { kind: 'contribution', donors: ['NO'], amount: 300_000_000, currency: 'EUR', programme: 'other', date: null },
      { kind: 'contribution', donors: ['SE'], amount: 200_000_000, currency: 'EUR', programme: 'other', date: null },
    ]);
  });
  it('skips running totals', () => {
    expect(propose('So far, donors have provided $2 billion to PURL.')).toEqual([]);
    expect(propose('Insgesamt haben die Partner bisher 4 Milliarden Dollar für PURL gegeben.')).toEqual([]);
  });
});

describe('meetings', () => {
  it('reads an English ministers’ meeting with a weekday, a place and the body', () => {
    expect(strip(propose('NATO defence ministers met in Brussels on Thursday to discuss support for Kyiv.', '2025-10-17'))).toEqual([
      { kind: 'meeting', date: '2025-10-16', format: 'ministers', place: 'BE', online: [], participants: ['NATO'] },
    ]);
  });
  it('reads two announced meetings in one German sentence, each with its date and format', () => {
    const text = 'Selenskyj kündigte ein Treffen der Sicherheitsberater am 3. Jänner in Kiew an, gefolgt von einem Gipfel der Staatschefs am 6. Jänner.';
    const meetings = propose(text, '2025-12-30').filter((p) => p.kind === 'meeting');
    expect(meetings.map((m) => m.kind === 'meeting' && [m.date, m.format])).toEqual([
      ['2026-01-03', 'nsa'],
      ['2026-01-06', 'leaders'],
    ]);
  });
  it('merges a later reference and adds those who joined online', () => {
    const text = 'Die Staats- und Regierungschefs berieten am Dienstagabend in Paris. An dem Treffen nahm Bundeskanzler Merz per Video teil.';
    expect(strip(propose(text, '2025-11-25'))).toEqual([
      { kind: 'meeting', date: '2025-11-25', format: 'leaders', place: 'FR', online: ['DE'], participants: ['DE'] },
    ]);
  });
  it('leaves out talks between the US and Russia only', () => {
    expect(propose('Witkoff met Putin in Moscow on Tuesday.', '2025-12-03')).toEqual([]);
  });
});

describe('estimates, sanctions and facts', () => {
  it('reads estimates with their estimator', () => {
    expect(strip(propose('Laut dem Internationalen Währungsfonds braucht die Ukraine im kommenden Jahr rund 60 Milliarden Dollar.'))).toEqual([
      { kind: 'estimate', what: 'im kommenden Jahr rund 60 Milliarden Dollar'.length > 0 ? expect.any(String) : '', amount: 60_000_000_000, unit: 'USD', by: 'Internationalen Währungsfonds' },
    ]);
    const [estimate] = propose('According to the Royal United Services Institute, a credible force would need about 25,000 troops.');
    expect(estimate).toMatchObject({ kind: 'estimate', amount: 25_000, unit: 'persons', by: 'Royal United Services Institute' });
  });
  it('reads an adopted sanctions package with its number, date and measures', () => {
    expect(strip(propose('The EU adopted its 19th sanctions package against Russia on Thursday, targeting shadow fleet tankers and LNG imports.'))).toEqual([
      { kind: 'sanctions', jurisdiction: 'EU', number: 19, date: '2025-11-20', measures: ['shadow fleet vessels', 'LNG ban'] },
    ]);
    expect(propose('Die EU hat am Donnerstag ihr neunzehntes Sanktionspaket beschlossen.')[0]).toMatchObject({ kind: 'sanctions', jurisdiction: 'EU', number: 19 });
  });
  it('does not take proposed sanctions for adopted ones', () => {
    expect(propose('The Commission proposed a 20th sanctions package on Wednesday.')).toEqual([]);
  });
  it('reads the status of condition facts, once per article', () => {
    expect(strip(propose('Ein Waffenstillstand ist nicht in Sicht. Auch ein Frieden ist weit entfernt.'))).toEqual([{ kind: 'fact', fact: 'ceasefire', value: false }]);
    expect(strip(propose('Washington has given no security guarantee for the force so far.'))).toEqual([{ kind: 'fact', fact: 'us_backstop', value: false }]);
    expect(propose('The Europeans insist that it will not work without a US backstop.')).toEqual([]);
  });
});

describe('language', () => {
  it('detects German and English and refuses what is neither', () => {
    expect(extractProposals({ text: 'Die Regierung hat sich mit den Partnern auf einen Plan geeinigt.', articleDate: null, lexicons })).toMatchObject({ ok: true, language: 'de' });
    expect(extractProposals({ text: 'The government has agreed a plan with its partners.', articleDate: null, lexicons })).toMatchObject({ ok: true, language: 'en' });
    expect(extractProposals({ text: 'Le gouvernement a conclu un accord avec ses partenaires.', articleDate: null, lexicons })).toEqual({ ok: false, reason: 'unknown_language' });
  });
});

describe('a short English and German report', () => {
  it('reads a summit report: one meeting with who joined online, conditional pledges, a refusal and a PURL contribution', () => {
    const text = [
      'Leaders of more than 30 countries met in Paris on Tuesday to agree security guarantees for Ukraine, French President Emmanuel Macron said.',
      'U.S. envoys attended the meeting, while Canadian Prime Minister Mark Carney joined by video link.',
      'Britain and France will deploy forces to Ukraine after a peace deal. Any deployment would be put to a vote in parliament.',
      'Turkey offered to help secure shipping in the Black Sea, while Italy said it would not send soldiers.',
      'Separately, Norway and Sweden announced a further $500 million under NATO\'s PURL scheme.',
    ].join(' ');
    expect(strip(propose(text, '2026-01-06'))).toEqual([
      { kind: 'meeting', date: '2026-01-06', format: 'leaders', place: 'FR', online: ['CA'], participants: ['CA', 'FR', 'US'] },
      { kind: 'pledge', party: 'GB', domain: 'land', quantity: null, unit: null, conditions: ['ceasefire', 'parliament'], negative: false },
      { kind: 'pledge', party: 'FR', domain: 'land', quantity: null, unit: null, conditions: ['ceasefire', 'parliament'], negative: false },
      { kind: 'pledge', party: 'TR', domain: 'maritime', quantity: null, unit: null, conditions: [], negative: false },
      { kind: 'pledge', party: 'IT', domain: 'land', quantity: null, unit: null, conditions: [], negative: true },
      { kind: 'contribution', donors: ['NO', 'SE'], amount: 500_000_000, currency: 'USD', programme: 'purl', date: null },
    ]);
  });
  it('reads a German ministers’ meeting with a separable verb, a pledge made conditional in its own sentence and an unnamed group', () => {
    const text = [
      'Die Verteidigungsminister der NATO sind am Mittwoch in Brüssel zusammengekommen, um über weitere Hilfe zu beraten.',
      'Auch der ukrainische Verteidigungsminister nahm an dem Treffen teil.',
      'Kanada sagte 200 Millionen kanadische Dollar zu.',
      'Eine Beteiligung der Bundeswehr an einer Friedenstruppe sei erst nach einem Waffenstillstand denkbar, und der Bundestag müsse zustimmen.',
      'Viele Hauptstädte knüpfen die Beteiligung ihrer Kontingente an einen US-Backstop.',
    ].join(' ');
    expect(strip(propose(text, '2025-10-14'))).toEqual([
      { kind: 'meeting', date: '2025-10-08', format: 'ministers', place: 'BE', online: [], participants: ['NATO', 'UA'] },
      { kind: 'contribution', donors: ['CA'], amount: 200_000_000, currency: 'CAD', programme: 'other', date: null },
      { kind: 'pledge', party: 'DE', domain: 'land', quantity: null, unit: null, conditions: ['ceasefire', 'parliament'], negative: false },
    ]);
  });
});

