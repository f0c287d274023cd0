// The distinct values of a column, sorted once by a collator, each with its rank (values the collator holds equal
// share one, so their tie falls to the next key). Made again for the next dataset from the previous one: the values
// both hold keep their order, only the new ones are placed (binary search), so a write costs a few comparisons,
// not the collator sort of every value (about a second at 100,000 distinct ids).

export interface SortedVocabulary {
  /** The distinct values in order. */
  readonly sorted: readonly string[];
  /** Each value's index in `sorted`. */
  readonly index: ReadonlyMap<string, number>;
  /** Per index in `sorted`: its rank (0 first; values the collator holds equal share the first's). */
  readonly rankAt: Int32Array;
  /** Per index in `sorted`: 1 when the collator holds it equal to the value before. */
  readonly tied: Uint8Array;
}

/** A value's rank in the vocabulary (undefined: not in it). */
export function rankOf(vocabulary: SortedVocabulary, value: string): number | undefined {
  const index = vocabulary.index.get(value);
  return index === undefined ? undefined : vocabulary.rankAt[index];
}

/**
 * Per value its rank (-1: empty), and the vocabulary of `values` — `previous` itself when the values are the same
 * set (a write that changed no value of the column costs one lookup per value).
 */
export function rankValues(values: readonly string[], compare: (a: string, b: string) => number, previous?: SortedVocabulary): { vocabulary: SortedVocabulary; ranks: Int32Array } {
  const at = previous ? indexesIn(values, previous) : undefined;
  const vocabulary = at ? (previous as SortedVocabulary) : sortVocabulary(values, compare, previous);
  const ranks = new Int32Array(values.length);
  values.forEach((value, i) => {
    ranks[i] = value === '' ? -1 : (vocabulary.rankAt[at ? (at[i] as number) : (vocabulary.index.get(value) as number)] as number);
  });
  return { vocabulary, ranks };
}

// Per value its index in `vocabulary` when the values are exactly its values, else undefined.
function indexesIn(values: readonly string[], vocabulary: SortedVocabulary): Int32Array | undefined {
  const at = new Int32Array(values.length);
  const seen = new Uint8Array(vocabulary.sorted.length);
  let distinct = 0;
  for (let i = 0; i < values.length; i++) {
    const index = vocabulary.index.get(values[i] as string);
    if (index === undefined) return undefined;
    at[i] = index;
    if (seen[index] === 0) {
      seen[index] = 1;
      distinct++;
    }
  }
  return distinct === vocabulary.sorted.length ? at : undefined;
}

/** The distinct `values` sorted by `compare`, reusing `previous` (made with the same comparison) where it can. */
export function sortVocabulary(values: Iterable<string>, compare: (a: string, b: string) => number, previous?: SortedVocabulary): SortedVocabulary {
  const present = new Set(values);
  const kept: string[] = [];
  // Per kept value: its index in `previous`, to tell whether it still follows the same neighbour.
  const keptFrom: number[] = [];
  if (previous) {
    previous.sorted.forEach((value, index) => {
      if (!present.has(value)) return;
      kept.push(value);
      keptFrom.push(index);
    });
  }
  const added = [...present].filter((value) => !previous?.index.has(value)).sort(compare);
  // Where each added value goes among the kept ones (first place not before it: an equal value joins its group).
  const sorted: string[] = [];
  const from: number[] = [];
  let next = 0;
  for (const value of added) {
    let low = next;
    let high = kept.length;
    while (low < high) {
      const middle = (low + high) >> 1;
      if (compare(kept[middle] as string, value) < 0) low = middle + 1;
      else high = middle;
    }
    for (; next < low; next++) {
      sorted.push(kept[next] as string);
      from.push(keptFrom[next] as number);
    }
    sorted.push(value);
    from.push(-1);
  }
  for (; next < kept.length; next++) {
    sorted.push(kept[next] as string);
    from.push(keptFrom[next] as number);
  }
  const tied = new Uint8Array(sorted.length);
  const rankAt = new Int32Array(sorted.length);
  const index = new Map<string, number>();
  let rank = 0;
  sorted.forEach((value, i) => {
    if (i > 0) {
      const before = from[i - 1] as number;
      const here = from[i] as number;
      // Neighbours before too: their tie is known; otherwise ask the collator.
      tied[i] = previous && before >= 0 && here === before + 1 ? (previous.tied[here] as number) : compare(sorted[i - 1] as string, value) === 0 ? 1 : 0;
    }
    if (tied[i] === 0) rank = i;
    rankAt[i] = rank;
    index.set(value, i);
  });
  return { sorted, index, rankAt, tied };
}

/** About how many bytes a vocabulary keeps (its strings are shared with the records). */
export function estimateVocabularyBytes(vocabulary: SortedVocabulary): number {
  return 64 + 90 * vocabulary.sorted.length;
}
