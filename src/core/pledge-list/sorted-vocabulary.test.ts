import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rankOf, rankValues, sortVocabulary } from './sorted-vocabulary.js';

// A vocabulary made from the previous one ranks every value exactly as one sorted from scratch: a value's rank is
// how many values the collator puts strictly before it.

const collators = [new Intl.Collator('en'), new Intl.Collator('de-DE', { numeric: true, sensitivity: 'base' }), new Intl.Collator('en-GB', { numeric: true, sensitivity: 'base' })];
const word = fc.constantFrom('a', 'A', 'b', 'ä', 'Ä', 'a1', 'a01', 'a2', 'a10', 'A10', 'é', 'e', 'E', 'z', 'p-1', 'P-1', 'p 1', '', 'Österreich', 'osterreich');
const values = fc.array(fc.oneof(word, fc.tuple(word, word).map(([x, y]) => x + y)), { maxLength: 30 });

describe('a sorted vocabulary', () => {
  it('ranks values as the collator does, equal ones alike, whether made from scratch or from a previous one', () => {
    fc.assert(
      fc.property(fc.constantFrom(...collators), fc.array(values, { minLength: 1, maxLength: 4 }), (collator, versions) => {
        let previous;
        for (const version of versions) {
          const made = sortVocabulary(version, collator.compare, previous);
          const distinct = [...new Set(version)];
          const rank = (value: string): number => distinct.filter((other) => collator.compare(other, value) < 0).length;
          for (const value of distinct) expect(rankOf(made, value), value).toBe(rank(value));
          expect([...made.index.keys()].sort()).toEqual([...distinct].sort());
          // Per value, from the previous vocabulary (itself when nothing changed) or this one: the same ranks.
          for (const from of [previous, made]) expect([...rankValues(version, collator.compare, from).ranks]).toEqual(version.map((value) => (value === '' ? -1 : rank(value))));
          previous = made;
        }
      }),
      { numRuns: 2000 },
    );
  });
});
