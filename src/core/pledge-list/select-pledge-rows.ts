import type { Pledge } from '../types.js';
import type { PledgeListColumn, PledgeListLanguage, PledgeRowState, PledgeTexts } from './pledge-row-text.js';

// The pledge list as the table asks for it (filters, a text search over what the table shows, a sort by one of
// its columns), computed over dataset positions so that only the page asked for is ever built as objects. The
// same rules as the web's table (components/data-table.data.ts): every word of the search must occur, accents and
// case ignored, in the row's text; a sort is stable, empty values last; without a sort, rows go by id.

/** What a list request filters and sorts by. */
export interface PledgeListQuery {
  party?: string | undefined;
  capability?: string | undefined;
  /** A capability's domain: the part of its id before the first dot (`land` of `land.personnel`). */
  domain?: string | undefined;
  state?: PledgeRowState | undefined;
  q?: string | undefined;
  sort?: { column: PledgeListColumn; descending: boolean } | undefined;
  /** Leave out pledges announced after this date (they were not known then). */
  knownOn?: string | undefined;
}

/** The evaluated pledges a list is drawn from. */
export interface PledgeListSource {
  /** The dataset's pledges, and per pledge its state (in the same order). */
  pledges: readonly Pledge[];
  states: readonly PledgeRowState[] | ((position: number) => PledgeRowState);
  /** The cell texts in each language: a search finds a row by its words in either. */
  texts: Readonly<Record<PledgeListLanguage, PledgeTexts>>;
  /** The language of the page (sort order of names). */
  language: PledgeListLanguage;
  /** Each position's explanation sentence (null when plainly certain), built only when a search or sort needs it. */
  explanations: (positions: readonly number[]) => (string | null)[];
}

