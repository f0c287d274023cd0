import { KNOWN_AREAS } from '../areas.js';
import type { Condition } from '../conditions/ast.js';
import { checkConditionNames, type ConditionVocabulary } from '../conditions/check-condition.js';
import type { Dataset } from '../types.js';
import type { PreparedDataset } from './prepare-dataset.js';

// The names a prepared dataset's records may use (prepareDataset's id sets and areas vocabulary), kept per prepared
// dataset for the incremental checks of prepare-change.ts: built on the first write to a dataset, then passed on
// to the version a write makes (the same sets, or copies with the written name added or removed).

export interface Vocabulary extends ConditionVocabulary {
  sources: ReadonlySet<string>;
}

const vocabularies = new WeakMap<PreparedDataset, Vocabulary>();

/** The vocabulary of a prepared dataset (built once per dataset). */
export function vocabularyOf(dataset: PreparedDataset): Vocabulary {
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

/** Pass a vocabulary on to the dataset a write made (when the write worked it out; else it is built on first use). */
export function rememberVocabulary(dataset: PreparedDataset, vocabulary: Vocabulary): void {
  vocabularies.set(dataset, vocabulary);
}

/** `set` with `name` added (or removed); `set` itself when that changes nothing. */
export function withName(set: ReadonlySet<string>, name: string, present: boolean): ReadonlySet<string> {
  if (set.has(name) === present) return set;
  const next = new Set(set);
  if (present) next.add(name);
  else next.delete(name);
  return next;
}

/**
 * Whether an area stays in the vocabulary of the changed dataset: a known area, or used by a pledge or a
 * requirement of it. A scan of the records' area lists, no parse.
 */
export function areaInUse(changed: Dataset, area: string): boolean {
  return (KNOWN_AREAS as readonly string[]).includes(area) || changed.pledges.some((pledge) => pledge.areas.includes(area)) || changed.requirements.some((requirement) => requirement.area === area);
}

/**
 * Whether every parsed condition still names only known things under a smaller vocabulary: the name check of
 * prepareDataset on the conditions parsed already (a walk over their atoms, no parse).
 */
export function conditionsHold(conditions: ReadonlyMap<string, Condition>, vocabulary: ConditionVocabulary): boolean {
  for (const condition of conditions.values()) if (checkConditionNames(condition, vocabulary).length > 0) return false;
  return true;
}
