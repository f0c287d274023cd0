import { describe, expect, it } from 'vitest';
import { findDates } from './resolve-dates.js';
import { splitSentences } from './split-sentences.js';

const dates = (text: string, articleDate: string, language: 'de' | 'en' = 'de'): string[] =>
  findDates({ article: text, start: 0, end: text.length, articleDate, language }).map((d) => d.date);

describe('dates against the article date', () => {
  it('splits German weekday compounds and reads adjectives of today', () => {
    expect(dates('Sie sprach am Dienstagabend nach der Schalte.', '2025-11-25')).toEqual(['2025-11-25']);
    expect(dates('das Ergebnis der heutigen Sitzung', '2025-12-03')).toEqual(['2025-12-03']);
  });
  it('resolves a weekday in the direction of the tense', () => {
    expect(dates('Die USA haben am Mittwoch beraten.', '2026-01-01')).toEqual(['2025-12-31']);
    expect(dates('Die Minister werden sich am Mittwoch treffen.', '2026-01-01')).toEqual(['2026-01-07']);
    expect(dates('Ministers met on Friday.', '2025-10-15', 'en')).toEqual(['2025-10-10']);
    expect(dates('Leaders will meet next Tuesday.', '2025-10-15', 'en')).toEqual(['2025-10-21']);
  });
  it('gives a year-less date the nearest year', () => {
    expect(dates('ein Treffen am 3. Jänner in der Ukraine', '2025-12-30')).toEqual(['2026-01-03']);
    expect(dates('Bereits am 15. Dezember trafen sie sich.', '2026-01-01')).toEqual(['2025-12-15']);
  });
  it('ignores vague expressions and weekday abbreviations inside words', () => {
    expect(dates('In den letzten Tagen und Stunden gab es Fortschritte.', '2025-11-25')).toEqual([]);
    expect(dates('Frühere Gespräche, so der Sprecher.', '2025-11-25')).toEqual([]);
  });
});

describe('sentences', () => {
  it('keeps ordinals and abbreviations inside a sentence and breaks at line ends', () => {
    const text = 'Ein Treffen am 3. Jänner kostet 1,5 Mio. Euro. Der U.S. Gesandte kam.\nÜberschrift ohne Punkt\n date 2025-11-25 Der Text beginnt.';
    expect(splitSentences(text, 'de').map((s) => s.text)).toEqual([
      'Ein Treffen am 3. Jänner kostet 1,5 Mio. Euro.',
      'Der U.S. Gesandte kam.',
      'Überschrift ohne Punkt',
      'Der Text beginnt.',
    ]);
  });
});
