import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Step, startDataset as start, stepArbitrary } from '../../../test/support/dataset-change-steps.js';
import type { Dataset } from '../types.js';
import { applyDatasetChange, changeChecks, type DatasetChange, prepareChangedDataset } from './prepare-change.js';
import { type PreparedDataset, prepareDataset } from './prepare-dataset.js';

// A write checks only what it changes (prepare-change.ts, check-record-change.ts): on random sequences of creates,
// updates and deletes in every collection (test/support/dataset-change-steps.ts: pledges with guarantee terms,
// supersedes chains and conditions naming facts, parties, capabilities and areas; requirements moving areas in
// and out of the vocabulary; deletes of facts, parties, sources, packages and capabilities that something names;
// ids taken or missing), each step accepts exactly when the full check of the changed dataset does, with the same
// problems, and what it accepts equals the fully prepared dataset — conditions parsed, capabilities merged,
// records, everything. Each next step starts from the incrementally prepared version, so what it passes on (the
// layered conditions, the vocabulary) is tested too. A write to another collection than pledges that the full
// check accepts is accepted by the quick check alone (no full check) whenever its kind fits the record's presence.

const sorted = (dataset: PreparedDataset) => ({ ...dataset, conditions: [...dataset.conditions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) });

// Whether a change's kind fits the record's presence (create: absent; update, delete: present).
function natural(current: Dataset, { collection, change }: Step): boolean {
  const list = current[collection as keyof Dataset] as readonly { id: string }[];
  const present = list.some((item) => item.id === (change.kind === 'delete' ? change.id : change.record.id));
  return change.kind === 'create' ? !present : present;
}

describe('incremental validation of a write equals the full check', () => {
  it('on 2,500 random sequences of up to 14 changes over every collection', () => {
    const tally = new Map<string, { accepted: number; refused: number }>();
    const codes = new Map<string, Set<string>>();
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 14 }), (steps) => {
        let current = start();
        for (const makeStep of steps) {
          const step = makeStep(current);
          const { collection, change } = step;
          const expected = prepareDataset(applyDatasetChange(current, collection, change));
          const quickBefore = changeChecks.quick;
          const actual = prepareChangedDataset(current, collection, change);
          expect(actual.ok).toBe(expected.ok);
          const key = `${collection} ${change.kind}`;
          const counts = tally.get(key) ?? { accepted: 0, refused: 0 };
          tally.set(key, counts);
          if (!actual.ok || !expected.ok) {
            expect(actual).toEqual(expected);
            counts.refused++;
            if (!actual.ok) for (const problem of actual.problems) codes.set(key, (codes.get(key) ?? new Set()).add(problem.code));
            continue;
          }
          expect(sorted(actual.value)).toEqual(sorted(expected.value));
          expect(actual.value.conditions.size).toBe(expected.value.conditions.size);
          if (collection !== 'pledges' && natural(current, step)) expect(changeChecks.quick).toBe(quickBefore + 1);
          counts.accepted++;
          current = actual.value;
        }
      }),
      { numRuns: 2500 },
    );
    // Every collection and kind is exercised, both ways where the kind can be refused (a capability is never
    // refused on create or update: its ids are not checked for uniqueness and it names nothing).
    for (const collection of ['pledges', 'facts', 'parties', 'sources', 'packages', 'requirements', 'capabilities']) {
      for (const kind of ['create', 'update', 'delete']) {
        const counts = tally.get(`${collection} ${kind}`) ?? { accepted: 0, refused: 0 };
        expect(counts.accepted, `${collection} ${kind} accepted`).toBeGreaterThan(20);
        // A party's update names nothing and nothing names what it changes.
        if (kind === 'delete' || (collection !== 'capabilities' && !(collection === 'parties' && kind === 'update'))) expect(counts.refused, `${collection} ${kind} refused`).toBeGreaterThan(20);
      }
    }
    // The refusals include each way a write elsewhere breaks what names it, and ids taken.
    const refusedWith: [string, string][] = [
      ['facts delete', 'condition.unknown_fact'],
      ['parties delete', 'condition.unknown_party'],
      ['parties delete', 'dataset.unknown_reference'],
      ['sources delete', 'dataset.unknown_reference'],
      ['packages delete', 'dataset.unknown_reference'],
      ['capabilities delete', 'condition.unknown_capability'],
      ['capabilities delete', 'dataset.unknown_reference'],
      ['requirements update', 'condition.unknown_area'],
      ['requirements delete', 'condition.unknown_area'],
      ['requirements create', 'dataset.unknown_reference'],
      ['sources create', 'dataset.unknown_reference'],
      ['facts create', 'dataset.duplicate_id'],
      ['parties create', 'dataset.duplicate_id'],
      ['requirements create', 'dataset.duplicate_id'],
    ];
    for (const [key, code] of refusedWith) expect([...(codes.get(key) ?? [])], key).toContain(code);
  });
});

// applyDatasetChange finds the replaced record through a position index passed from list to list
// (record-positions.ts): on random accepted sequences it gives exactly what a map/filter over the list gives.
describe('a change applied through the position index equals one applied by scanning', () => {
  const naive = (dataset: Dataset, collection: string, change: DatasetChange): Dataset => {
    const key = collection as keyof Dataset;
    const list = dataset[key] as readonly { id: string }[];
    if (change.kind === 'create') return { ...dataset, [key]: [...list, change.record] };
    if (change.kind === 'update') return { ...dataset, [key]: list.map((item) => (item.id === change.record.id ? change.record : item)) };
    return { ...dataset, [key]: list.filter((item) => item.id !== change.id) };
  };
  it('on 500 random sequences of up to 16 changes', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 16 }), (steps) => {
        let current = start();
        for (const makeStep of steps) {
          const { collection, change } = makeStep(current);
          expect(applyDatasetChange(current, collection, change)).toEqual(naive(current, collection, change));
          const next = prepareChangedDataset(current, collection, change);
          if (next.ok) current = next.value;
        }
      }),
      { numRuns: 500 },
    );
  });
});
