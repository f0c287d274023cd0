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
  /**
   * The one who speaks: named right after a reporting verb that has no subject of its own ("sagte Macron",
   * "said Starmer", "laut Rutte"), or in an attribution after the statement ("…, French President Emmanuel
   * Macron said"). In "Merz said Germany could …" Merz speaks and Germany is what the sentence is about.
   */
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
const PRONOUNS = new Set(['he', 'she', 'they', 'it', 'we', 'i', 'er', 'sie', 'wir', 'ich', 'es']);
const PUNCTUATION = /[.,;:!?"“”„«»()–—]/u;
// An adjective is a party that acts only before a government or office ("die deutsche Regierung", "the French president").
const OFFICE = /^(regierung|government|minister|kanzler|präsident|premier|prime|chancellor|president|officials|delegation|verteidigungsminister|außenminister|regierungschef|foreign|defence|defense|ministry|ministerium|cabinet|kabinett|parliament|parlament)/iu;

/** Whether a mention can be the party that acts: a name, a capital, a person, or an adjective before an office. */
export function actsAsParty(view: SentenceView, party: PartyMention): boolean {
  return party.via !== 'adjective' || OFFICE.test(view.tokens[party.last + 1]?.text ?? '');
}

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
  // A name inside a programme's name ("Prioritised Ukraine Requirements List") is no party.
  const programmes = findTerms(lexicon.purl, view.tokens, text);
  const mentions = findTerms(lexicon.parties, view.tokens, text).filter((match) => !programmes.some((p) => p.start <= match.start && match.end <= p.end));
  const territory = findTerms(lexicon.territory, view.tokens, text);
  const tokens = view.tokens;
  const plain = (from: number, to: number): boolean => !PUNCTUATION.test(text.slice(from, to));
  // A reporting verb with its own subject right before it: what follows it is what is said, not who says it.
  const hasSubject = (verb: TermMatch<true>): boolean => {
    const before = tokens[verb.first - 1];
    if (!before || !plain(before.end, verb.start)) return false;
    if (PRONOUNS.has(before.lower)) return true;
    return mentions.some((party) => party.last < verb.first && verb.first - party.last <= 3 && plain(party.end, verb.start));
  };
  // "…, French President Emmanuel Macron said": capitalised words between a comma or quote and the verb.
  const attribution = (match: TermMatch<unknown>): boolean =>
    reporting.some((verb) => {
      if (verb.first <= match.last || verb.first - match.last > 6 || !plain(match.end, verb.start)) return false;
      if (!tokens.slice(match.last + 1, verb.first).every((token) => /^\p{Lu}/u.test(token.text))) return false;
      let k = match.first - 1;
      while (k >= 0 && /^\p{Lu}/u.test(tokens[k]?.text ?? '') && plain(tokens[k]?.end ?? 0, tokens[k + 1]?.start ?? match.start)) k -= 1;
      const token = tokens[k];
      return token !== undefined && /[,"“”„«»]\s*$/u.test(text.slice(token.end, tokens[k + 1]?.start ?? match.start));
    });
  return mentions.map((match) => {
    let k = match.first - 1;
    let skipped = 0;
    while (k >= 0 && skipped < 2 && DETERMINERS.has(view.tokens[k]?.lower ?? '')) {
      k -= 1;
      skipped += 1;
    }
    const before = view.tokens[k]?.lower ?? '';
    const gapToPrevious = k >= 0 ? text.slice(view.tokens[k]?.end ?? 0, view.tokens[k + 1]?.start ?? 0) : '';
    // A party before a noun for its land, sea or air ("adjacent NATO territory") is a place, not an actor.
    const territoryAfter = territory.find((term) => term.first === match.last + 1 && /^[\s-]{1,2}$/u.test(text.slice(match.end, term.start)));
    const prepositional = (prepositions.has(before) && !/[,;:–—]/.test(gapToPrevious)) || territoryAfter !== undefined;
    const speaker =
      reporting.some((verb) => verb.last < match.first && match.first - verb.last <= 4 && !/[.,;]/.test(text.slice(verb.end, match.start).replace(/-/g, '')) && !hasSubject(verb)) ||
      attribution(match);
    return {
      codes: match.payload.codes,
      via: match.payload.via,
      start: match.start,
      end: match.end,
      first: match.first,
      last: match.last,
      prepositional,
      preposition: territoryAfter ? (tokens[territoryAfter.first]?.lower ?? null) : prepositional ? before : null,
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