/** Lower case without accents, so "Osterreich" finds "Österreich". */
export function foldText(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

/** The positions of the pledges that match `query`, in its order. */
export function selectPledgeRows(source: PledgeListSource, query: PledgeListQuery): number[] {
  const stateAt = typeof source.states === 'function' ? source.states : (position: number) => (source.states as readonly PledgeRowState[])[position] as PledgeRowState;
  let positions: number[] = [];
  source.pledges.forEach((pledge, position) => {
    if (query.party && pledge.party !== query.party) return;
    if (query.capability && pledge.capability !== query.capability) return;
    if (query.domain && pledge.capability.split('.')[0] !== query.domain) return;
    if (query.state && stateAt(position) !== query.state) return;
    if (query.knownOn && pledge.announcedOn !== undefined && pledge.announcedOn > query.knownOn) return;
    positions.push(position);
  });
  const words = foldText(query.q ?? '').split(/\s+/).filter(Boolean);
  if (words.length > 0) positions = searchPositions(source, positions, words, stateAt);
  return sortPositions(source, positions, query.sort, stateAt);
}

const CHUNK = 2000;
/** A search reads explanations only among this many filtered rows (a party's pledges): building every explanation of 100,000 takes seconds. */
export const EXPLANATION_SEARCH_LIMIT = 5000;

// The positions whose text holds every word: the cells first; the explanation is built only for rows the cells
// alone do not match, and only when the filters leave at most EXPLANATION_SEARCH_LIMIT rows.
function searchPositions(source: PledgeListSource, positions: readonly number[], words: readonly string[], stateAt: (position: number) => PledgeRowState): number[] {
  const fold = memoFold();
  const { en, de } = source.texts;
  // Most cells repeat across rows (a party, a capability with its areas, a status, a condition): each is folded once.
  const cells = new Map<string, string>();
  const cell = (key: string, make: () => string): string => {
    let value = cells.get(key);
    if (value === undefined) cells.set(key, (value = make()));
    return value;
  };
  const matched = new Set<number>();
  const rest: { position: number; text: string }[] = [];
  for (const position of positions) {
    const pledge = source.pledges[position] as Pledge;
    const state = stateAt(position);
    const quantity = pledge.quantity ? `${pledge.quantity.min}-${pledge.quantity.max}` : '';
    const text = [
      fold(pledge.id),
      cell(`p\u0001${pledge.party}`, () => [en.party(pledge.party), de.party(pledge.party), pledge.party].map(fold).join(' \u0001 ')),
      cell(`c\u0001${pledge.capability}\u0001${pledge.areas.join(',')}\u0001${quantity}`, () => [en.capabilityCell(pledge), de.capabilityCell(pledge), en.quantity(pledge), de.quantity(pledge)].map(fold).join(' \u0001 ')),
      cell(`s\u0001${pledge.status}\u0001${state}`, () => [en.status(pledge.status), de.status(pledge.status), en.state(state), de.state(state)].map(fold).join(' \u0001 ')),
      fold(pledge.condition),
      pledge.note === undefined ? '' : foldText(pledge.note),
      fold(pledge.sources.join('; ')),
    ].join(' \u0001 ');
    if (words.every((word) => text.includes(word))) matched.add(position);
    else rest.push({ position, text });
  }
  const explained = positions.length <= EXPLANATION_SEARCH_LIMIT ? rest : [];
  for (let start = 0; start < explained.length; start += CHUNK) {
    const chunk = explained.slice(start, start + CHUNK);
    const sentences = source.explanations(chunk.map((entry) => entry.position));
    chunk.forEach((entry, i) => {
      const sentence = sentences[i];
      if (!sentence) return;
      const text = `${entry.text} \u0001 ${foldText(sentence)}`;
      if (words.every((word) => text.includes(word))) matched.add(entry.position);
    });
  }
  return positions.filter((position) => matched.has(position));
}

function memoFold(): (text: string) => string {
  const folded = new Map<string, string>();
  return (text) => {
    // Plain ASCII needs no accent removal.
    if (/^[\x20-\x7e]*$/.test(text)) return text.toLowerCase();
    let value = folded.get(text);
    if (value === undefined) folded.set(text, (value = foldText(text)));
    return value;
  };
}

const STATE_ORDER: Readonly<Record<PledgeRowState, number>> = { certain: 0, possible: 1, inactive: 2 };

// By id first (the order without a sort), then stably by the column; an empty value goes last either way.
function sortPositions(source: PledgeListSource, positions: readonly number[], sort: PledgeListQuery['sort'], stateAt: (position: number) => PledgeRowState): number[] {
  const byId = new Intl.Collator('en');
  const ids = positions.map((position) => (source.pledges[position] as Pledge).id);
  const base = positions.map((_, i) => i).sort((a, b) => byId.compare(ids[a] as string, ids[b] as string));
  const ordered = base.map((i) => positions[i] as number);
  if (!sort) return ordered;
  const keys = sortKeys(source, ordered, sort.column, stateAt);
  const sign = sort.descending ? -1 : 1;
  const index = ordered.map((_, i) => i);
  index.sort((a, b) => {
    const ka = keys[a] as number | null;
    const kb = keys[b] as number | null;
    if (ka === null) return kb === null ? a - b : 1;
    if (kb === null) return -1;
    return ka === kb ? a - b : sign * (ka - kb);
  });
  return index.map((i) => ordered[i] as number);
}

// A number per row to sort by (null: empty, last): texts are ranked once among their distinct values, as the
// table's collator orders them (numbers inside text by value, case and accents aside).
function sortKeys(source: PledgeListSource, positions: readonly number[], column: PledgeListColumn, stateAt: (position: number) => PledgeRowState): (number | null)[] {
  const texts = source.texts[source.language];
  const pledgeAt = (position: number): Pledge => source.pledges[position] as Pledge;
  switch (column) {
    case 'quantity':
      return positions.map((position) => pledgeAt(position).quantity?.max ?? null);
    case 'state':
      return positions.map((position) => STATE_ORDER[stateAt(position)]);
    case 'id':
      return rankTexts(positions.map((position) => pledgeAt(position).id), source.language);
    case 'party':
      return rankTexts(positions.map((position) => texts.party(pledgeAt(position).party)), source.language);
    case 'capability':
      return rankTexts(positions.map((position) => texts.capability(pledgeAt(position).capability)), source.language);
    case 'status':
      return rankTexts(positions.map((position) => texts.status(pledgeAt(position).status)), source.language);
    case 'condition':
      return rankTexts(positions.map((position) => pledgeAt(position).condition), source.language);
    case 'sources':
      return rankTexts(positions.map((position) => pledgeAt(position).sources.join('; ')), source.language);
    case 'explanation': {
      const sentences: (string | null)[] = [];
      for (let start = 0; start < positions.length; start += CHUNK) sentences.push(...source.explanations(positions.slice(start, start + CHUNK)));
      return rankTexts(sentences.map((sentence) => sentence ?? ''), source.language);
    }
  }
}

function rankTexts(values: readonly string[], language: PledgeListLanguage): (number | null)[] {
  const collator = new Intl.Collator(language === 'de' ? 'de-DE' : 'en-GB', { numeric: true, sensitivity: 'base' });
  const distinct = [...new Set(values)].sort(collator.compare);
  const rank = new Map<string, number>();
  distinct.forEach((value, i) => {
    // Values the collator holds equal share a rank, so the tie falls to the order by id.
    const previous = distinct[i - 1];
    rank.set(value, previous !== undefined && collator.compare(previous, value) === 0 ? (rank.get(previous) as number) : i);
  });
  return values.map((value) => (value === '' ? null : (rank.get(value) as number)));
}
