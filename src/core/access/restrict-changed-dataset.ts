import { type DatasetLineage, datasetToken, lineageOf } from '../dataset/dataset-lineage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import { HiddenKeysMap } from './hidden-keys-map.js';
import type { VisibilityScope } from './principal.js';
import { canSeePledge, rememberView, restrictDataset, type ViewRecord, viewedPledge, viewRecordOf } from './restrict-dataset.js';

// A caller's view of the dataset one write made, derived from their view of the dataset before it in proportion
// to the change (restrictDataset is a pass over every pledge: ~30 ms at 100,000 per write and scope). Only the
// written pledge's visibility can change — the others' depend on their own fields and the scope — so the view's
// list gets that pledge appended, replaced, inserted or removed where it stands among the visible ones (its
// position in the dataset less the hidden ones before it), and the hidden set changes by its id. A revision
// stands alone when the pledge it supersedes is hidden: when the write hides or shows a pledge, its revisions
// (a scan of the list, no copy) are replaced by what they are now. The result equals restrictDataset's — the
// same pledge objects at the same positions, the same hidden ids, the dataset itself when nothing is hidden —
// and whenever the views or datasets are not the ones this expects, restrictDataset answers.

/**
 * The dataset as the scope sees it (restrictDataset's answer), derived from `previousView` — the scope's view of
 * the dataset `dataset` was made from by one write, or of `dataset` itself — when it can be.
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
  const lineage = lineageOf(dataset);
  if (!before || !lineage || lineage.previous !== before.source) {
    viewCounts.full++;
    return undefined;
  }
  const made = changedView(previousView.pledges, before, lineage, dataset, scope);
  if (!made) {
    viewCounts.unfit++;
    return undefined;
  }
  viewCounts.derived++;
  return made;
}

// The view after the lineage's change, or undefined when what was recorded does not fit the lists.
function changedView(list: readonly Pledge[], before: ViewRecord, lineage: DatasetLineage, dataset: PreparedDataset, scope: VisibilityScope): PreparedDataset | undefined {
  const { hidden, hiddenAt } = before;
  const { collection, change, at } = lineage;
  // Another collection's write leaves the pledge list (the same object) and so the view's.
  if (collection !== 'pledges') return viewOf(dataset, scope, list, hidden, hiddenAt);
  const viewAt = (position: number, positions: Int32Array): number => position - countBelow(positions, position);
  if (change.kind === 'create') {
    // Appended; nothing can supersede a pledge that did not exist.
    const pledge = change.record as Pledge;
    if (dataset.pledges[at] !== pledge) return undefined;
    if (canSeePledge(scope, pledge)) return viewOf(dataset, scope, [...list, viewedPledge(pledge, hidden, dataset)], hidden, hiddenAt);
    return viewOf(dataset, scope, list, withId(hidden, pledge.id, true), insertPosition(hiddenAt, at));
  }
  if (change.kind === 'delete') {
    // Nothing supersedes it (the changed dataset is prepared: every `supersedes` names a pledge of it).
    const moved = removePosition(hiddenAt, at);
    if (hidden.has(change.id)) return viewOf(dataset, scope, list, withId(hidden, change.id, false), moved);
    const v = viewAt(at, hiddenAt);
    if (list[v]?.id !== change.id) return undefined;
    return viewOf(dataset, scope, list.toSpliced(v, 1), hidden, moved);
  }
  const pledge = change.record as Pledge;
  if (dataset.pledges[at] !== pledge) return undefined;
  const wasHidden = hidden.has(pledge.id);
  const visible = canSeePledge(scope, pledge);
  const v = viewAt(at, hiddenAt);
  if (wasHidden && !visible) return viewOf(dataset, scope, list, hidden, hiddenAt);
  if (!wasHidden && visible) {
    if (list[v]?.id !== pledge.id) return undefined;
    const next = list.slice();
    next[v] = viewedPledge(pledge, hidden, dataset);
    return viewOf(dataset, scope, next, hidden, hiddenAt);
  }
  // Hidden or shown by this write: so are the revisions of it made to stand alone, or to replace it again.
  const nextHidden = withId(hidden, pledge.id, !visible);
  const nextAt = visible ? removePosition(hiddenAt, at, false) : insertPosition(hiddenAt, at);
  let next: Pledge[];
  if (visible) next = list.toSpliced(v, 0, viewedPledge(pledge, nextHidden, dataset));
  else if (list[v]?.id === pledge.id) next = list.toSpliced(v, 1);
  else return undefined;
  const pledges = dataset.pledges;
  for (let r = 0; r < pledges.length; r++) {
    const revision = pledges[r] as Pledge;
    if (revision.supersedes !== pledge.id || nextHidden.has(revision.id)) continue;
    const w = viewAt(r, nextAt);
    if (next[w]?.id !== revision.id) return undefined;
    next[w] = viewedPledge(revision, nextHidden, dataset);
  }
  return viewOf(dataset, scope, next, nextHidden, nextAt);
}

// The view (the dataset itself when nothing is hidden), recorded for the next write's derivation.
function viewOf(dataset: PreparedDataset, scope: VisibilityScope, pledges: readonly Pledge[], hidden: ReadonlySet<string>, hiddenAt: Int32Array): PreparedDataset | undefined {
  if (pledges.length + hidden.size !== dataset.pledges.length || hiddenAt.length !== hidden.size) return undefined;
  if (hidden.size === 0) return rememberView(dataset, scope, dataset, hidden, hiddenAt);
  // Every hidden id is a pledge's, and a prepared dataset has a parsed condition for each pledge.
  const conditions = new HiddenKeysMap(dataset.conditions, hidden, dataset.conditions.size - hidden.size);
  return rememberView({ ...dataset, pledges: pledges as Pledge[], conditions }, scope, dataset, hidden, hiddenAt);
}

function withId(set: ReadonlySet<string>, id: string, present: boolean): ReadonlySet<string> {
  const next = new Set(set);
  if (present) next.add(id);
  else next.delete(id);
  return next;
}

// How many of the ascending positions are below `position`.
function countBelow(positions: Int32Array, position: number): number {
  let low = 0;
  let high = positions.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if ((positions[mid] as number) < position) low = mid + 1;
    else high = mid;
  }
  return low;
}

function insertPosition(positions: Int32Array, position: number): Int32Array {
  const i = countBelow(positions, position);
  const next = new Int32Array(positions.length + 1);
  next.set(positions.subarray(0, i));
  next[i] = position;
  next.set(positions.subarray(i), i + 1);
  return next;
}

// Without `position` (if there); the later ones moved down by one when the record at `position` left the list.
function removePosition(positions: Int32Array, position: number, shift = true): Int32Array {
  const i = countBelow(positions, position);
  const present = positions[i] === position;
  const next = new Int32Array(positions.length - (present ? 1 : 0));
  next.set(positions.subarray(0, i));
  const rest = positions.subarray(present ? i + 1 : i);
  for (let j = 0; j < rest.length; j++) next[i + j] = (rest[j] as number) - (shift ? 1 : 0);
  return next;
}
