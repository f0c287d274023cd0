import { type DatasetStep, datasetToken, lineageOf } from '../dataset/dataset-lineage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import { HiddenKeysMap } from './hidden-keys-map.js';
import { lowerBound } from '../lower-bound.js';
import { insertPosition, removePosition } from './hidden-positions.js';
import type { VisibilityScope } from './principal.js';
import { canSeePledge, originalPledge, rememberView, restrictDataset, viewedPledge, viewRecordOf } from './restrict-dataset.js';

// A caller's view of the dataset a write made, derived from their view of the dataset before it — or a few writes
// before it (dataset-lineage.ts keeps the last writes) — in proportion to the writes, where restrictDataset is a
// pass over every pledge (~20-30 ms at 100,000 per write and scope). Only a written pledge's visibility can change —
// the others' depend on their own fields and the scope — so, write by write, the view's list gets that pledge
// appended, replaced, inserted or removed where it stands among the visible ones (its position in the dataset less
// the hidden ones before it), and the hidden set changes by its id. A revision stands alone when the pledge it
// supersedes is hidden: when a write hides or shows a pledge, its revisions in the view's list are replaced by what
// they are now. The result equals restrictDataset's — the same pledge objects at the same positions, the same
// hidden ids, the dataset itself when nothing is hidden — and whenever the views or datasets are not the ones this
// expects, restrictDataset answers.

/**
 * The dataset as the scope sees it (restrictDataset's answer), derived from `previousView` — the scope's view of
 * a dataset `dataset` was made from by the last few writes, or of `dataset` itself — when it can be.
 */
export function restrictChangedDataset(previousView: PreparedDataset, dataset: PreparedDataset, scope: VisibilityScope): PreparedDataset {
  if (scope.kind === 'all') return dataset;
  return deriveView(previousView, dataset, scope) ?? restrictDataset(dataset, scope);
}

/**
 * How many views were derived, made anew for want of a known predecessor (full), and made anew because the lists
 * did not fit what was recorded (unfit: never expected; for tests and benchmarks).
 */
export const viewCounts = { derived: 0, full: 0, unfit: 0 };

function deriveView(previousView: PreparedDataset, dataset: PreparedDataset, scope: VisibilityScope): PreparedDataset | undefined {
  const before = viewRecordOf(previousView, scope);
  // The same dataset (a write to no collection of it moved the head): the same view.
  if (before && before.source === datasetToken(dataset)) return previousView;
  const lineage = lineageOf(dataset) ?? [];
  const from = before ? lineage.findLastIndex((step) => step.previous === before.source) : -1;
  if (!before || from < 0) {
    viewCounts.full++;
    return undefined;
  }
  const view: WorkingView = { list: previousView.pledges, owned: false, hidden: before.hidden, ownedHidden: false, hiddenAt: before.hiddenAt };
  for (let i = from; i < lineage.length; i++) {
    if (!replayStep(view, lineage[i] as DatasetStep, dataset, scope)) {
      viewCounts.unfit++;
      return undefined;
    }
  }
  const made = viewOf(dataset, scope, view.list, view.hidden, view.hiddenAt);
  if (!made) {
    viewCounts.unfit++;
    return undefined;
  }
  viewCounts.derived++;
  return made;
}

// A view being brought forward write by write: its list and hidden set are copied on their first change.
interface WorkingView {
  list: readonly Pledge[];
  owned: boolean;
  hidden: ReadonlySet<string>;
  ownedHidden: boolean;
  /** The hidden pledges' positions in the list of the dataset the view is of so far, ascending. */
  hiddenAt: Int32Array;
}

// Apply one write to the view; false when what was recorded does not fit the lists. A visible pledge's entry is
// made against the hidden set after the write, and against `dataset`, the last one (its conditions name every
// pledge any entry may supersede: a later write that hides or shows the superseded pledge replaces the entry).
function replayStep(view: WorkingView, step: DatasetStep, dataset: PreparedDataset, scope: VisibilityScope): boolean {
  const { collection, change, at } = step;
  // Another collection's write leaves the pledge list (the same object) and so the view's.
  if (collection !== 'pledges') return true;
  const v = at - lowerBound(view.hiddenAt, at);
  if (change.kind === 'create') {
    // Appended; nothing can supersede a pledge that did not exist.
    const pledge = change.record as Pledge;
    if (canSeePledge(scope, pledge)) listOf(view).push(viewedPledge(pledge, view.hidden, dataset));
    else {
      hiddenOf(view).add(pledge.id);
      view.hiddenAt = insertPosition(view.hiddenAt, at);
    }
    return true;
  }
  if (change.kind === 'delete') {
    // Nothing supersedes it (the changed dataset is prepared: every `supersedes` names a pledge of it).
    const wasHidden = view.hidden.has(change.id);
    if (wasHidden) hiddenOf(view).delete(change.id);
    else if (view.list[v]?.id === change.id) listOf(view).splice(v, 1);
    else return false;
    view.hiddenAt = removePosition(view.hiddenAt, at, true);
    return true;
  }
  const pledge = change.record as Pledge;
  const wasHidden = view.hidden.has(pledge.id);
  const visible = canSeePledge(scope, pledge);
  if (wasHidden && !visible) return true;
  if (!wasHidden && visible) {
    if (view.list[v]?.id !== pledge.id) return false;
    listOf(view)[v] = viewedPledge(pledge, view.hidden, dataset);
    return true;
  }
  // Hidden or shown by this write: so are the revisions of it made to stand alone, or to replace it again.
  if (visible) {
    hiddenOf(view).delete(pledge.id);
    view.hiddenAt = removePosition(view.hiddenAt, at, false);
    listOf(view).splice(v, 0, viewedPledge(pledge, view.hidden, dataset));
  } else {
    if (view.list[v]?.id !== pledge.id) return false;
    hiddenOf(view).add(pledge.id);
    view.hiddenAt = insertPosition(view.hiddenAt, at);
    listOf(view).splice(v, 1);
  }
  const list = listOf(view);
  for (let w = 0; w < list.length; w++) {
    const revision = originalPledge(list[w] as Pledge);
    if (revision.supersedes === pledge.id) list[w] = viewedPledge(revision, view.hidden, dataset);
  }
  return true;
}

function listOf(view: WorkingView): Pledge[] {
  if (!view.owned) {
    view.list = view.list.slice();
    view.owned = true;
  }
  return view.list as Pledge[];
}

function hiddenOf(view: WorkingView): Set<string> {
  if (!view.ownedHidden) {
    view.hidden = new Set(view.hidden);
    view.ownedHidden = true;
  }
  return view.hidden as Set<string>;
}

// The view (the dataset itself when nothing is hidden), recorded for the next write's derivation.
function viewOf(dataset: PreparedDataset, scope: VisibilityScope, pledges: readonly Pledge[], hidden: ReadonlySet<string>, hiddenAt: Int32Array): PreparedDataset | undefined {
  if (pledges.length + hidden.size !== dataset.pledges.length || hiddenAt.length !== hidden.size) return undefined;
  if (hidden.size === 0) return rememberView(dataset, scope, dataset, hidden, hiddenAt);
  // Every hidden id is a pledge's, and a prepared dataset has a parsed condition for each pledge.
  const conditions = new HiddenKeysMap(dataset.conditions, hidden, dataset.conditions.size - hidden.size);
  return rememberView({ ...dataset, pledges: pledges as Pledge[], conditions }, scope, dataset, hidden, hiddenAt);
}
