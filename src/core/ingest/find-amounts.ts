// Numbers and money in a sentence: numerals with the language's separators ("150.000", "1,5" in German;
// "150,000", "1.5" in English), number words ("fünf", "sechsundzwanzig", "twenty-six"), scales ("Millionen",
// "Mrd.", "bn", "$500m") and currencies before or after ("€1,5 Mrd.", "500 Millionen Euro", "USD 2 bn").

import type { Lexicon } from './compile-lexicons.js';
import { findTerms } from './term-matcher.js';
import type { Token } from './tokenize.js';

export interface NumberSpan {
  start: number;
  end: number;
  value: number;
  /** Written as a word ("vier", "four"). */
  word: boolean;
  /** An article ("ein", "a") standing for one: a count only before a scale. */
  article: boolean;
  /** A scale word was part of it ("Millionen"). */
  scaled: boolean;
  /** Followed by a percent sign or word. */
  percent: boolean;
}

export interface MoneySpan {
  start: number;
  end: number;
  amount: number;
  /** ISO 4217, or `?N` for a word that several countries' currencies share ("Kronen"): see resolveCurrency. */
  currency: string;
}

/** The currency of a money span for the party that pays: "Kronen" of Norway are NOK. Null when it stays ambiguous. */
export function resolveCurrency(currency: string, codes: readonly string[], lexicon: Lexicon): string | null {
  if (!currency.startsWith('?')) return currency;
  const byParty = lexicon.ambiguousCurrencies[Number(currency.slice(1))] ?? {};
  const found = new Set(codes.map((code) => byParty[code]).filter((code): code is string => code !== undefined));
  return found.size === 1 ? ([...found][0] ?? null) : null;
}

