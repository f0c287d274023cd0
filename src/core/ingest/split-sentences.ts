// Sentences of an article with their offsets: Intl.Segmenter per line (a line break always ends a sentence,
// so headlines stand alone), then fragments after an ordinal ("am 3. Jänner") or an abbreviation ("Mio.",
// "Dr.", "U.S.") are joined to what follows.

import type { Language } from './types.js';

export interface Sentence {
  index: number;
  start: number;
  end: number;
  text: string;
}

const ABBREVIATIONS = new Set(
  [
    'dr', 'prof', 'nr', 'bzw', 'ca', 'mio', 'mrd', 'tsd', 'st', 'vs', 'usw', 'etc', 'ggf', 'inkl', 'evtl', 'z', 'b', 'u', 'a', 'd', 'h',
    'jan', 'feb', 'mär', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'okt', 'oct', 'nov', 'dez', 'dec', 'mr', 'mrs', 'ms', 'gen', 'adm',
    'lt', 'col', 'sen', 'rep', 'gov', 'no', 'bn', 'mn', 'eg', 'ie', 'e', 'g', 'i', 's', 'bzw', 'abs', 'art', 'vgl',
  ],
);

function endsInsideSentence(segment: string): boolean {
  const trimmed = segment.trimEnd();
  if (!trimmed.endsWith('.')) return false;
  const before = trimmed.slice(0, -1);
  const word = /([\p{L}\p{N}]+)$/u.exec(before)?.[1];
  if (!word) return false;
  if (/^\d{1,2}$/.test(word)) return true; // an ordinal: "am 3. Jänner", "19. Sanktionspaket"
  if (/^\p{Lu}$/u.test(word)) return true; // an initial or "U.S."
  return ABBREVIATIONS.has(word.toLowerCase());
}

const HEADER = /^\s*(?:date|datum|stand|published|veröffentlicht)\s*:?\s*(?:\d{4}-\d{2}-\d{2}|\d{1,2}\.\d{1,2}\.\d{4})(?:\s+\d{1,2}:\d{2}(?:\s*Uhr)?)?\s+/iu;

/** Split an article into sentences (offsets into `text`), one line at a time. */
export function splitSentences(text: string, language: Language): Sentence[] {
  const segmenter = new Intl.Segmenter(language, { granularity: 'sentence' });
  const sentences: Sentence[] = [];
  const lines = /[^\n]+/g;
  for (const line of text.matchAll(lines)) {
    const lineStart = line.index ?? 0;
    let pending: { start: number; end: number } | null = null;
    for (const part of segmenter.segment(line[0])) {
      const start = lineStart + part.index;
      const end = start + part.segment.length;
      pending = pending ? { start: pending.start, end } : { start, end };
      if (!endsInsideSentence(part.segment)) {
        pushTrimmed(sentences, text, pending);
        pending = null;
      }
    }
    if (pending) pushTrimmed(sentences, text, pending);
  }
  return sentences;
}

function pushTrimmed(sentences: Sentence[], text: string, span: { start: number; end: number }): void {
  let { start, end } = span;
  const header = HEADER.exec(text.slice(start, end));
  if (header && header[0].length < end - start) start += header[0].length;
  while (start < end && /\s/.test(text[start] ?? '')) start += 1;
  while (end > start && /\s/.test(text[end - 1] ?? '')) end -= 1;
  if (end <= start) return;
  sentences.push({ index: sentences.length, start, end, text: text.slice(start, end) });
}
