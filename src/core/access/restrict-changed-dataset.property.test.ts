import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Step, startDataset, stepArbitrary } from '../../../test/support/dataset-change-steps.js';
import { makePledge } from '../../../test/support/model-builders.js';
import { prepareChangedDataset } from '../dataset/prepare-change.js';
import { type PreparedDataset, prepareDataset } from '../dataset/prepare-dataset.js';
import { positionsOf } from '../dataset/record-positions.js';
import type { Dataset, Pledge } from '../types.js';
import type { VisibilityScope } from './principal.js';
import { restrictChangedDataset, viewCounts } from './restrict-changed-dataset.js';
import { restrictDataset } from './restrict-dataset.js';
import { canSeeItem } from './visibility.js';

// On random sequences of writes — pledges created, updated (often only their confidentiality or shares, hiding or
// showing a pledge that others' revisions supersede) and deleted, writes to the other collections, refused writes,
// a head moved by a write to no collection, a dataset read anew — each scope's view derived from its view before
// the write, or several writes before it, equals restrictDataset of the new dataset: the same pledge objects in the same order, the same
// conditions for every id, the same positions by id (positionsOf), the dataset itself when nothing is hidden, and
// never a pledge the scope may not see.

const PARTIES = ['A', 'B', 'C', 'D'];
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const LEVELS = ['public', 'coalition', 'restricted', 'bilateral'] as const;
const SCOPES: VisibilityScope[] = [{ kind: 'all' }, { kind: 'coordinator' }, { kind: 'coalition' }, { kind: 'public' }, ...PARTIES.map((party): VisibilityScope => ({ kind: 'party', party }))];

const visibility = fc.record({
  confidentiality: fc.constantFrom(...LEVELS, 'bilateral', 'restricted'),
  sharedWith: fc.option(fc.uniqueArray(fc.constantFrom(...PARTIES), { maxLength: 2 }), { nil: undefined }),
});

// A pledge written with a random visibility: a new one, or a version of the present one (the same fields, or new ones).
const visiblePledgeWrite = fc
  .record({ id: fc.constantFrom(...IDS), party: fc.constantFrom('A', 'B', 'C'), visibility, supersedes: fc.option(fc.constantFrom(...IDS), { nil: undefined, freq: 2 }), keep: fc.boolean(), condition: fc.constantFrom('true', 'f1', 'active(A)') })
  .map((shape) => (current: Dataset): Step => {
    const existing = current.pledges.find((pledge) => pledge.id === shape.id);
    const base: Pledge = existing && shape.keep ? { ...existing } : makePledge(shape.id, { party: shape.party, condition: shape.condition });
    if (!(existing && shape.keep)) {
      if (shape.supersedes === undefined) delete base.supersedes;
      else base.supersedes = shape.supersedes;
    }
    const record: Pledge = { ...base, confidentiality: shape.visibility.confidentiality };
    if (shape.visibility.sharedWith === undefined) delete record.sharedWith;
    else record.sharedWith = shape.visibility.sharedWith;
    return { collection: 'pledges', change: existing ? { kind: 'update', record } : { kind: 'create', record } };
  });

// After a write the views are derived (an evaluation), or not (no one asked before the next write: the next
// derivation replays several writes).
type Action = ({ kind: 'write'; step: (current: Dataset) => Step } | { kind: 'same' } | { kind: 'reload' }) & { evaluate: boolean };
const actionArbitrary: fc.Arbitrary<Action> = fc
  .tuple(
    fc.oneof(
      { weight: 8, arbitrary: visiblePledgeWrite.map((step) => ({ kind: 'write' as const, step })) },
      { weight: 6, arbitrary: stepArbitrary.map((step) => ({ kind: 'write' as const, step })) },
      { weight: 1, arbitrary: fc.constant({ kind: 'same' as const }) },
      { weight: 1, arbitrary: fc.constant({ kind: 'reload' as const }) },
    ),
    fc.boolean(),
  )
  .map(([action, evaluate]): Action => ({ ...action, evaluate }));

