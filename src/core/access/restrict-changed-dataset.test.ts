import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, prepareModel } from '../../../test/support/model-builders.js';
import { type DatasetChange, prepareChangedDataset } from '../dataset/prepare-change.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import type { VisibilityScope } from './principal.js';
import { restrictChangedDataset, viewCounts } from './restrict-changed-dataset.js';
import { restrictDataset } from './restrict-dataset.js';

// The views derived after a write hide what a fresh view hides: a pledge made restricted leaves every view that may
// not see it, a bilateral pledge appears only for its party and the parties it is shared with, and a revision of a
// pledge hidden by the write stands alone. Each view here is derived, not made anew.

const coordinator: VisibilityScope = { kind: 'coordinator' };
const coalition: VisibilityScope = { kind: 'coalition' };
const parties = new Map(['A', 'B', 'C'].map((id): [string, VisibilityScope] => [id, { kind: 'party', party: id }]));
const party = (id: string): VisibilityScope => parties.get(id) as VisibilityScope;
const SCOPES = [coordinator, coalition, ...parties.values()];

function start(): PreparedDataset {
  return prepareModel(
    makeDataset({
      parties: ['A', 'B', 'C'],
      pledges: [makePledge('a-open', { party: 'A' }), makePledge('b-open', { party: 'B' }), makePledge('b-secret', { party: 'B', confidentiality: 'restricted' }), makePledge('c-open', { party: 'C' })],
    }),
  );
}

function write(dataset: PreparedDataset, change: DatasetChange): PreparedDataset {
  const changed = prepareChangedDataset(dataset, 'pledges', change);
  if (!changed.ok) throw new Error(JSON.stringify(changed.problems));
  return changed.value;
}

// Each scope's view after the write, derived from its view before it; checked against a fresh one.
function viewsAfter(before: PreparedDataset, change: DatasetChange): { dataset: PreparedDataset; ids: (scope: VisibilityScope) => string[]; views: PreparedDataset[] } {
  const previous = SCOPES.map((scope) => restrictDataset(before, scope));
  const dataset = write(before, change);
  const derived = viewCounts.derived;
  const views = SCOPES.map((scope, i) => restrictChangedDataset(previous[i] as PreparedDataset, dataset, scope));
  expect(viewCounts.derived - derived).toBe(SCOPES.length);
  views.forEach((view, i) => {
    const fresh = restrictDataset(dataset, SCOPES[i] as VisibilityScope);
    expect(view.pledges).toEqual(fresh.pledges);
    expect([...view.conditions.keys()]).toEqual([...fresh.conditions.keys()]);
  });
  return { dataset, views, ids: (scope) => (views[SCOPES.indexOf(scope)] as PreparedDataset).pledges.map((pledge) => pledge.id) };
}

