// Contributions (ANNOTATION.md C1–C6) and estimates (E1–E2): sentences with an amount. An estimate states a
// need ("braucht", "needed", "estimated"); a contribution names its donor(s) and a giving word, and is not a
// running total ("insgesamt", "so far"). A joint package is one contribution with all donors; amounts
// stated per donor ("Germany €500m and France €300m") are one contribution each.

import { findIn, type ArticleContext, type SentenceView } from './article-context.js';
import { findMoney, findNumbers, type SpanView } from './find-amounts.js';
import { findDates } from './resolve-dates.js';
import type { ContributionProposal, EstimateProposal } from './types.js';

const spanOf = (context: ArticleContext, view: SentenceView): SpanView => ({ article: context.text, start: view.sentence.start, end: view.sentence.end, tokens: view.tokens });

function isPurl(context: ArticleContext, index: number): boolean {
  const view = context.sentences[index];
  if (!view) return false;
  if (findIn(view, context.lexicon.purl, context.text).length > 0) return true;
  if (findIn(view, context.lexicon.programmeAnaphora, context.text).length === 0) return false;
  for (let i = index - 1; i >= Math.max(0, index - 3); i -= 1) {
    const earlier = context.sentences[i];
    if (earlier && findIn(earlier, context.lexicon.purl, context.text).length > 0) return true;
  }
  return false;
}

/** Contributions stated in one sentence. */
export function extractContributions(context: ArticleContext, index: number): ContributionProposal[] {
  const view = context.sentences[index];
  if (!view) return [];
  const lexicon = context.lexicon;
  const text = context.text;
  const money = findMoney(spanOf(context, view), lexicon).filter((m) => !/^\s*\(/.test(text.slice(Math.max(0, m.start - 2), m.start)));
  if (money.length === 0) return [];
  if (findIn(view, lexicon.contributionVerbs, text).length === 0) return [];
  if (findIn(view, lexicon.totals, text).length > 0 || findIn(view, lexicon.estimateCues, text).length > 0) return [];
  // "NATO's PURL scheme", "EU-Programm": a party naming the programme is not a donor.
  const programmes = [...findIn(view, lexicon.purl, text), ...findIn(view, lexicon.programmeAnaphora, text)];
  const namesProgramme = (end: number): boolean => programmes.some((p) => p.start >= end && p.start - end <= 4);
  const donors = view.parties.filter(
    (party) => !party.prepositional && !party.speaker && party.codes.every((code) => !lexicon.nonProviders.has(code)) && !namesProgramme(party.end),
  );
  if (donors.length === 0) return [];
  const date = context.articleDate
    ? findDates({ article: text, start: view.sentence.start, end: view.sentence.end, articleDate: context.articleDate, language: context.language })[0]?.date ?? null
    : null;
  const programme = isPurl(context, index) ? 'purl' : 'other';
  const make = (codes: string[], amount: number, currency: string): ContributionProposal => ({
    kind: 'contribution',
    donors: [...new Set(codes)],
    amount,
    currency,
    programme,
    date,
    quote: view.sentence.text,
  });
  const distinct = money.filter((m, i) => !money.some((other, j) => j < i && Math.abs(other.start - m.start) < 3));
  if (distinct.length >= 2) {
    const split: ContributionProposal[] = [];
    for (const amount of distinct) {
      const owner = [...donors].reverse().find((party) => party.end <= amount.start);
      if (owner && !split.some((c) => c.donors.includes(owner.codes[0] ?? ''))) split.push(make(owner.codes, amount.amount, amount.currency));
    }
    if (split.length >= 2) return split;
  }
  const first = distinct[0];
  if (!first) return [];
  return [make(donors.flatMap((party) => party.codes), first.amount, first.currency)];
}

function estimatorOf(context: ArticleContext, view: SentenceView): string | null {
  const cue = findIn(view, context.lexicon.estimateBy, context.text)[0];
  if (!cue) return null;
  const words: string[] = [];
  for (let i = cue.last + 1; i < view.tokens.length && words.length < 8; i += 1) {
    const token = view.tokens[i];
    if (!token) break;
    const gap = context.text.slice(view.tokens[i - 1]?.end ?? 0, token.start);
    if (/[,;:]/.test(gap)) break;
    const connector = /^(der|des|die|dem|für|und|von|of|the|for|and|de)$/u.test(token.lower);
    if (!connector && !/^\p{Lu}/u.test(token.text)) break;
    words.push(token.text);
  }
  while (words.length > 0 && /^(der|des|die|dem|für|und|von|of|the|for|and)$/iu.test(words[0] ?? '')) words.shift();
  while (words.length > 0 && /^(der|des|die|dem|für|und|of|the|for|and)$/iu.test(words[words.length - 1] ?? '')) words.pop();
  return words.length > 0 ? words.join(' ') : null;
}

/** Estimates stated in one sentence. */
export function extractEstimates(context: ArticleContext, index: number): EstimateProposal[] {
  const view = context.sentences[index];
  if (!view) return [];
  const lexicon = context.lexicon;
  const text = context.text;
  if (findIn(view, lexicon.estimateCues, text).length === 0) return [];
  if (findIn(view, lexicon.totals, text).length > 0) return [];
  const span = spanOf(context, view);
  const money = findMoney(span, lexicon)[0];
  const by = estimatorOf(context, view);
  const whatFrom = (end: number): string => text.slice(end, view.sentence.end).replace(/^[\s,]+/, '').replace(/[.!?]+$/, '').slice(0, 120).trim();
  if (money) {
    return [{ kind: 'estimate', what: whatFrom(money.end) || view.sentence.text.slice(0, 120), amount: money.amount, unit: money.currency, by, quote: view.sentence.text }];
  }
  const persons = findIn(view, lexicon.personUnits, text);
  for (const number of findNumbers(span, lexicon)) {
    if (number.percent || number.article) continue;
    const unit = persons.find((p) => p.start >= number.end && p.start - number.end <= 20);
    if (unit && number.value >= 100) {
      return [{ kind: 'estimate', what: whatFrom(number.end), amount: number.value, unit: 'persons', by, quote: view.sentence.text }];
    }
  }
  return [];
}
