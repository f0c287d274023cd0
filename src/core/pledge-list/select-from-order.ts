import type { Pledge } from '../types.js';
import type { PledgeRowState } from './pledge-row-text.js';
import { EXPLANATION_SEARCH_LIMIT, foldText, type PledgeListQuery } from './select-pledge-rows.js';

// A list request answered from what is derived once per dataset (pledge-list-order.ts): walk the order of the
// sorted column, keep the positions the filters let through, then those whose search text holds every word. The
// same rows in the same order as selectPledgeRows, the reference that sorts and searches from scratch.

/** A dataset's pledges with what the list derived from them, under one scenario. */
export interface OrderedPledges {
  pledges: readonly Pledge[];
  stateAt: (position: number) => PledgeRowState;
  /** Per position: pledgeSearchText. */
  searchTexts: readonly string[];
  /** Per state: stateSearchWords. */
  stateWords: Readonly<Record<PledgeRowState, string>>;
  /** Each position's explanation sentence (null when plainly certain), read only for a search among few rows. */
  explanations: (positions: readonly number[]) => (string | null)[];
}

const CHUNK = 2000;

/** The positions in `order` (every position, sorted as asked) that match the query's filters and search. */
export function selectFromOrder(source: OrderedPledges, order: Int32Array, query: PledgeListQuery): number[] {
  const { pledges, stateAt } = source;
  const filtered: number[] = [];
  for (const position of order) {
    const pledge = pledges[position] as Pledge;
    if (query.party && pledge.party !== query.party) continue;
    if (query.capability && pledge.capability !== query.capability) continue;
    if (query.domain && !inDomain(pledge.capability, query.domain)) continue;
    if (query.state && stateAt(position) !== query.state) continue;
    if (query.knownOn && pledge.announcedOn !== undefined && pledge.announcedOn > query.knownOn) continue;
    filtered.push(position);
  }
  const words = foldText(query.q ?? '').split(/\s+/).filter(Boolean);
  if (words.length === 0) return filtered;
  // A word has no white space, and the texts' parts are joined by white space: a word found in the row's text
  // is found in one part of it, so the state's words can be searched apart from the rest.
  const holds = (position: number, word: string): boolean => (source.searchTexts[position] as string).includes(word) || source.stateWords[stateAt(position)].includes(word);
  const matched = new Uint8Array(pledges.length);
  const rest: number[] = [];
  for (const position of filtered) {
    if (words.every((word) => holds(position, word))) matched[position] = 1;
    else rest.push(position);
  }
  // Explanations are built only among few filtered rows (a party's list): for 100,000 they take seconds.
  if (filtered.length <= EXPLANATION_SEARCH_LIMIT) {
    for (let start = 0; start < rest.length; start += CHUNK) {
      const chunk = rest.slice(start, start + CHUNK);
      const sentences = source.explanations(chunk);
      chunk.forEach((position, i) => {
        const sentence = sentences[i];
        if (!sentence) return;
        const folded = foldText(sentence);
        if (words.every((word) => holds(position, word) || folded.includes(word))) matched[position] = 1;
      });
    }
  }
  return filtered.filter((position) => matched[position] === 1);
}

// `land` holds `land.personnel`: the part of the id before the first dot.
function inDomain(capability: string, domain: string): boolean {
  const dot = capability.indexOf('.');
  return (dot < 0 ? capability : capability.slice(0, dot)) === domain;
}