describe('restrictChangedDataset', () => {
  it('drops a pledge an update made restricted from the views that may not see it', () => {
    const { dataset, ids, views } = viewsAfter(start(), { kind: 'update', record: makePledge('a-open', { party: 'A', confidentiality: 'restricted', quantity: { min: 5, max: 5 } }) });
    expect(ids(coalition)).toEqual(['b-open', 'c-open']);
    expect(ids(party('B'))).toEqual(['b-open', 'b-secret', 'c-open']);
    expect(ids(party('C'))).toEqual(['b-open', 'c-open']);
    expect(ids(party('A'))).toEqual(['a-open', 'b-open', 'c-open']);
    expect(ids(coordinator)).toEqual(['a-open', 'b-open', 'b-secret', 'c-open']);
    for (const [i, scope] of [coalition, party('B'), party('C')].entries()) {
      const view = views[SCOPES.indexOf(scope)] as PreparedDataset;
      expect(view.conditions.has('a-open')).toBe(false);
      expect(view.conditions.get('a-open')).toBeUndefined();
      expect(view.pledges.some((pledge) => pledge.id === 'a-open'), `scope ${i}`).toBe(false);
    }
    // Nothing is hidden from the coordinators: their view is the dataset itself.
    expect(views[SCOPES.indexOf(coordinator)]).toBe(dataset);
  });

  it('shows a bilateral pledge only to its party and the parties it is shared with', () => {
    const shared: Pledge = { ...makePledge('b-shared', { party: 'B', confidentiality: 'bilateral' }), sharedWith: ['C'] };
    const created = viewsAfter(start(), { kind: 'create', record: shared });
    expect(created.ids(party('C'))).toEqual(['a-open', 'b-open', 'c-open', 'b-shared']);
    expect(created.ids(party('B'))).toEqual(['a-open', 'b-open', 'b-secret', 'c-open', 'b-shared']);
    expect(created.ids(party('A'))).toEqual(['a-open', 'b-open', 'c-open']);
    expect(created.ids(coalition)).toEqual(['a-open', 'b-open', 'c-open']);
    expect(created.ids(coordinator)).toEqual(['a-open', 'b-open', 'b-secret', 'c-open']);
    // Shared with A instead of C: it moves from C's view to A's.
    const reshared = viewsAfter(created.dataset, { kind: 'update', record: { ...shared, sharedWith: ['A'] } as Pledge });
    expect(reshared.ids(party('A'))).toEqual(['a-open', 'b-open', 'c-open', 'b-shared']);
    expect(reshared.ids(party('C'))).toEqual(['a-open', 'b-open', 'c-open']);
    expect(reshared.ids(coordinator)).toEqual(['a-open', 'b-open', 'b-secret', 'c-open']);
  });

  it('lets the revisions of a pledge the write hid stand alone, and replace it again when it is shown', () => {
    const revised = write(start(), { kind: 'create', record: makePledge('a-revision', { party: 'A', supersedes: 'a-open' }) });
    const hidden = viewsAfter(revised, { kind: 'update', record: makePledge('a-open', { party: 'A', confidentiality: 'restricted' }) });
    const coalitionView = hidden.views[SCOPES.indexOf(coalition)] as PreparedDataset;
    expect(coalitionView.pledges.find((pledge) => pledge.id === 'a-revision')?.supersedes).toBeUndefined();
    const partyAView = hidden.views[SCOPES.indexOf(party('A'))] as PreparedDataset;
    expect(partyAView.pledges.find((pledge) => pledge.id === 'a-revision')?.supersedes).toBe('a-open');
    const shown = viewsAfter(hidden.dataset, { kind: 'update', record: makePledge('a-open', { party: 'A' }) });
    expect((shown.views[SCOPES.indexOf(coalition)] as PreparedDataset).pledges.find((pledge) => pledge.id === 'a-revision')?.supersedes).toBe('a-open');
  });

  it('drops a deleted pledge, hidden or not', () => {
    const { ids } = viewsAfter(start(), { kind: 'delete', id: 'b-secret' });
    expect(ids(party('B'))).toEqual(['a-open', 'b-open', 'c-open']);
    expect(viewsAfter(start(), { kind: 'delete', id: 'a-open' }).ids(party('C'))).toEqual(['b-open', 'c-open']);
  });

  it('replays the writes since the view it is given, and makes a view anew beyond the last 64', () => {
    let dataset = start();
    const previous = SCOPES.map((scope) => restrictDataset(dataset, scope));
    const derive = (): PreparedDataset[] => SCOPES.map((scope, i) => restrictChangedDataset(previous[i] as PreparedDataset, dataset, scope));
    dataset = write(dataset, { kind: 'update', record: makePledge('a-open', { party: 'A', confidentiality: 'restricted' }) });
    dataset = write(dataset, { kind: 'create', record: { ...makePledge('c-shared', { party: 'C', confidentiality: 'bilateral' }), sharedWith: ['A'] } as Pledge });
    dataset = write(dataset, { kind: 'delete', id: 'b-open' });
    let counts = { ...viewCounts };
    const views = derive();
    expect(viewCounts.derived - counts.derived).toBe(SCOPES.length);
    expect(views[SCOPES.indexOf(party('A'))]?.pledges.map((pledge) => pledge.id)).toEqual(['a-open', 'c-open', 'c-shared']);
    expect(views[SCOPES.indexOf(party('B'))]?.pledges.map((pledge) => pledge.id)).toEqual(['b-secret', 'c-open']);
    expect(views[SCOPES.indexOf(coalition)]?.pledges.map((pledge) => pledge.id)).toEqual(['c-open']);
    for (let i = 0; i < 64; i++) dataset = write(dataset, { kind: 'update', record: makePledge('c-open', { party: 'C', quantity: { min: i + 1, max: i + 1 } }) });
    counts = { ...viewCounts };
    derive().forEach((view, i) => expect(view.pledges).toEqual(restrictDataset(dataset, SCOPES[i] as VisibilityScope).pledges));
    expect(viewCounts.full - counts.full).toBe(SCOPES.length);
  });
});
