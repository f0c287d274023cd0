import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import { HiddenKeysMap } from './hidden-keys-map.js';
import type { VisibilityScope } from './principal.js';
import { canSeeItem, canSeeRecord } from './visibility.js';

// A caller's view of the engine's dataset: only the pledges they may see. Scenarios, coverage and every
// other aggregate run on this view, so a total never includes (and so never leaks) a pledge the caller
// cannot see. For a dataset of the past (time travel) a pledge's version then is shown only if the caller
// may see the pledge now as well: making a pledge restricted also hides what it was before.
// A view is made for every scope and audit head, so it costs one pass over the pledges and what is hidden: the
// parsed conditions are the dataset's with the hidden ones masked, and the visible pledges are the dataset's own
// objects (a revision of a hidden pledge, changed here, the same object each time), so that what was compiled for
// the view of an earlier head is patched, not compiled again (compiled-candidates.ts compares by identity first).

// A revision of a hidden pledge as it stands alone in a view: one object per revision, shared by every view.
const standingAlone = new WeakMap<Pledge, Pledge>();

/**
 * The dataset as a scope sees it (the same object for `all`). `now` (for a dataset of the past) holds each
 * pledge's state today, or its last state if it was deleted: a pledge is kept only if the scope may see both
 * the version in the dataset and that state. A pledge missing from `now` is judged by its version alone.
 */
export function restrictDataset(dataset: PreparedDataset, scope: VisibilityScope, now?: ReadonlyMap<string, unknown>): PreparedDataset {
  if (scope.kind === 'all') return dataset;
  const hidden = new Set<string>();
  const pledges = dataset.pledges.filter((pledge) => {
    const visible = canSeePledge(scope, pledge) && (now === undefined || !now.has(pledge.id) || canSeeRecord(scope, now.get(pledge.id)));
    if (!visible) hidden.add(pledge.id);
    return visible;
  });
  // Nothing hidden: the view is the dataset itself (and shares what is compiled from it).
  if (hidden.size === 0) return dataset;
  // A revision of a hidden pledge stands on its own in this view: the hidden one is not there to replace.
  const replaces = (id: string): boolean => !hidden.has(id) && dataset.conditions.has(id);
  const view = pledges.map((pledge) => (pledge.supersedes === undefined || replaces(pledge.supersedes) ? pledge : alone(pledge)));
  return { ...dataset, pledges: view, conditions: new HiddenKeysMap(dataset.conditions, hidden) };
}

// canSeeItem without building its argument for the pledges most are: coalition-wide or public.
function canSeePledge(scope: VisibilityScope, pledge: Pledge): boolean {
  const level = pledge.confidentiality;
  if (level === 'public' || (level === 'coalition' && scope.kind !== 'public')) return true;
  return canSeeItem(scope, { confidentiality: level, owners: [pledge.party], sharedWith: pledge.sharedWith });
}

function alone(pledge: Pledge): Pledge {
  let known = standingAlone.get(pledge);
  if (!known) {
    const { supersedes: _hidden, ...rest } = pledge;
    known = rest;
    standingAlone.set(pledge, known);
  }
  return known;
}
