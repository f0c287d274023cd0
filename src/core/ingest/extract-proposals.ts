// News ingestion's core (issue 28, docs/ingestion.md): an article's text in, proposed records out, each
// with the verbatim sentence it rests on. Pure: the lexicons and the article date are passed in.

import { buildArticleContext } from './article-context.js';
import { detectLanguage } from './detect-language.js';
import { extractContributions, extractEstimates } from './extract-money-records.js';
import { extractMeetings } from './extract-meetings.js';
import { extractPledges } from './extract-pledges.js';
import { extractFacts, extractSanctions } from './extract-status-records.js';
import type { Language, Proposal, QuoteSpan, RawLexicons } from './types.js';

export interface ExtractOptions {
  text: string;
  /** The article's date (YYYY-MM-DD) for relative dates; null leaves relative dates unresolved. */
  articleDate: string | null;
  /** Detected from the text when absent. */
  language?: Language;
  lexicons: RawLexicons;
}

export interface LocatedProposal {
  proposal: Proposal;
  /** Where the quote lies in the text. */
  span: QuoteSpan;
}

export type ExtractResult = { ok: true; language: Language; proposals: LocatedProposal[] } | { ok: false; reason: 'unknown_language' };

function keyOf(proposal: Proposal): string {
  switch (proposal.kind) {
    case 'pledge':
      return `pledge|${proposal.party}|${proposal.domain}|${proposal.negative}`;
    case 'contribution':
      return `contribution|${[...proposal.donors].sort().join(',')}|${proposal.amount}|${proposal.currency}`;
    case 'estimate':
      return `estimate|${proposal.amount}|${proposal.unit}`;
    case 'sanctions':
      return `sanctions|${proposal.jurisdiction}|${proposal.number ?? proposal.quote}`;
    case 'fact':
      return `fact|${proposal.fact}|${String(proposal.value)}`;
    case 'meeting':
      return `meeting|${proposal.date ?? ''}|${proposal.quote}`;
  }
}

/** Propose records for an article: meetings, contributions, pledges, estimates, sanctions and facts. */
export function extractProposals(options: ExtractOptions): ExtractResult {
  const language = options.language ?? detectLanguage(options.text, options.lexicons.cues.language);
  if (!language) return { ok: false, reason: 'unknown_language' };
  const context = buildArticleContext({ text: options.text, language, lexicons: options.lexicons, articleDate: options.articleDate });
  const found: { proposal: Proposal; sentence: number }[] = extractMeetings(context);
  context.sentences.forEach((_, index) => {
    const contributions = extractContributions(context, index);
    // A capability named beside an amount is what the money is for: the record is the contribution.
    for (const proposal of [
      ...contributions,
      ...(contributions.length > 0 ? [] : extractPledges(context, index)),
      ...extractEstimates(context, index),
      ...extractSanctions(context, index),
      ...extractFacts(context, index),
    ]) {
      found.push({ proposal, sentence: index });
    }
  });
  found.sort((a, b) => a.sentence - b.sentence);
  const seen = new Map<string, Proposal>();
  const proposals: LocatedProposal[] = [];
  for (const { proposal, sentence } of found) {
    const key = keyOf(proposal);
    const first = seen.get(key);
    if (first) {
      // A headline without a date, then the body with one: the record keeps its first quote and gains the date.
      if ((first.kind === 'contribution' || first.kind === 'sanctions') && first.date === null && 'date' in proposal) first.date = proposal.date;
      continue;
    }
    seen.set(key, proposal);
    const view = context.sentences[sentence];
    proposals.push({ proposal, span: { start: view?.sentence.start ?? 0, end: view?.sentence.end ?? 0 } });
  }
  return { ok: true, language, proposals };
}
