// Contributions (ANNOTATION.md C1–C6) and estimates (E1–E2): sentences with an amount. An estimate states a
// need ("braucht", "needed", "estimated"); a contribution names its donor(s) and a giving word, and is not a
// running total ("insgesamt", "so far"). A joint package is one contribution with all donors; amounts
// stated per donor ("Germany €500m and France €300m") are one contribution each.

import { actsAsParty, findIn, type ArticleContext, type PartyMention, type SentenceView } from './article-context.js';
import { findMoney, findNumbers, resolveCurrency, type SpanView } from './find-amounts.js';
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
  // "Rutte said allies had provided …": the subject of a reporting verb followed by another subject only reports.
  const reporting = findIn(view, lexicon.reporting, text);
  const groups = findIn(view, lexicon.groupWords, text);
  const firstAmount = money[0]?.start ?? view.sentence.end;
  const reports = (party: PartyMention): boolean =>
    reporting.some(
      (verb) =>
        verb.first > party.last &&
        verb.first - party.last <= 2 &&
        !/[,;:"“”]/u.test(text.slice(party.end, verb.start)) &&
        [...groups, ...view.parties].some((other) => other.first > verb.last && other.start < firstAmount),
    );
  // "buy US weapons": the seller; ", which Norway and Denmark also financed": others in a relative clause.
  const seller = (party: PartyMention): boolean => /\b(buy|buys|bought|buying|purchase[sd]?|kaufen|kauft|gekauft)\s+$/iu.test(text.slice(Math.max(0, party.start - 20), party.start));
  const relative = (party: PartyMention): boolean =>
    money.some((m) => m.end <= party.start && /,\s*(which|who|die|der|das|dem|den)\s/iu.test(text.slice(m.end, party.start)));
  const donors = view.parties.filter(
    (party) =>
      actsAsParty(view, party) &&
      !seller(party) &&
      !relative(party) &&
      !party.prepositional &&
      !party.speaker &&
      party.codes.every((code) => !lexicon.nonProviders.has(code)) &&
      !namesProgramme(party.end) &&
      !reports(party),
  );
  if (donors.length === 0) return [];
  const date = context.articleDate
    ? findDates({ article: text, start: view.sentence.start, end: view.sentence.end, articleDate: context.articleDate, language: context.language })[0]?.date ?? null
    : null;
  const programme = isPurl(context, index) ? 'purl' : 'other';
  // The European Council decides; the Union lends and gives (ANNOTATION.md C1: the EUR 90 bn loan, donor EU).
  const make = (codes: string[], amount: number, currency: string): ContributionProposal => ({
    kind: 'contribution',
    donors: [...new Set(codes.map((code) => (code === 'EUCO' ? 'EU' : code)))],
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
      const currency = owner ? resolveCurrency(amount.currency, owner.codes, lexicon) : null;
      if (owner && currency && !split.some((c) => c.donors.includes(owner.codes[0] ?? ''))) split.push(make(owner.codes, amount.amount, currency));
    }
    if (split.length >= 2) return split;
  }
  const first = distinct[0];
  const codes = donors.flatMap((party) => party.codes);
  const currency = first ? resolveCurrency(first.currency, codes, lexicon) : null;
  if (!first || !currency) return [];
  return [make(codes, first.amount, currency)];
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
  const found = findMoney(span, lexicon)[0];
  const currency = found ? resolveCurrency(found.currency, view.parties.flatMap((party) => party.codes), lexicon) : null;
  const money = found && currency ? { ...found, currency } : undefined;
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
