import { describe, expect, it } from 'vitest';
import { formatNoteRefs, NoteRegistry } from './briefing-document.js';
import { formatLongDate, formatMoney, formatSpan } from './briefing-text.js';
import { markingOf } from './build-briefing.js';

// The briefing's pure parts: the confidentiality marking, numbered notes, and the formats of each language.

describe('briefing', () => {
  it('marks the highest level included, at least COALITION, naming the parties of restricted and bilateral records', () => {
    expect(markingOf([])).toBe('COALITION');
    expect(markingOf([{ confidentiality: 'public', owners: ['FR'] }])).toBe('COALITION');
    expect(markingOf([{ confidentiality: 'coalition', owners: ['FR'] }, { confidentiality: 'restricted', owners: ['DE'] }])).toBe('RESTRICTED — DE');
    expect(markingOf([{ confidentiality: 'restricted', owners: ['FR'] }, { confidentiality: 'restricted', owners: ['DE'] }])).toBe('RESTRICTED — DE, FR');
    expect(markingOf([{ confidentiality: 'restricted', owners: ['FR'] }, { confidentiality: 'bilateral', owners: ['DE', 'PL'] }])).toBe('BILATERAL — DE, PL');
  });

  it('numbers each note once and writes references compactly', () => {
    const notes = new NoteRegistry();
    expect([notes.cite('a'), notes.cite('b'), notes.cite('a'), notes.cite('c')]).toEqual([1, 2, 1, 3]);
    expect(notes.list()).toEqual([{ number: 1, text: 'a' }, { number: 2, text: 'b' }, { number: 3, text: 'c' }]);
    expect(formatNoteRefs([5, 1, 2, 3, 7, 8])).toBe('[1–3, 5, 7, 8]');
    expect(formatNoteRefs([])).toBe('');
  });

  it('formats dates, ranges and money in English and German', () => {
    expect(formatLongDate('2026-01-06', 'en')).toBe('6 January 2026');
    expect(formatLongDate('2026-01-06', 'de')).toBe('6. Januar 2026');
    expect(formatSpan(2000, 9999, 'en')).toBe('2,000–9,999');
    expect(formatSpan(2000, 9999, 'de')).toBe('2.000–9.999');
    expect(formatMoney(402_000_000_000, 'USD', 'en')).toBe('USD 4.02 bn');
    expect(formatMoney(402_000_000_000, 'USD', 'de')).toBe('4,02 Mrd. USD');
    expect(formatMoney(50_000_000_000, 'EUR', 'en')).toBe('EUR 500 m');
  });
});
