import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendRecord, findById, positionsOf, removeRecord, replaceRecord } from './record-positions.js';

// The index a write passes on to the list it makes (record-positions.ts) against one built from the list: on random
// sequences of creates (ids sometimes taken, as in capabilities or a change the full check refuses), updates and
// deletes, the same entries in the same order, size, and lookups; a delete keeps what `filter` keeps.

interface Item {
  id: string;
  version: number;
}

const brute = (list: readonly Item[]): Map<string, number> => {
  const built = new Map<string, number>();
  list.forEach((item, i) => {
    if (!built.has(item.id)) built.set(item.id, i);
  });
  return built;
};

const IDS = ['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h'];

describe('record positions after writes', () => {
  it('a delete of a missing id copies the list with the same index', () => {
    const list = [{ id: 'a', version: 0 }];
    const next = removeRecord(list, 'z');
    expect(next).toEqual(list);
    expect(next).not.toBe(list);
    expect(positionsOf(next)).toBe(positionsOf(list));
  });

  it('a delete of a repeated id removes every record of it, as filter did', () => {
    const list = [{ id: 'a', version: 0 }, { id: 'b', version: 0 }, { id: 'a', version: 1 }];
    const next = removeRecord(list, 'a');
    expect(next).toEqual([{ id: 'b', version: 0 }]);
    expect([...positionsOf(next)]).toEqual([['b', 0]]);
  });

  it('equal the index of the list on random sequences of creates, updates and deletes', () => {
    const write = fc.tuple(fc.constantFrom('create', 'update', 'delete'), fc.constantFrom(...IDS), fc.boolean());
    fc.assert(
      fc.property(fc.uniqueArray(fc.constantFrom(...IDS)), fc.array(write, { minLength: 1, maxLength: 30 }), (start, writes) => {
        let list: Item[] = start.map((id) => ({ id, version: 0 }));
        let version = 1;
        for (const [kind, pick, fresh] of writes) {
          // Mostly new ids for creates and present ones for updates and deletes, so that the lists stay long.
          const present = list.length > 0 && !fresh ? (list[IDS.indexOf(pick) % list.length] as Item).id : pick;
          const id = kind === 'create' && fresh ? `${pick}${version}` : present;
          if (kind === 'create') list = appendRecord(list, { id, version: version++ });
          else if (kind === 'update') list = replaceRecord(list, { id, version: version++ });
          else {
            const expected = list.filter((item) => item.id !== id);
            list = removeRecord(list, id);
            expect(list).toEqual(expected);
          }
          const positions = positionsOf(list);
          const expected = brute(list);
          expect([...positions]).toEqual([...expected]);
          expect(positions.size).toBe(expected.size);
          for (const other of [...IDS, ...expected.keys(), 'never']) {
            expect(positions.get(other)).toBe(expected.get(other));
            expect(findById(list, other)).toBe(list[expected.get(other) ?? -1]);
          }
        }
      }),
      { numRuns: 500 },
    );
  });
});
