import { beforeAll, describe, expect, it } from 'vitest';
import { loadShippedLexicons as loadLexicons } from '../../../test/support/ingest-lexicons.js';
import { compileLexicon, type Lexicon } from './compile-lexicons.js';
import { findMoney, findNumbers, parseNumberWord } from './find-amounts.js';
import { tokenize } from './tokenize.js';
import type { Language } from './types.js';

const lexicons: Partial<Record<Language, Lexicon>> = {};
beforeAll(async () => {
  const raw = await loadLexicons();
  lexicons.de = compileLexicon(raw, 'de');
  lexicons.en = compileLexicon(raw, 'en');
});

function money(text: string, language: Language): [number, string][] {
  const lexicon = lexicons[language];
  if (!lexicon) throw new Error('lexicon not loaded');
  return findMoney({ article: text, start: 0, end: text.length, tokens: tokenize(text) }, lexicon).map((m) => [m.amount, m.currency]);
}

describe('money', () => {
  it.each([
    ['Sie geben 500 Millionen Euro.', 'de', [[500e6, 'EUR']]],
    ['Es sind €1,5 Mrd. für die Ukraine.', 'de', [[1.5e9, 'EUR']]],
    ['Die Niederlande geben fünf Milliarden Euro.', 'de', [[5e9, 'EUR']]],
    ['Schweden zahlt 1,5 Milliarden US-Dollar.', 'de', [[1.5e9, 'USD']]],
    ['Germany gave $500m.', 'en', [[500e6, 'USD']]],
    ['Norway added 1.5 billion dollars.', 'en', [[1.5e9, 'USD']]],
    ['Britain pledged £200 million (about $260 million).', 'en', [[200e6, 'GBP'], [260e6, 'USD']]],
    ['The loan is worth EUR 90 bn.', 'en', [[90e9, 'EUR']]],
    ['a billion euros', 'en', [[1e9, 'EUR']]],
  ] as const)('%s', (text, language, expected) => {
    expect(money(text, language)).toEqual(expected);
  });
  it('ignores percentages and bare numbers', () => {
    expect(money('Die Ausgaben steigen um 5 Prozent auf 3,5 Prozent.', 'de')).toEqual([]);
    expect(money('150,000 troops in 2025', 'en')).toEqual([]);
  });
});

describe('numbers', () => {
  it('reads separators by language and number words', () => {
    const values = (text: string, language: Language): number[] =>
      findNumbers({ article: text, start: 0, end: text.length, tokens: tokenize(text) }, lexicons[language] ?? (lexicons.de as Lexicon)).map((n) => n.value);
    expect(values('etwa 150.000 Soldaten und 1,5 Brigaden', 'de')).toEqual([150000, 1.5]);
    expect(values('about 150,000 troops and 1.5 brigades', 'en')).toEqual([150000, 1.5]);
    expect(values('vier Infanteriebrigaden und sechsundzwanzig Staaten', 'de')).toEqual([4, 26]);
    expect(values('twenty-six countries and five hundred soldiers', 'en')).toEqual([26, 500]);
  });
  it('parses German compounds', () => {
    const words = lexicons.de?.numberWords ?? new Map<string, number>();
    expect(parseNumberWord('fünfundzwanzig', words)).toBe(25);
    expect(parseNumberWord('zweihundert', words)).toBe(200);
    expect(parseNumberWord('dreitausend', words)).toBe(3000);
    expect(parseNumberWord('truppen', words)).toBeNull();
  });
});
