// The article as the extractors read it: cleaned of page furniture, split into sentences, tokenized once;
// per sentence, party mentions with their role (actor, place, speaker, qualifier of a following term).

import { compileLexicon, type Lexicon, type PartyRef } from './compile-lexicons.js';
import { splitSentences, type Sentence } from './split-sentences.js';
import { findTerms, type TermMatch, type TermMatcher } from './term-matcher.js';
import { tokenize, type Token } from './tokenize.js';
import type { Language, RawLexicons } from './types.js';

export interface PartyMention {
  codes: string[];
  via: PartyRef['via'];
  start: number;
  end: number;
  first: number;
  last: number;
  /** After a preposition ("in Berlin", "aus Washington", "to Ukraine"): not the one who acts. */
  prepositional: boolean;
  /** The preposition before it, if any (lower case). */
  preposition: string | null;
  /** After "in"/"im"/"at": a place. */
  place: boolean;
  /** Named right after a reporting verb ("sagte Macron", "said Starmer") or after "laut"/"according to". */
  speaker: boolean;
}

export interface SentenceView {
  sentence: Sentence;
  from: number;
  to: number;
  tokens: readonly Token[];
  parties: PartyMention[];
}

export interface ArticleContext {
  text: string;
  language: Language;
  lexicon: Lexicon;
  articleDate: string | null;
  sentences: SentenceView[];
  tokens: Token[];
}

const PREPOSITIONS = {
  de: new Set(['an', 'aus', 'für', 'in', 'im', 'nach', 'gegen', 'mit', 'zu', 'zum', 'zur', 'bei', 'beim', 'über', 'vor', 'zwischen', 'um', 'durch', 'gegenüber', 'richtung', 'auf', 'ins', 'vom']),
  en: new Set(['to', 'for', 'in', 'into', 'against', 'with', 'from', 'at', 'on', 'over', 'between', 'toward', 'towards', 'about', 'inside', 'within', 'across']),
};
const PLACE = { de: new Set(['in', 'im']), en: new Set(['in', 'at']) };
const DETERMINERS = new Set(['der', 'die', 'das', 'den', 'dem', 'des', 'ein', 'eine', 'einen', 'einem', 'einer', 'the', 'a', 'an']);

/** Cut the page furniture that web captures put after the article ("Don't Miss", "Werbung", …). */
export function cutBoilerplate(text: string, lexicon: Lexicon): string {
  let offset = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed.length > 0 && trimmed.length <= 40) {
      const tokens = tokenize(trimmed);
      const match = findTerms(lexicon.boilerplate, tokens, trimmed)[0];
      if (match && match.start === 0 && match.end >= trimmed.replace(/[:.!]+$/, '').length) return text.slice(0, offset);
    }
    offset += line.length + 1;
  }
  return text;
}

const found = new WeakMap<SentenceView, Map<TermMatcher<unknown>, TermMatch<unknown>[]>>();

/** Terms of a matcher in one sentence (computed once per sentence and matcher). */
export function findIn<P>(view: SentenceView, matcher: TermMatcher<P>, text: string): TermMatch<P>[] {
  let perMatcher = found.get(view);
  if (!perMatcher) {
    perMatcher = new Map();
    found.set(view, perMatcher);
  }
  const known = perMatcher.get(matcher);
  if (known) return known as TermMatch<P>[];
  const matches = findTerms(matcher, view.tokens, text, { from: 0, to: view.tokens.length });
  perMatcher.set(matcher, matches);
  return matches;
}

function classifyParties(view: Omit<SentenceView, 'parties'>, lexicon: Lexicon, text: string): PartyMention[] {
  const reporting = findTerms(lexicon.reporting, view.tokens, text);
  const prepositions = PREPOSITIONS[lexicon.language];
  return findTerms(lexicon.parties, view.tokens, text).map((match) => {
    let k = match.first - 1;
    let skipped = 0;
    while (k >= 0 && skipped < 2 && DETERMINERS.has(view.tokens[k]?.lower ?? '')) {
      k -= 1;
      skipped += 1;
    }
    const before = view.tokens[k]?.lower ?? '';
    const gapToPrevious = k >= 0 ? text.slice(view.tokens[k]?.end ?? 0, view.tokens[k + 1]?.start ?? 0) : '';
    const prepositional = prepositions.has(before) && !/[,;:–—]/.test(gapToPrevious);
    const speaker = reporting.some((verb) => verb.last < match.first && match.first - verb.last <= 4 && !/[.,;]/.test(text.slice(verb.end, match.start).replace(/-/g, '')));
    return {
      codes: match.payload.codes,
      via: match.payload.via,
      start: match.start,
      end: match.end,
      first: match.first,
      last: match.last,
      prepositional,
      preposition: prepositional ? before : null,
      place: prepositional && PLACE[lexicon.language].has(before),
      speaker,
    };
  });
}

/** Prepare an article for the extractors. */
export function buildArticleContext(options: { text: string; language: Language; lexicons: RawLexicons; articleDate: string | null }): ArticleContext {
  const lexicon = compileLexicon(options.lexicons, options.language);
  const text = cutBoilerplate(options.text, lexicon);
  const tokens = tokenize(text);
  const sentences: SentenceView[] = [];
  let cursor = 0;
  for (const sentence of splitSentences(text, options.language)) {
    while (cursor < tokens.length && (tokens[cursor]?.start ?? 0) < sentence.start) cursor += 1;
    const from = cursor;
    while (cursor < tokens.length && (tokens[cursor]?.end ?? 0) <= sentence.end) cursor += 1;
    const base = { sentence, from, to: cursor, tokens: tokens.slice(from, cursor) };
    sentences.push({ ...base, parties: classifyParties(base, lexicon, text) });
  }
  return { text, language: options.language, lexicon, articleDate: options.articleDate, sentences, tokens };
}
