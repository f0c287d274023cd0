import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { VisibilityScope } from './principal.js';
import { canSeeItem, canSeeRecord } from './visibility.js';

// A caller's view of the engine's dataset: only the pledges they may see. Scenarios, coverage and every
// other aggregate run on this view, so a total never includes (and so never leaks) a pledge the caller
// cannot see. For a dataset of the past (time travel) a pledge's version then is shown only if the caller
// may see the pledge now as well: making a pledge restricted also hides what it was before.

/**
 * The dataset as a scope sees it (the same object for `all`). `now` (for a dataset of the past) holds each
 * pledge's state today, or its last state if it was deleted: a pledge is kept only if the scope may see both
 * the version in the dataset and that state. A pledge missing from `now` is judged by its version alone.
 */
export function restrictDataset(dataset: PreparedDataset, scope: VisibilityScope, now?: ReadonlyMap<string, unknown>): PreparedDataset {
  if (scope.kind === 'all') return dataset;
  const pledges = dataset.pledges.filter(
    (pledge) =>
      canSeeItem(scope, { confidentiality: pledge.confidentiality, owners: [pledge.party], sharedWith: pledge.sharedWith }) &&
      (now === undefined || !now.has(pledge.id) || canSeeRecord(scope, now.get(pledge.id))),
  );
  // Nothing hidden: the view is the dataset itself (and shares what is compiled from it).
  if (pledges.length === dataset.pledges.length) return dataset;
  const visible = new Set(pledges.map((pledge) => pledge.id));
  const conditions = new Map([...dataset.conditions].filter(([id]) => visible.has(id)));
  // A revision of a hidden pledge stands on its own in this view: the hidden one is not there to replace.
  const view = pledges.map((pledge) => {
    if (pledge.supersedes === undefined || visible.has(pledge.supersedes)) return pledge;
    const { supersedes: _hidden, ...rest } = pledge;
    return rest;
  });
  return { ...dataset, pledges: view, conditions };
}
