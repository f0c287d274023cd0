import { type DatasetToken, datasetToken } from '../dataset/dataset-lineage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import { HiddenKeysMap } from './hidden-keys-map.js';
import { indexViewList } from './view-positions.js';
import { scopeKey, type VisibilityScope } from './principal.js';
import { canSeeItem, canSeeRecord } from './visibility.js';

// A caller's view of the engine's dataset: only the pledges they may see. Scenarios, coverage and every
// other aggregate run on this view, so a total never includes (and so never leaks) a pledge the caller
// cannot see. For a dataset of the past (time travel) a pledge's version then is shown only if the caller
// may see the pledge now as well: making a pledge restricted also hides what it was before.
// A view is made for every scope and audit head, so it costs one pass over the pledges and what is hidden: the
// parsed conditions are the dataset's with the hidden ones masked, and the visible pledges are the dataset's own
// objects (a revision of a hidden pledge, changed here, the same object each time), so that what was compiled for
// the view of an earlier head is patched, not compiled again (compiled-candidates.ts compares by identity first).
// Each view of now records what it was made from (its dataset's token, the hidden ids and their positions), so
// that the view of the dataset a write makes is derived from it in proportion to the change
// (restrict-changed-dataset.ts) instead of by another pass.

// A revision of a hidden pledge as it stands alone in a view: one object per revision, shared by every view.
const standingAlone = new WeakMap<Pledge, Pledge>();
const originals = new WeakMap<Pledge, Pledge>();

/**
 * The dataset as a scope sees it (the same object for `all`). `now` (for a dataset of the past) holds each
 * pledge's state today, or its last state if it was deleted: a pledge is kept only if the scope may see both
 * the version in the dataset and that state. A pledge missing from `now` is judged by its version alone.
 */
export function restrictDataset(dataset: PreparedDataset, scope: VisibilityScope, now?: ReadonlyMap<string, unknown>): PreparedDataset {
  if (scope.kind === 'all') return dataset;
  const hidden = new Set<string>();
  const hiddenAt: number[] = [];
  const pledges = dataset.pledges.filter((pledge, i) => {
    const visible = canSeePledge(scope, pledge) && (now === undefined || !now.has(pledge.id) || canSeeRecord(scope, now.get(pledge.id)));
    if (!visible) {
      hidden.add(pledge.id);
      hiddenAt.push(i);
    }
    return visible;
  });
  // A view of the past is never derived from (its visibility also depends on `now`): only views of now are recorded.
  const remember = (view: PreparedDataset): PreparedDataset => (now === undefined ? rememberView(view, scope, dataset, hidden, Int32Array.from(hiddenAt)) : view);
  // Nothing hidden: the view is the dataset itself (and shares what is compiled from it).
  if (hidden.size === 0) return remember(dataset);
  const view = pledges.map((pledge) => viewedPledge(pledge, hidden, dataset));
  return remember({ ...dataset, pledges: view, conditions: new HiddenKeysMap(dataset.conditions, hidden) });
}

/** What a view of now was made from (restrict-changed-dataset.ts derives the next head's view from it). */
export interface ViewRecord {
  /** The dataset it is a view of. */
  source: DatasetToken;
  hidden: ReadonlySet<string>;
  /** The positions of the hidden pledges in the dataset's list, ascending. */
  hiddenAt: Int32Array;
}

// Per view object and scope key (a dataset that hides nothing is the view of several scopes).
const viewRecords = new WeakMap<PreparedDataset, Map<string, ViewRecord>>();

/** Record that `view` is `dataset` as `scope` sees it, hiding `hidden` (at `hiddenAt`), and index its list by the dataset's; returns `view`. */
export function rememberView(view: PreparedDataset, scope: VisibilityScope, dataset: PreparedDataset, hidden: ReadonlySet<string>, hiddenAt: Int32Array): PreparedDataset {
  let records = viewRecords.get(view);
  if (!records) {
    records = new Map();
    viewRecords.set(view, records);
  }
  records.set(scopeKey(scope), { source: datasetToken(dataset), hidden, hiddenAt });
  if (view.pledges !== dataset.pledges) indexViewList(view.pledges, dataset.pledges, hidden, hiddenAt);
  return view;
}

/** What `view` was made from for `scope`, if restrictDataset (or restrictChangedDataset) made it. */
export function viewRecordOf(view: PreparedDataset, scope: VisibilityScope): ViewRecord | undefined {
  return viewRecords.get(view)?.get(scopeKey(scope));
}

/**
 * A visible pledge as a view holds it: itself, or, a revision of a hidden pledge, standing alone (the hidden one
 * is not there to replace).
 */
export function viewedPledge(pledge: Pledge, hidden: ReadonlySet<string>, dataset: PreparedDataset): Pledge {
  const target = pledge.supersedes;
  return target === undefined || (!hidden.has(target) && dataset.conditions.has(target)) ? pledge : alone(pledge);
}

// canSeeItem without building its argument for the pledges most are: coalition-wide or public.
export function canSeePledge(scope: VisibilityScope, pledge: Pledge): boolean {
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
    originals.set(known, pledge);
  }
  return known;
}

/** The dataset's pledge a view's entry is (itself, or the revision an entry standing alone was made from). */
export function originalPledge(entry: Pledge): Pledge {
  return originals.get(entry) ?? entry;
}
