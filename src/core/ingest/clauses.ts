// Clauses of a sentence: cut at ";", dashes and contrastive words ("aber", "jedoch", "but", "while"), so
// that "keine Truppen …, aber mit Ausbildung …" gives a negative and a positive clause.

import type { ArticleContext, SentenceView } from './article-context.js';
import { findIn } from './article-context.js';

export interface Clause {
  /** Token indices [from, to) in the sentence. */
  from: number;
  to: number;
  start: number;
  end: number;
}

/** The clauses of a sentence, in order. */
export function splitClauses(context: ArticleContext, view: SentenceView): Clause[] {
  const cuts = new Set<number>();
  const breaks = findIn(view, context.lexicon.clauseBreaks, context.text);
  for (const match of breaks) if (match.first > 0) cuts.add(match.first);
  for (let i = 1; i < view.tokens.length; i += 1) {
    const gap = context.text.slice(view.tokens[i - 1]?.end ?? 0, view.tokens[i]?.start ?? 0);
    if (/;|\s[–—]\s|—|:\s/.test(gap)) cuts.add(i);
  }
  const ordered = [...cuts].sort((a, b) => a - b);
  const clauses: Clause[] = [];
  let from = 0;
  for (const cut of [...ordered, view.tokens.length]) {
    if (cut <= from) continue;
    clauses.push({ from, to: cut, start: view.tokens[from]?.start ?? 0, end: view.tokens[cut - 1]?.end ?? 0 });
    from = cut;
  }
  return clauses;
}

/** The clause that holds a token. */
export function clauseOf(clauses: readonly Clause[], token: number): number {
  const index = clauses.findIndex((clause) => token >= clause.from && token < clause.to);
  return index < 0 ? 0 : index;
}
