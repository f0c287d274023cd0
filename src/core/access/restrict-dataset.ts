import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { VisibilityScope } from './principal.js';
import { canSeeItem } from './visibility.js';

// A caller's view of the engine's dataset: only the pledges they may see. Scenarios, coverage and every
// other aggregate run on this view, so a total never includes (and so never leaks) a pledge the caller
// cannot see.

/** The dataset as a scope sees it (the same object for `all`). */
export function restrictDataset(dataset: PreparedDataset, scope: VisibilityScope): PreparedDataset {
  if (scope.kind === 'all') return dataset;
  const pledges = dataset.pledges.filter((pledge) =>
    canSeeItem(scope, { confidentiality: pledge.confidentiality, owners: [pledge.party], sharedWith: pledge.sharedWith }),
  );
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
