// Sanctions packages (ANNOTATION.md S1) and condition facts (F1).

import { findIn, type ArticleContext } from './article-context.js';
import { findDates } from './resolve-dates.js';
import { parseNumberWord } from './find-amounts.js';
import type { FactProposal, SanctionsProposal } from './types.js';

const ORDINAL_WORDS: Record<string, number> = {
  first: 1, second: 2, third: 3, fourth: 4, fifth: 5, sixth: 6, seventh: 7, eighth: 8, ninth: 9, tenth: 10, eleventh: 11, twelfth: 12,
  thirteenth: 13, fourteenth: 14, fifteenth: 15, sixteenth: 16, seventeenth: 17, eighteenth: 18, nineteenth: 19, twentieth: 20,
};

function ordinalBefore(context: ArticleContext, start: number): number | null {
  const words = context.text.slice(Math.max(0, start - 40), start).match(/[\p{L}\p{N}]+\.?/gu) ?? [];
  for (const raw of words.slice(-3).reverse()) {
    const digits = /^(\d{1,3})(?:\.|st|nd|rd|th)$/u.exec(raw);
    if (digits) return Number(digits[1]);
    const word = raw.toLowerCase().replace(/\.$/, '');
    const english = ORDINAL_WORDS[word];
    if (english) return english;
    for (const ending of ['sten', 'ster', 'stes', 'ste', 'ten', 'ter', 'tes', 'te']) {
      if (!word.endsWith(ending)) continue;
      const value = parseNumberWord(word.slice(0, -ending.length), context.lexicon.numberWords);
      if (value !== null && value > 1 && value < 100) return value;
    }
  }
  return null;
}

/** Sanctions packages adopted or imposed, stated in one sentence. */
export function extractSanctions(context: ArticleContext, index: number): SanctionsProposal[] {
  const view = context.sentences[index];
  if (!view) return [];
  const lexicon = context.lexicon;
  const text = context.text;
  const nouns = findIn(view, lexicon.sanctionNouns, text);
  if (nouns.length === 0) return [];
  if (findIn(view, lexicon.sanctionAdopted, text).length === 0) return [];
  if (findIn(view, lexicon.sanctionNotAdopted, text).length > 0) return [];
  const jurisdiction =
    findIn(view, lexicon.jurisdictions, text)[0]?.payload ??
    view.parties.find((party) => !party.prepositional && party.codes.length === 1 && !lexicon.nonProviders.has(party.codes[0] ?? ''))?.codes[0];
  if (!jurisdiction) return [];
  const noun = nouns[0];
  const date = context.articleDate
    ? findDates({ article: text, start: view.sentence.start, end: view.sentence.end, articleDate: context.articleDate, language: context.language })[0]?.date ?? null
    : null;
  const measures = [...new Set(findIn(view, lexicon.measures, text).map((match) => match.payload))];
  return [{ kind: 'sanctions', jurisdiction, number: noun ? ordinalBefore(context, noun.start) : null, date, measures, quote: view.sentence.text }];
}

/** The condition fact whose status a sentence asserts (the first rule that matches), if any. */
export function extractFacts(context: ArticleContext, index: number): FactProposal[] {
  const view = context.sentences[index];
  if (!view) return [];
  for (const rule of context.lexicon.facts) {
    if (!rule.all.every((matcher) => findIn(view, matcher, context.text).length > 0)) continue;
    if (rule.none.some((matcher) => findIn(view, matcher, context.text).length > 0)) continue;
    return [{ kind: 'fact', fact: rule.fact, value: rule.value, quote: view.sentence.text }];
  }
  return [];
}
