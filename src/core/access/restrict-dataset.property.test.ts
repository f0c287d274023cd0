import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, prepareModel } from '../../../test/support/model-builders.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import type { VisibilityScope } from './principal.js';
import { restrictDataset } from './restrict-dataset.js';
import { canSeeItem, canSeeRecord } from './visibility.js';

// restrictDataset masks the hidden pledges' conditions instead of copying the visible ones, and hands the same
// object for a revision standing alone to every view: on random datasets (confidentiality levels, shares,
// revisions, a past dataset's `now`) and scopes it equals the plain filter it replaces, and a view never holds,
// lists or looks up a pledge the scope may not see.

const PARTIES = ['A', 'B', 'C'];
const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5', 'p6'];

function reference(dataset: PreparedDataset, scope: VisibilityScope, now?: ReadonlyMap<string, unknown>): { pledges: Pledge[]; conditions: string[] } {
  if (scope.kind === 'all') return { pledges: [...dataset.pledges], conditions: [...dataset.conditions.keys()] };
  const pledges = dataset.pledges.filter(
    (pledge) =>
      canSeeItem(scope, { confidentiality: pledge.confidentiality, owners: [pledge.party], sharedWith: pledge.sharedWith }) &&
      (now === undefined || !now.has(pledge.id) || canSeeRecord(scope, now.get(pledge.id))),
  );
  const visible = new Set(pledges.map((pledge) => pledge.id));
  const view = pledges.map((pledge) => {
    if (pledge.supersedes === undefined || visible.has(pledge.supersedes)) return pledge;
    const { supersedes: _hidden, ...rest } = pledge;
    return rest;
  });
  return { pledges: view, conditions: [...dataset.conditions.keys()].filter((id) => visible.has(id)) };
}

const pledgeArbitrary = fc.record({
  party: fc.constantFrom(...PARTIES),
  confidentiality: fc.constantFrom('public', 'coalition', 'restricted', 'bilateral'),
  sharedWith: fc.option(fc.uniqueArray(fc.constantFrom(...PARTIES), { maxLength: 2 }), { nil: undefined }),
  supersedes: fc.option(fc.nat(IDS.length - 1), { nil: undefined }),
  condition: fc.constantFrom('true', 'f1', 'active(A)'),
});

const scopeArbitrary: fc.Arbitrary<VisibilityScope> = fc.oneof(
  fc.constant<VisibilityScope>({ kind: 'all' }),
  fc.constant<VisibilityScope>({ kind: 'coordinator' }),
  fc.constant<VisibilityScope>({ kind: 'coalition' }),
  fc.constant<VisibilityScope>({ kind: 'public' }),
  fc.constantFrom(...PARTIES).map((party): VisibilityScope => ({ kind: 'party', party })),
);

describe('restrictDataset', () => {
  it('equals the plain filter and never exposes a hidden pledge', () => {
    fc.assert(
      fc.property(fc.array(pledgeArbitrary, { minLength: 1, maxLength: IDS.length }), scopeArbitrary, fc.option(fc.array(fc.constantFrom('coalition', 'restricted', 'bilateral'), { maxLength: IDS.length }), { nil: undefined }), (shapes, scope, nowLevels) => {
        // Revisions point backwards only (no cycles).
        const pledges = shapes.map((shape, i) => {
          const target = shape.supersedes !== undefined && shape.supersedes < i ? IDS[shape.supersedes] : undefined;
          const pledge = makePledge(IDS[i] as string, { party: shape.party, confidentiality: shape.confidentiality as Pledge['confidentiality'], condition: shape.condition });
          if (shape.sharedWith !== undefined) pledge.sharedWith = shape.sharedWith;
          if (target !== undefined) pledge.supersedes = target;
          return pledge;
        });
        const dataset = prepareModel(makeDataset({ parties: PARTIES, facts: { f1: true }, pledges }));
        const now = nowLevels && new Map<string, unknown>(nowLevels.map((level, i) => [IDS[i] as string, { ...pledges[i], confidentiality: level }]).filter(([id]) => dataset.conditions.has(id as string)) as [string, unknown][]);
        const view = restrictDataset(dataset, scope, now);
        const expected = reference(dataset, scope, now);
        expect(view.pledges).toEqual(expected.pledges);
        expect([...view.conditions.keys()]).toEqual(expected.conditions);
        expect(view.conditions.size).toBe(expected.conditions.length);
        for (const id of IDS) {
          const shown = expected.conditions.includes(id);
          expect(view.conditions.has(id)).toBe(shown);
          expect(view.conditions.get(id)).toBe(shown ? dataset.conditions.get(id) : undefined);
        }
        // Made again (the next audit head's view), every pledge is the same object: what was compiled is kept.
        const again = restrictDataset(dataset, scope, now);
        again.pledges.forEach((pledge, i) => expect(pledge).toBe(view.pledges[i]));
      }),
      { numRuns: 500 },
    );
  });
});