const NUMERAL = /(?<![\p{L}\p{N}.,])\d{1,3}(?:([.,\u00a0\u202f'])\d{3})(?:\1\d{3})*(?:[.,]\d+)?(?![\p{N}])|(?<![\p{L}\p{N}.,])\d+(?:[.,]\d+)?(?![\p{N}])/gu;
const ATTACHED_SCALE = /^(bn|mn|mln|m|b|k|tn)(?![\p{L}])/u;

function parseNumeral(raw: string, language: Lexicon['language']): number {
  const thousands = language === 'de' ? '.' : ',';
  const decimal = language === 'de' ? ',' : '.';
  const groups = /^\d{1,3}([.,\u00a0\u202f'])\d{3}(?:\1\d{3})*$/.exec(raw);
  if (groups && (groups[1] === thousands || /[\u00a0\u202f']/.test(groups[1] ?? '') || (raw.match(/[.,]/g) ?? []).length > 1)) {
    return Number(raw.replace(/[^\d]/g, ''));
  }
  const lastSeparator = Math.max(raw.lastIndexOf('.'), raw.lastIndexOf(','));
  if (lastSeparator < 0) return Number(raw);
  const intPart = raw.slice(0, lastSeparator).replace(/[^\d]/g, '');
  const fraction = raw.slice(lastSeparator + 1);
  if (raw[lastSeparator] !== decimal && fraction.length === 3) return Number(intPart + fraction);
  return Number(`${intPart}.${fraction}`);
}

const parsedWords = new WeakMap<ReadonlyMap<string, number>, Map<string, number | null>>();

/** The value of a German or English number word, compounds included ("sechsundzwanzig"), or null. */
export function parseNumberWord(word: string, words: ReadonlyMap<string, number>): number | null {
  const direct = words.get(word);
  if (direct !== undefined) return direct;
  let memo = parsedWords.get(words);
  if (!memo) {
    memo = new Map();
    parsedWords.set(words, memo);
  }
  const known = memo.get(word);
  if (known !== undefined) return known;
  const value = parseCompound(word, words);
  memo.set(word, value);
  return value;
}

function parseCompound(word: string, words: ReadonlyMap<string, number>): number | null {
  let rest = word;
  let total = 0;
  let current = 0;
  let parts = 0;
  while (rest.length > 0) {
    if (rest.startsWith('und') && parts > 0) {
      rest = rest.slice(3);
      continue;
    }
    let best = '';
    for (const key of words.keys()) if (key.length > best.length && key.length >= 3 && rest.startsWith(key)) best = key;
    if (best === '') return null;
    const value = words.get(best) ?? 0;
    if (value === 100) current = (current || 1) * 100;
    else if (value === 1000) {
      total += (current || 1) * 1000;
      current = 0;
    } else current += value;
    rest = rest.slice(best.length);
    parts += 1;
  }
  return parts > 1 ? total + current : null;
}

function scaleAfter(text: string, end: number, lexicon: Lexicon): { factor: number; end: number } | null {
  const attached = ATTACHED_SCALE.exec(text.slice(end));
  if (attached && lexicon.language === 'en') return { factor: lexicon.scales.get(attached[1] ?? '') ?? 1, end: end + (attached[1] ?? '').length };
  const next = /^[\s\u00a0]*([\p{L}]+)(\.?)/u.exec(text.slice(end));
  if (!next) return null;
  const word = next[1] ?? '';
  const factor = lexicon.scales.get(word) ?? lexicon.scales.get(word.toLowerCase());
  if (factor === undefined || (word.length <= 2 && word !== word.toLowerCase())) return null;
  return { factor, end: end + next[0].length };
}

/** A sentence to read: the article, the sentence's span in it and the sentence's tokens. */
export interface SpanView {
  article: string;
  start: number;
  end: number;
  tokens: readonly Token[];
}

const numberCache = new WeakMap<readonly Token[], NumberSpan[]>();
const moneyCache = new WeakMap<readonly Token[], MoneySpan[]>();

/** Every number in a sentence (offsets into the article), with its scale applied; computed once per sentence. */
export function findNumbers(view: SpanView, lexicon: Lexicon): NumberSpan[] {
  const known = numberCache.get(view.tokens);
  if (known) return known;
  const spans = scanNumbers(view, lexicon);
  numberCache.set(view.tokens, spans);
  return spans;
}

function scanNumbers(view: SpanView, lexicon: Lexicon): NumberSpan[] {
  const offset = view.start;
  const text = view.article.slice(view.start, view.end);
  const tokens = view.tokens;
  const spans: NumberSpan[] = [];
  const percentAfter = (end: number): boolean => /^\s?(%|Prozent|percent|per cent|Prozentpunkt)/iu.test(text.slice(end - offset));
  // "several thousand", "mehrere Hundert": no count and no amount.
  const vague = (start: number): boolean => lexicon.vague.has(/(\p{L}+)[\s\u00a0]+$/u.exec(text.slice(Math.max(0, start - offset - 20), start - offset))?.[1]?.toLowerCase() ?? '');
  for (const match of text.matchAll(NUMERAL)) {
    const start = offset + (match.index ?? 0);
    if (vague(start)) continue;
    let end = start + match[0].length;
    let value = parseNumeral(match[0], lexicon.language);
    const scale = scaleAfter(text, end - offset, lexicon);
    if (scale) {
      value *= scale.factor;
      end = offset + scale.end;
    }
    spans.push({ start, end, value: Math.round(value * 1e6) / 1e6, word: false, article: false, scaled: scale !== null, percent: percentAfter(end) });
  }
  for (let i = 0; i < tokens.length; i += 1) {
    const token = tokens[i];
    if (!token || /\d/.test(token.text)) continue;
    let value = parseNumberWord(token.lower, lexicon.numberWords);
    if (value === null || vague(token.start)) continue;
    let last = i;
    // A fraction before a scale, with or without an article: "half a billion", "eine halbe Milliarde".
    if (value < 1 && ['a', 'an'].includes(tokens[i + 1]?.lower ?? '')) last = i + 1;
    // English compounds written apart: "twenty-six", "five hundred".
    while (lexicon.language === 'en' && value >= 1) {
      const next = tokens[last + 1];
      const nextValue = next ? lexicon.numberWords.get(next.lower) : undefined;
      if (!next || nextValue === undefined || nextValue === 1 || text.slice((tokens[last]?.end ?? 0) - offset, next.start - offset).length > 1) break;
      value = nextValue >= 100 ? value * nextValue : value + nextValue;
      last += 1;
    }
    const lastToken = tokens[last] ?? token;
    let end = lastToken.end;
    const scale = scaleAfter(text, end - offset, lexicon);
    const article = value === 1 && last === i && lexicon.numberWords.get(token.lower) === 1 && !['eins', 'one'].includes(token.lower);
    if (scale) {
      value *= scale.factor;
      end = offset + scale.end;
    } else if (article || value < 1) continue;
    spans.push({ start: token.start, end, value, word: true, article, scaled: scale !== null, percent: percentAfter(end) });
    i = last;
  }
  return spans.sort((a, b) => a.start - b.start);
}

/** Money amounts in a sentence: a number with a currency symbol, code or word right before or after it. */
export function findMoney(view: SpanView, lexicon: Lexicon): MoneySpan[] {
  const known = moneyCache.get(view.tokens);
  if (known) return known;
  const money = scanMoney(view, lexicon);
  moneyCache.set(view.tokens, money);
  return money;
}

function scanMoney(view: SpanView, lexicon: Lexicon): MoneySpan[] {
  const offset = view.start;
  const text = view.article.slice(view.start, view.end);
  const numbers = findNumbers(view, lexicon).filter((span) => !span.percent);
  const words = findTerms(lexicon.currencies, view.tokens, view.article);
  const money: MoneySpan[] = [];
  for (const span of numbers) {
    const before = text.slice(Math.max(0, span.start - offset - 5), span.start - offset);
    const symbol = [...lexicon.currencySymbols.entries()]
      .filter(([sign]) => before.trimEnd().endsWith(sign))
      .sort((a, b) => b[0].length - a[0].length)[0];
    let currency = symbol?.[1];
    let start = span.start;
    let end = span.end;
    if (symbol) start -= before.length - before.trimEnd().lastIndexOf(symbol[0]);
    if (!currency) {
      const after = text.slice(span.end - offset, span.end - offset + 4);
      const sign = [...lexicon.currencySymbols.entries()].find(([s]) => after.trimStart().startsWith(s) && !/^\p{L}/u.test(s));
      if (sign) {
        currency = sign[1];
        end = span.end + after.indexOf(sign[0]) + sign[0].length;
      }
    }
    if (!currency) {
      const word = words.find((match) => match.start >= span.end && match.start - span.end <= 2);
      if (word) {
        currency = word.payload;
        end = word.end;
      }
    }
    if (!currency) {
      const word = words.find((match) => match.end <= span.start && span.start - match.end <= 2);
      if (word) {
        currency = word.payload;
        start = word.start;
      }
    }
    if (currency) money.push({ start, end, amount: span.value, currency });
  }
  return money;
}
