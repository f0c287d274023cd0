import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { appendPosition, movePositions } from './moved-positions.js';

// The index of a list after moves and appends (moved-positions.ts) against a fresh Map of the list: the same
// entries in the same (position) order, the same size, and get/has for every id ever used and one never used.

const fresh = (ids: readonly string[]): Map<string, number> => new Map(ids.map((id, i) => [id, i]));

function expectIndexes(positions: ReadonlyMap<string, number>, ids: readonly string[], known: Iterable<string>): void {
  const expected = fresh(ids);
  expect([...positions]).toEqual([...expected]);
  expect([...positions.keys()]).toEqual([...expected.keys()]);
  expect([...positions.values()]).toEqual([...expected.values()]);
  expect(positions.size).toBe(expected.size);
  for (const id of [...known, 'never']) {
    expect(positions.get(id)).toBe(expected.get(id));
    expect(positions.has(id)).toBe(expected.has(id));
  }
}

// An edit of a list of unique ids as a write makes it: some removed, some replaced (the same id, placed anew, as
// a candidate whose activation changed), some new ones inserted; old → new positions and the placed ids.
interface Edit {
  next: string[];
  oldToNew: Int32Array;
  added: [string, number][];
}

function edit(ids: readonly string[], removed: ReadonlySet<number>, replaced: ReadonlySet<number>, inserts: readonly [number, string][]): Edit {
  const next: string[] = [];
  const oldToNew = new Int32Array(ids.length).fill(-1);
  const added: [string, number][] = [];
  const insertAt = (i: number): void => {
    for (const [at, id] of inserts) if (at === i) added.push([id, next.push(id) - 1]);
  };
  ids.forEach((id, i) => {
    insertAt(i);
    if (removed.has(i)) return;
    if (replaced.has(i)) added.push([id, next.push(id) - 1]);
    else oldToNew[i] = next.push(id) - 1;
  });
  insertAt(ids.length);
  return { next, oldToNew, added };
}

describe('moved positions', () => {
  it('lists an appended id after the base, and a replaced base id once, where the extra map puts it', () => {
    let positions: ReadonlyMap<string, number> = fresh(['a', 'b', 'c']);
    positions = appendPosition(positions, 'd', 3);
    expectIndexes(positions, ['a', 'b', 'c', 'd'], 'abcd');
    // b removed, c replaced (gone from the base, placed anew), e inserted before a.
    const { next, oldToNew, added } = edit(['a', 'b', 'c', 'd'], new Set([1]), new Set([2]), [[0, 'e']]);
    expect(next).toEqual(['e', 'a', 'c', 'd']);
    positions = movePositions(positions, oldToNew, added, next.length);
    expectIndexes(positions, next, 'abcde');
    positions = movePositions(positions, Int32Array.from([0, -1, 1, 2]), [], 3);
    expectIndexes(positions, ['e', 'c', 'd'], 'abcde');
  });

  it('an append of an id already there keeps the index (its first position stands)', () => {
    const positions = appendPosition(fresh(['a', 'b']), 'c', 2);
    expect(appendPosition(positions, 'a', 3)).toBe(positions);
  });

  it('folds into a plain Map once more than 512 ids are not derived from the base, and goes on from it', () => {
    const ids = ['a', 'b'];
    let positions: ReadonlyMap<string, number> = fresh(ids);
    for (let i = 0; i < 512; i++) positions = appendPosition(positions, `n${i}`, ids.push(`n${i}`) - 1);
    expect(positions).not.toBeInstanceOf(Map);
    positions = appendPosition(positions, 'last', ids.push('last') - 1);
    expect(positions).toBeInstanceOf(Map);
    expectIndexes(positions, ids, ids);
    const { next, oldToNew, added } = edit(ids, new Set([0, 7]), new Set([3]), [[5, 'x']]);
    positions = movePositions(positions, oldToNew, added, next.length);
    expect(positions).not.toBeInstanceOf(Map);
    expectIndexes(positions, next, [...ids, 'x']);
  });

  it('equals a fresh index on random sequences of edits and appends', () => {
    const step = fc.oneof(
      fc.record({ kind: fc.constant('append' as const), count: fc.integer({ min: 1, max: 3 }) }),
      fc.record({
        kind: fc.constant('edit' as const),
        removed: fc.uniqueArray(fc.nat(40), { maxLength: 4 }),
        replaced: fc.uniqueArray(fc.nat(40), { maxLength: 3 }),
        inserts: fc.array(fc.nat(40), { maxLength: 4 }),
      }),
    );
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 12 }), fc.array(step, { minLength: 1, maxLength: 25 }), (start, steps) => {
        let serial = 0;
        const newId = (): string => `p${serial++}`;
        let ids = Array.from({ length: start }, newId);
        const used = new Set(ids);
        let positions: ReadonlyMap<string, number> = fresh(ids);
        for (const s of steps) {
          if (s.kind === 'append') {
            for (let k = 0; k < s.count; k++) {
              const id = newId();
              used.add(id);
              positions = appendPosition(positions, id, ids.length);
              ids = [...ids, id];
            }
          } else {
            const within = (at: number): number => at % (ids.length + 1);
            const removed = new Set(s.removed.map(within).filter((at) => at < ids.length));
            const replaced = new Set(s.replaced.map(within).filter((at) => at < ids.length && !removed.has(at)));
            const inserts = s.inserts.map((at): [number, string] => [within(at), newId()]);
            for (const [, id] of inserts) used.add(id);
            const { next, oldToNew, added } = edit(ids, removed, replaced, inserts);
            positions = movePositions(positions, oldToNew, added, next.length);
            ids = next;
          }
          expectIndexes(positions, ids, used);
        }
      }),
      { numRuns: 400 },
    );
  });
});
