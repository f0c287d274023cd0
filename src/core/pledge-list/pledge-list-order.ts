import type { Pledge } from '../types.js';
import type { PledgeListColumn, PledgeListLanguage, PledgeRowState, PledgeTexts } from './pledge-row-text.js';
import { foldText } from './select-pledge-rows.js';
import { rankValues, type SortedVocabulary } from './sorted-vocabulary.js';

// What the pledge list derives from a dataset once (the service caches it per dataset, language and scenario):
// each pledge's search text and, per sortable column, the order of all pledges as positions. A request then
// walks one order and keeps the rows its filters and search let through — the same rows in the same order as
// selectPledgeRows (the reference: sort, filter, search from scratch), which a property test holds equal.

/** Collators of the list: the order by id without a sort, and a language's order of what the table shows. */
export const ID_COLLATOR = new Intl.Collator('en');
export function columnCollator(language: PledgeListLanguage): Intl.Collator {
  return new Intl.Collator(language === 'de' ? 'de-DE' : 'en-GB', { numeric: true, sensitivity: 'base' });
}

/** The columns sorted by text: a vocabulary each, in each language. */
export type TextColumn = Exclude<PledgeListColumn, 'quantity' | 'state'>;

/** A column's text per pledge, as the table shows it and sorts by it ('' is empty: last). */
export function columnTexts(pledges: readonly Pledge[], column: Exclude<TextColumn, 'explanation'>, texts: PledgeTexts): string[] {
  switch (column) {
    case 'id': return pledges.map((pledge) => pledge.id);
    case 'party': return pledges.map(memo((pledge) => pledge.party, texts.party));
    case 'capability': return pledges.map(memo((pledge) => pledge.capability, texts.capability));
    case 'status': return pledges.map(memo((pledge) => pledge.status, texts.status));
    case 'condition': return pledges.map((pledge) => pledge.condition);
    case 'sources': return pledges.map((pledge) => pledge.sources.join('; '));
  }
}

// A name looked up once per id (a party's country name is asked of Intl).
function memo(idOf: (pledge: Pledge) => string, name: (id: string) => string): (pledge: Pledge) => string {
  const names = new Map<string, string>();
  return (pledge) => {
    const id = idOf(pledge);
    let value = names.get(id);
    if (value === undefined) names.set(id, (value = name(id)));
    return value;
  };
}

/** Per position the rank of its quantity's maximum among all (-1: no quantity). */
export function quantityRanks(pledges: readonly Pledge[]): Int32Array {
  const distinct = Float64Array.from(new Set(pledges.flatMap((pledge) => (pledge.quantity ? [pledge.quantity.max] : [])))).sort();
  const rank = new Map<number, number>();
  distinct.forEach((value, i) => rank.set(value, i));
  return Int32Array.from(pledges, (pledge) => (pledge.quantity ? (rank.get(pledge.quantity.max) as number) : -1));
}

/** All positions by id (collator order, equal ids by position): the order without a sort and every sort's tie-break. */
export function orderById(pledges: readonly Pledge[], previous?: SortedVocabulary): { order: Int32Array; vocabulary: SortedVocabulary } {
  const ids = pledges.map((pledge) => pledge.id);
  const { vocabulary, ranks } = rankValues(ids, ID_COLLATOR.compare, previous);
  const all = Int32Array.from(ids.keys());
  return { order: orderByRanks(all, ranks, vocabulary.sorted.length, false), vocabulary };
}

/**
 * `base` (every position, by id) stably reordered by rank (0 … count-1), descending when asked; positions of rank
 * -1 (empty) last either way, by id. A counting sort: linear, no comparisons.
 */
export function orderByRanks(base: Int32Array, ranks: Int32Array, count: number, descending: boolean): Int32Array {
  const starts = new Int32Array(count + 2);
  const bucket = (position: number): number => {
    const rank = ranks[position] as number;
    return rank < 0 ? count : descending ? count - 1 - rank : rank;
  };
  for (const position of base) (starts[bucket(position) + 1] as number)++;
  for (let i = 1; i < starts.length; i++) starts[i] = (starts[i] as number) + (starts[i - 1] as number);
  const order = new Int32Array(base.length);
  for (const position of base) order[(starts[bucket(position)] as number)++] = position;
  return order;
}

const STATE_RANK: Readonly<Record<PledgeRowState, number>> = { certain: 0, possible: 1, inactive: 2 };

/** The order by state under one scenario (certain, possible, inactive; descending the reverse), ties by id. */
export function orderByState(base: Int32Array, stateAt: (position: number) => PledgeRowState, descending: boolean): Int32Array {
  const ranks = new Int32Array(base.length);
  for (const position of base) ranks[position] = STATE_RANK[stateAt(position)];
  return orderByRanks(base, ranks, 3, descending);
}

const SEPARATOR = ' \u0001 ';

/**
 * A pledge's search text without its state (which depends on the scenario): the cells the table shows in both
 * languages, folded — selectPledgeRows' row text with the state's words left out. `cell` folds texts shared by
 * many rows once.
 */
export function pledgeSearchText(pledge: Pledge, texts: Readonly<Record<PledgeListLanguage, PledgeTexts>>, cell: (key: string, make: () => string) => string): string {
  const { en, de } = texts;
  const quantity = pledge.quantity ? `${pledge.quantity.min}-${pledge.quantity.max}` : '';
  return [
    foldFast(pledge.id),
    cell(`p\u0001${pledge.party}`, () => [en.party(pledge.party), de.party(pledge.party), pledge.party].map(foldFast).join(SEPARATOR)),
    cell(`c\u0001${pledge.capability}\u0001${pledge.areas.join(',')}\u0001${quantity}`, () => [en.capabilityCell(pledge), de.capabilityCell(pledge), en.quantity(pledge), de.quantity(pledge)].map(foldFast).join(SEPARATOR)),
    cell(`s\u0001${pledge.status}`, () => [en.status(pledge.status), de.status(pledge.status)].map(foldFast).join(SEPARATOR)),
    foldFast(pledge.condition),
    pledge.note === undefined ? '' : foldText(pledge.note),
    foldFast(pledge.sources.join('; ')),
  ].join(SEPARATOR);
}

/** The words of a state in both languages, folded (searched beside a row's text). */
export function stateSearchWords(texts: Readonly<Record<PledgeListLanguage, PledgeTexts>>): Readonly<Record<PledgeRowState, string>> {
  const words = (state: PledgeRowState): string => [texts.en.state(state), texts.de.state(state)].map(foldText).join(SEPARATOR);
  return { certain: words('certain'), possible: words('possible'), inactive: words('inactive') };
}

/** Every position's search text (see pledgeSearchText); `known` gives those made before with the same names. */
export function buildSearchTexts(pledges: readonly Pledge[], texts: Readonly<Record<PledgeListLanguage, PledgeTexts>>, known: (pledge: Pledge) => string | undefined = () => undefined): string[] {
  const cells = new Map<string, string>();
  const cell = (key: string, make: () => string): string => {
    let value = cells.get(key);
    if (value === undefined) cells.set(key, (value = make()));
    return value;
  };
  return pledges.map((pledge) => known(pledge) ?? pledgeSearchText(pledge, texts, cell));
}

// Plain ASCII needs no accent removal.
function foldFast(text: string): string {
  return /^[\x20-\x7e]*$/.test(text) ? text.toLowerCase() : foldText(text);
}
