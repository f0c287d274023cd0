// Lexicon terms matched on word tokens (docs/ingestion.md "Term syntax"): a term matches at a word start and
// allows up to three inflection letters ("Waffenstillstand" → "Waffenstillstands"); "x=" allows none; "x+"
// any ("Luftverteidigung+" → "Luftverteidigungssystemen"); "*x" may also start inside a compound
// ("*truppen" → "Bodentruppen"). ALL-CAPS terms (US, EU, NATO, F-16) are case-sensitive whole words.

import { tokenize, type Token } from './tokenize.js';

const INFLECTION = 3;

interface CompiledTerm<P> {
  parts: string[];
  caseSensitive: boolean;
  infix: boolean;
  last: 'inflect' | 'exact' | 'any';
  payload: P;
  term: string;
}

export interface TermMatcher<P> {
  byKey: Map<string, CompiledTerm<P>[]>;
  infix: CompiledTerm<P>[];
}

export interface TermMatch<P> {
  payload: P;
  term: string;
  /** Token indices [first, last]. */
  first: number;
  last: number;
  start: number;
  end: number;
}

const keyOf = (part: string): string => part.slice(0, 2);

/** Compile terms (each with a payload) into a matcher. */
export function compileTerms<P>(entries: Iterable<readonly [string, P]>): TermMatcher<P> {
  const matcher: TermMatcher<P> = { byKey: new Map(), infix: [] };
  for (const [raw, payload] of entries) {
    let term = raw.trim();
    if (term === '') continue;
    const infix = term.startsWith('*');
    if (infix) term = term.slice(1);
    let last: CompiledTerm<P>['last'] = 'inflect';
    if (term.endsWith('=')) {
      last = 'exact';
      term = term.slice(0, -1);
    } else if (term.endsWith('+')) {
      last = 'any';
      term = term.slice(0, -1);
    }
    const tokens = tokenize(term);
    if (tokens.length === 0) continue;
    const caseSensitive = /\p{Lu}/u.test(term) && !/\p{Ll}/u.test(term) && term.replace(/[^\p{L}]/gu, '').length >= 2;
    if (caseSensitive) last = 'exact';
    const parts = tokens.map((token) => (caseSensitive ? token.text : token.lower));
    const compiled: CompiledTerm<P> = { parts, caseSensitive, infix, last, payload, term: raw };
    if (infix) {
      matcher.infix.push(compiled);
      continue;
    }
    const key = keyOf(caseSensitive ? (parts[0] ?? '').toLowerCase() : (parts[0] ?? ''));
    const list = matcher.byKey.get(key);
    if (list) list.push(compiled);
    else matcher.byKey.set(key, [compiled]);
  }
  return matcher;
}

function partMatches<P>(term: CompiledTerm<P>, token: Token, index: number, isLast: boolean): boolean {
  const part = term.parts[index] ?? '';
  const word = term.caseSensitive ? token.text : token.lower;
  if (term.caseSensitive) return word === part || word === `${part}'s` || word === `${part}’s` || word === `${part}s` && part.length >= 3;
  if (!isLast) {
    if (index === 0 && term.infix) return word.endsWith(part);
    return word === part;
  }
  let at = 0;
  if (index === 0 && term.infix) {
    at = word.indexOf(part);
    if (at < 0) return false;
    // Prefer the last occurrence, so that what follows is the shortest ending.
    at = word.lastIndexOf(part);
  } else if (!word.startsWith(part)) return false;
  const rest = word.length - at - part.length;
  if (term.last === 'exact') return rest === 0;
  if (term.last === 'any') return true;
  return rest <= INFLECTION;
}

function tryTerm<P>(term: CompiledTerm<P>, tokens: readonly Token[], first: number, limit: number, text: string): TermMatch<P> | null {
  const count = term.parts.length;
  if (first + count > limit) return null;
  for (let i = 0; i < count; i += 1) {
    const token = tokens[first + i];
    if (!token || !partMatches(term, token, i, i === count - 1)) return null;
    if (i > 0) {
      const previous = tokens[first + i - 1];
      if (!previous) return null;
      const gap = text.slice(previous.end, token.start);
      if (gap.length > 3 || /[!?;:,()]/.test(gap)) return null;
    }
  }
  const firstToken = tokens[first];
  const lastToken = tokens[first + count - 1];
  if (!firstToken || !lastToken) return null;
  return { payload: term.payload, term: term.term, first, last: first + count - 1, start: firstToken.start, end: lastToken.end };
}

/**
 * Every match of the matcher's terms in tokens [from, to) of `text`; overlapping matches are resolved to the
 * longest (then the earliest), so "EU-Kommission" wins over "EU".
 */
export function findTerms<P>(matcher: TermMatcher<P>, tokens: readonly Token[], text: string, range?: { from: number; to: number }): TermMatch<P>[] {
  const from = range?.from ?? 0;
  const to = range?.to ?? tokens.length;
  const found: TermMatch<P>[] = [];
  for (let i = from; i < to; i += 1) {
    const token = tokens[i];
    if (!token) continue;
    const candidates = matcher.byKey.get(keyOf(token.lower));
    if (candidates) {
      for (const term of candidates) {
        const match = tryTerm(term, tokens, i, to, text);
        if (match) found.push(match);
      }
    }
    for (const term of matcher.infix) {
      const match = tryTerm(term, tokens, i, to, text);
      if (match) found.push(match);
    }
  }
  return found.length <= 1 ? found : resolveOverlaps(found);
}

function resolveOverlaps<P>(matches: TermMatch<P>[]): TermMatch<P>[] {
  // Longest span first; on the same span the more specific term ("American" over "America" + inflection).
  const ordered = [...matches].sort((a, b) => b.end - b.start - (a.end - a.start) || a.start - b.start || b.term.length - a.term.length);
  const kept: TermMatch<P>[] = [];
  for (const match of ordered) {
    if (kept.some((other) => match.start < other.end && other.start < match.end)) continue;
    kept.push(match);
  }
  return kept.sort((a, b) => a.start - b.start);
}

/** True when any term of the matcher occurs in tokens [from, to). */
export function hasTerm<P>(matcher: TermMatcher<P>, tokens: readonly Token[], text: string, range?: { from: number; to: number }): boolean {
  return findTerms(matcher, tokens, text, range).length > 0;
}
