import type { Condition } from '../conditions/ast.js';
import { checkConditionText } from '../conditions/check-condition.js';
import { type Result, succeed } from '../errors.js';
import { guaranteeTriggerProblem } from '../guarantees/requires-trigger.js';
import type { Dataset, Pledge } from '../types.js';
import { areaInUse, rememberVocabulary, type Vocabulary, vocabularyOf } from './change-vocabulary.js';
import { checkRecordChange } from './check-record-change.js';
import { rememberLineage } from './dataset-lineage.js';
import { LayeredMap } from './layered-map.js';
import { type PreparedDataset, prepareDataset } from './prepare-dataset.js';
import { appendRecord, findById, removeRecord, replaceRecord } from './record-positions.js';

// A write checks what it changes (DESIGN.md §9: validation proportional to the change, not the dataset), in any
// collection. Written into a prepared (hence consistent) dataset, only the written record, what names it, and the
// names it adds to or takes from the vocabulary can be wrong:
// - a pledge: its references, its condition against the vocabulary (parsed only when its text changed), its
//   guarantee's trigger, a supersedes cycle through it, and an area only it used leaving the vocabulary;
// - a requirement, fact, party, source, package or capability: check-record-change.ts (its references; for a
//   delete, a scan of what could name it; names leaving the vocabulary checked against the parsed conditions).
// The other pledges' parsed conditions are shared with the previous version (a LayeredMap), never parsed again.
// Whenever a quick check finds a problem or cannot be sure (an id taken, an area only the old version used), the
// full check runs on the changed dataset: the answer — accepted, or the problems — is always exactly
// prepareDataset's (property-tested on random change sequences over every collection).

/** One change to a collection of the dataset. */
export type DatasetChange = { kind: 'create'; record: { id: string } } | { kind: 'update'; record: { id: string } } | { kind: 'delete'; id: string };

/** The dataset with one change applied (the records of other collections shared). */
export function applyDatasetChange(dataset: Dataset, collection: string, change: DatasetChange): Dataset {
  const key = collection as keyof Dataset;
  const list = dataset[key] as readonly { id: string }[];
  let next: { id: string }[];
  if (change.kind === 'create') next = appendRecord(list, change.record);
  else if (change.kind === 'update') next = replaceRecord(list, change.record);
  else next = removeRecord(list, change.id);
  return { ...dataset, [key]: next };
}

/** How many writes the quick check accepted, and how many the full check answered (for tests and benchmarks). */
export const changeChecks = { quick: 0, full: 0 };

/** prepareDataset of the changed dataset, checking only what changed. */
export function prepareChangedDataset(previous: PreparedDataset, collection: string, change: DatasetChange): Result<PreparedDataset> {
  const changed = applyDatasetChange(previous, collection, change);
  const full = (): Result<PreparedDataset> => {
    changeChecks.full++;
    return remembered(prepareDataset(changed), previous, collection, change);
  };
  if (collection !== 'pledges') {
    const checked = checkRecordChange(previous, changed, vocabularyOf(previous), collection, change);
    if (!checked) return full();
    const prepared: PreparedDataset = { ...changed, conditions: previous.conditions, capabilityById: checked.capabilityById };
    rememberVocabulary(prepared, checked.vocabulary);
    changeChecks.quick++;
    return remembered(succeed(prepared), previous, collection, change);
  }
  const quick = change.kind === 'delete' ? checkDeletedPledge(previous, changed, change.id) : checkWrittenPledge(previous, changed, change.record as Pledge, change.kind);
  if (!quick) return full();
  const prepared: PreparedDataset = { ...changed, conditions: quick.conditions, capabilityById: previous.capabilityById };
  rememberVocabulary(prepared, quick.vocabulary);
  changeChecks.quick++;
  return remembered(succeed(prepared), previous, collection, change);
}

// What a changed dataset was made from (dataset-lineage.ts), for what is derived from it by the change alone.
function remembered(prepared: Result<PreparedDataset>, previous: PreparedDataset, collection: string, change: DatasetChange): Result<PreparedDataset> {
  if (prepared.ok) rememberLineage(prepared.value, previous, collection, change);
  return prepared;
}

interface QuickResult {
  conditions: ReadonlyMap<string, Condition>;
  vocabulary: Vocabulary;
}

function checkWrittenPledge(previous: PreparedDataset, changed: Dataset, pledge: Pledge, kind: 'create' | 'update'): QuickResult | undefined {
  const before = kind === 'update' ? findById(previous.pledges, pledge.id) : undefined;
  if (kind === 'create' ? previous.conditions.has(pledge.id) : before === undefined) return undefined;
  let vocabulary = vocabularyOf(previous);
  const added = pledge.areas.filter((area) => !vocabulary.areas.has(area));
  if (before && before.areas.some((area) => !pledge.areas.includes(area) && !areaInUse(changed, area))) return undefined;
  if (added.length > 0) vocabulary = { ...vocabulary, areas: new Set([...vocabulary.areas, ...added]) };
  const known = (set: ReadonlySet<string>, id: string): boolean => set.has(id);
  if (!known(vocabulary.parties, pledge.party) || !known(vocabulary.capabilities, pledge.capability)) return undefined;
  if (!(pledge.sharedWith ?? []).every((party) => known(vocabulary.parties, party))) return undefined;
  if (!pledge.sources.every((source) => known(vocabulary.sources, source))) return undefined;
  if (pledge.supersedes !== undefined && (!(previous.conditions.has(pledge.supersedes) || pledge.supersedes === pledge.id) || closesCycle(changed, pledge))) return undefined;
  let condition = before !== undefined && before.condition === pledge.condition ? previous.conditions.get(pledge.id) : undefined;
  if (condition === undefined) {
    const checked = checkConditionText(pledge.condition, vocabulary);
    if (!checked.ok) return undefined;
    condition = checked.condition;
  }
  if (guaranteeTriggerProblem(pledge, condition) !== undefined) return undefined;
  return { conditions: LayeredMap.with(previous.conditions, pledge.id, condition), vocabulary };
}

function checkDeletedPledge(previous: PreparedDataset, changed: Dataset, id: string): QuickResult | undefined {
  const before = findById(previous.pledges, id);
  if (!before) return undefined;
  // A revision of it would name a pledge that is gone; an area only it used would leave the vocabulary.
  if (changed.pledges.some((pledge) => pledge.supersedes === id)) return undefined;
  if (before.areas.some((area) => !areaInUse(changed, area))) return undefined;
  return { conditions: LayeredMap.with(previous.conditions, id, undefined), vocabulary: vocabularyOf(previous) };
}

// A cycle through the written pledge: only its own `supersedes` changed, and the dataset had none before.
function closesCycle(changed: Dataset, pledge: Pledge): boolean {
  const next = new Map<string, string | undefined>();
  const nextOf = (id: string): string | undefined => {
    if (!next.has(id)) next.set(id, findById(changed.pledges, id)?.supersedes);
    return next.get(id);
  };
  const seen = new Set<string>([pledge.id]);
  for (let current = pledge.supersedes; current !== undefined; current = nextOf(current)) {
    if (seen.has(current)) return true;
    seen.add(current);
  }
  return false;
}
