import { KNOWN_AREAS } from '../areas.js';
import type { Condition } from '../conditions/ast.js';
import { checkConditionText, type ConditionVocabulary } from '../conditions/check-condition.js';
import { type Result, succeed } from '../errors.js';
import { guaranteeTriggerProblem } from '../guarantees/requires-trigger.js';
import type { Dataset, Pledge } from '../types.js';
import { LayeredMap } from './layered-map.js';
import { type PreparedDataset, prepareDataset } from './prepare-dataset.js';
import { appendRecord, findById, replaceRecord } from './record-positions.js';

// A write checks what it changes (DESIGN.md §9: validation proportional to the change, not the dataset). For a
// pledge written into a prepared (hence consistent) dataset only the pledge itself can be wrong: its references,
// its condition against the vocabulary, and a supersedes cycle through it. Its condition is parsed only when its
// text changed, the other pledges' parsed conditions are shared with the previous version. Whenever this quick
// check finds a problem or cannot be sure (another collection written, an id taken, the vocabulary of areas
// shrinking), the full check runs on the changed dataset: the answer — accepted, or the problems — is always
// exactly prepareDataset's (property-tested on random change sequences).

/** One change to a collection of the dataset. */
export type DatasetChange = { kind: 'create'; record: { id: string } } | { kind: 'update'; record: { id: string } } | { kind: 'delete'; id: string };

interface Vocabulary extends ConditionVocabulary {
  sources: ReadonlySet<string>;
}

// The names a pledge may use, per prepared dataset (built on the first write to it, passed on to the next version
// when a write leaves it as it is).
const vocabularies = new WeakMap<PreparedDataset, Vocabulary>();

/** The dataset with one change applied (the records of other collections shared). */
export function applyDatasetChange(dataset: Dataset, collection: string, change: DatasetChange): Dataset {
  const key = collection as keyof Dataset;
  const list = dataset[key] as readonly { id: string }[];
  let next: { id: string }[];
  if (change.kind === 'create') next = appendRecord(list, change.record);
  else if (change.kind === 'update') next = replaceRecord(list, change.record);
  else next = list.filter((item) => item.id !== change.id);
  return { ...dataset, [key]: next };
}

/** prepareDataset of the changed dataset, checking only what changed when a pledge is written. */
export function prepareChangedDataset(previous: PreparedDataset, collection: string, change: DatasetChange): Result<PreparedDataset> {
  const changed = applyDatasetChange(previous, collection, change);
  if (collection !== 'pledges') return prepareDataset(changed);
  const quick = change.kind === 'delete' ? checkDeletedPledge(previous, changed, change.id) : checkWrittenPledge(previous, changed, change.record as Pledge, change.kind);
  if (!quick) return prepareDataset(changed);
  const prepared: PreparedDataset = { ...changed, conditions: quick.conditions, capabilityById: previous.capabilityById };
  vocabularies.set(prepared, quick.vocabulary);
  return succeed(prepared);
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
  if (before && before.areas.some((area) => !pledge.areas.includes(area) && !usedElsewhere(changed, area))) return undefined;
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
  if (before.areas.some((area) => !usedElsewhere(changed, area))) return undefined;
  return { conditions: LayeredMap.with(previous.conditions, id, undefined), vocabulary: vocabularyOf(previous) };
}

// Whether an area stays in the vocabulary without the written pledge's old version: a known area, or used by
// another pledge or a requirement of the changed dataset.
function usedElsewhere(changed: Dataset, area: string): boolean {
  return (KNOWN_AREAS as readonly string[]).includes(area) || changed.pledges.some((pledge) => pledge.areas.includes(area)) || changed.requirements.some((requirement) => requirement.area === area);
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

function vocabularyOf(dataset: PreparedDataset): Vocabulary {
  let vocabulary = vocabularies.get(dataset);
  if (!vocabulary) {
    const areas = new Set<string>(KNOWN_AREAS);
    for (const pledge of dataset.pledges) for (const area of pledge.areas) areas.add(area);
    for (const requirement of dataset.requirements) areas.add(requirement.area);
    vocabulary = {
      facts: new Set(dataset.facts.map((fact) => fact.id)),
      parties: new Set(dataset.parties.map((party) => party.id)),
      capabilities: new Set(dataset.capabilityById.keys()),
      areas,
      sources: new Set(dataset.sources.map((source) => source.id)),
    };
    vocabularies.set(dataset, vocabulary);
  }
  return vocabulary;
}
