import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import { positionsOf } from '../core/dataset/record-positions.js';
import { buildSearchTexts, columnCollator, columnTexts, orderById, orderByRanks, orderByState, quantityRanks, stateSearchWords } from '../core/pledge-list/pledge-list-order.js';
import { type PledgeListLanguage, type PledgeNames, type PledgeRowState, type PledgeTexts, pledgeTexts } from '../core/pledge-list/pledge-row-text.js';
import type { PledgeListQuery } from '../core/pledge-list/select-pledge-rows.js';
import { estimateVocabularyBytes, rankValues, type SortedVocabulary } from '../core/pledge-list/sorted-vocabulary.js';
import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import type { Pledge } from '../core/types.js';
import type { CacheStats } from './head-keyed-cache.js';
import { OwnerKeyedCache } from './owner-keyed-cache.js';

// What the pledge list derives from a dataset and keeps (core/pledge-list/pledge-list-order.ts): the search text
// per pledge and, per sortable column, language and direction, the order of all pledges — per dataset, or per
// scenario result for the columns a scenario decides (state, why). One cache, bounded by bytes (GET /health,
// `pledge-list`). Each column's sorted values are kept too, so that the orders of the dataset after a write are
// made from them with a few comparisons instead of a collator sort of 100,000 values.

const MB = 1024 * 1024;
const STATE_NAMES: readonly PledgeRowState[] = ['inactive', 'possible', 'certain'];

/** A pledge's state under a scenario result. */
export function stateAt(result: ScenarioResult, position: number): PledgeRowState {
  return STATE_NAMES[result.states[position] ?? 0] ?? 'inactive';
}

/** Each position's explanation sentence (null when plainly certain), built in chunks. */
export function explanationsAt(result: ScenarioResult, positions: readonly number[]): (string | null)[] {
  const out: (string | null)[] = [];
  for (let start = 0; start < positions.length; start += 2000) out.push(...result.pledgesAt(positions.slice(start, start + 2000)).map((pledge) => pledge.explanation));
  return out;
}

const orderBytes = (order: Int32Array): number => 64 + order.byteLength;
const COLLATORS: Readonly<Record<PledgeListLanguage, Intl.Collator>> = { en: columnCollator('en'), de: columnCollator('de') };

export class PledgeListOrders {
  private readonly cache = new OwnerKeyedCache('pledge-list', 192 * MB);
  // Search texts by pledge record, while the names they hold stay the same: a write changes few records.
  private texts: { signature: string; byPledge: WeakMap<Pledge, string> } | undefined;

  /** The dataset's names, cell texts in both languages, and where each pledge stands (the dataset's own index, kept across writes; a view's, derived from it: access/view-positions.ts). */
  names(dataset: PreparedDataset): PledgeNames & { positions: ReadonlyMap<string, number>; texts: Readonly<Record<PledgeListLanguage, PledgeTexts>> } {
    return this.cache.get(dataset, 'names', () => {
      const names = { parties: new Map(dataset.parties.map((party) => [party.id, party])), capabilities: dataset.capabilityById, positions: positionsOf(dataset.pledges) };
      return { ...names, texts: { en: pledgeTexts('en', names), de: pledgeTexts('de', names) } };
    }, () => 4096 + 256 * dataset.parties.length);
  }

  /** Every pledge's search text, without its state (pledgeSearchText). */
  searchTexts(dataset: PreparedDataset): readonly string[] {
    return this.cache.get(dataset, 'search-texts', () => {
      const { texts } = this.names(dataset);
      const signature = JSON.stringify([dataset.parties.map((party) => [party.id, party.name]), [...dataset.capabilityById.values()].map((capability) => [capability.id, capability.name, capability.unit])]);
      if (this.texts?.signature !== signature) this.texts = { signature, byPledge: new WeakMap() };
      const { byPledge } = this.texts;
      const built = buildSearchTexts(dataset.pledges, texts, (pledge) => byPledge.get(pledge));
      dataset.pledges.forEach((pledge, i) => byPledge.set(pledge, built[i] as string));
      return built;
    }, (texts) => texts.reduce((bytes, text) => bytes + 40 + 2 * text.length, 64));
  }

  /** The words of each state, as searched. */
  stateWords(dataset: PreparedDataset): Readonly<Record<PledgeRowState, string>> {
    return stateSearchWords(this.names(dataset).texts);
  }

  /** Every position of the dataset in the order the query's sort asks for (by id without one). */
  order(dataset: PreparedDataset, result: ScenarioResult, sort: PledgeListQuery['sort'], language: PledgeListLanguage): Int32Array {
    const byId = this.byId(dataset);
    if (!sort) return byId;
    const { column, descending } = sort;
    const direction = descending ? 'desc' : 'asc';
    switch (column) {
      case 'quantity':
        return this.cache.get(dataset, `order:quantity:${direction}`, () => orderByRanks(byId, quantityRanks(dataset.pledges), dataset.pledges.length, descending), orderBytes);
      // A scenario decides these: kept with its result (and the dataset it ran on).
      case 'state':
        return this.cache.get(result, `order:state:${direction}:${this.cache.tokenOf(dataset)}`, () => orderByState(byId, (position) => stateAt(result, position), descending), orderBytes);
      case 'explanation':
        return this.cache.get(result, `order:explanation:${language}:${direction}:${this.cache.tokenOf(dataset)}`, () => {
          const sentences = explanationsAt(result, Array.from(byId.keys())).map((sentence) => sentence ?? '');
          return this.byText(byId, sentences, `explanation:${language}`, COLLATORS[language], descending);
        }, orderBytes);
      default:
        return this.cache.get(dataset, `order:${column}:${language}:${direction}`, () => {
          const values = columnTexts(dataset.pledges, column, this.names(dataset).texts[language]);
          return this.byText(byId, values, `${column}:${language}`, COLLATORS[language], descending);
        }, orderBytes);
    }
  }

  /** Something else derived from the dataset alone, kept in the same cache. */
  remember<V>(dataset: PreparedDataset, question: string, compute: () => V, sizeOf: (value: V) => number): V {
    return this.cache.get(dataset, question, compute, sizeOf);
  }

  /** The cache's size (GET /health). */
  stats(): CacheStats {
    return this.cache.stats();
  }

  // All positions by id: the order without a sort, and every sort's tie-break.
  private byId(dataset: PreparedDataset): Int32Array {
    return this.cache.get(dataset, 'order:by-id', () => {
      const { order, vocabulary } = orderById(dataset.pledges, this.cache.peek<SortedVocabulary>('vocabulary:by-id'));
      this.cache.put('vocabulary:by-id', vocabulary, estimateVocabularyBytes(vocabulary));
      return order;
    }, orderBytes);
  }

  private byText(byId: Int32Array, values: readonly string[], name: string, collator: Intl.Collator, descending: boolean): Int32Array {
    const { vocabulary, ranks } = rankValues(values, collator.compare, this.cache.peek<SortedVocabulary>(`vocabulary:${name}`));
    this.cache.put(`vocabulary:${name}`, vocabulary, estimateVocabularyBytes(vocabulary));
    return orderByRanks(byId, ranks, vocabulary.sorted.length, descending);
  }
}