// The start: startDataset's pledges at several levels, one revision of a restricted pledge.
function start(): PreparedDataset {
  const base = startDataset();
  const levels: Pledge['confidentiality'][] = ['restricted', 'coalition', 'bilateral', 'public'];
  const pledges = base.pledges.map((pledge, i): Pledge => ({ ...pledge, confidentiality: levels[i] ?? 'coalition', ...(i === 2 ? { sharedWith: ['A'] } : {}) }));
  const prepared = prepareDataset({ ...base, parties: [...base.parties, { id: 'D', kind: 'state', name: { en: 'D', de: 'D' }, groups: [] }] as Dataset['parties'], pledges });
  if (!prepared.ok) throw new Error(JSON.stringify(prepared.problems));
  return prepared.value;
}

function expectSameView(derived: PreparedDataset, dataset: PreparedDataset, scope: VisibilityScope): void {
  const expected = restrictDataset(dataset, scope);
  if (expected === dataset) expect(derived).toBe(dataset);
  else expect(derived).not.toBe(dataset);
  expect(derived.pledges.length).toBe(expected.pledges.length);
  derived.pledges.forEach((pledge, i) => expect(pledge).toBe(expected.pledges[i]));
  for (const key of Object.keys(expected) as (keyof PreparedDataset)[]) if (key !== 'pledges' && key !== 'conditions') expect(derived[key]).toBe(expected[key]);
  expect(Object.keys(derived).sort()).toEqual(Object.keys(expected).sort());
  expect(derived.conditions.size).toBe(expected.conditions.size);
  expect([...derived.conditions.keys()]).toEqual([...expected.conditions.keys()]);
  for (const id of [...IDS, 'p9']) {
    expect(derived.conditions.has(id)).toBe(expected.conditions.has(id));
    expect(derived.conditions.get(id)).toBe(expected.conditions.get(id));
  }
  // Positions by id, as positionsOf would give them, for the derived view and the fresh one.
  const fresh = new Map(derived.pledges.map((pledge, i) => [pledge.id, i]));
  for (const view of [derived, expected]) {
    const positions = positionsOf(view.pledges);
    expect(positions.size).toBe(fresh.size);
    expect([...positions]).toEqual([...fresh]);
    for (const id of [...IDS, 'p9']) {
      expect(positions.get(id)).toBe(fresh.get(id));
      expect(positions.has(id)).toBe(fresh.has(id));
    }
  }
  for (const pledge of derived.pledges) expect(canSeeItem(scope, { confidentiality: pledge.confidentiality, owners: [pledge.party], sharedWith: pledge.sharedWith })).toBe(true);
}

describe('restrictChangedDataset', () => {
  it('equals restrictDataset of the changed dataset on random write sequences, for every scope', () => {
    const counts = { ...viewCounts };
    fc.assert(
      fc.property(fc.array(actionArbitrary, { minLength: 1, maxLength: 14 }), (actions) => {
        let current = start();
        let views = SCOPES.map((scope) => restrictDataset(current, scope));
        const derivedFrom = new WeakMap<PreparedDataset, PreparedDataset>(views.map((view) => [view, current]));
        for (const action of actions) {
          let next = current;
          if (action.kind === 'reload') next = prepareDataset({ ...current, pledges: [...current.pledges] }).ok ? (prepareDataset({ ...current, pledges: [...current.pledges] }) as { value: PreparedDataset }).value : current;
          else if (action.kind === 'write') {
            const { collection, change } = action.step(current);
            const prepared = prepareChangedDataset(current, collection, change);
            if (!prepared.ok) continue;
            next = prepared.value;
          }
          current = next;
          if (!action.evaluate) continue;
          views = SCOPES.map((scope, s) => {
            const derived = restrictChangedDataset(views[s] as PreparedDataset, next, scope);
            expectSameView(derived, next, scope);
            if (action.kind === 'same' && views[s] !== undefined && derivedFrom.get(views[s]) === next) expect(derived).toBe(views[s]);
            derivedFrom.set(derived, next);
            return derived;
          });
        }
        // The last state, from views several writes back.
        SCOPES.forEach((scope, s) => expectSameView(restrictChangedDataset(views[s] as PreparedDataset, current, scope), current, scope));
      }),
      { numRuns: 300 },
    );
    // Every view with a known predecessor was derived; those of a dataset read anew were made anew.
    expect(viewCounts.unfit - counts.unfit).toBe(0);
    expect(viewCounts.derived - counts.derived).toBeGreaterThan(viewCounts.full - counts.full);
    expect(viewCounts.full - counts.full).toBeGreaterThan(0);
  });
});
