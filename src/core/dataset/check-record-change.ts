import { CAPABILITY_CATALOGUE } from '../capabilities.js';
import type { Capability, Dataset, Fact, Requirement, RequirementPackage, Source } from '../types.js';
import { areaInUse, conditionsHold, type Vocabulary, withName } from './change-vocabulary.js';
import type { DatasetChange } from './prepare-change.js';
import type { PreparedDataset } from './prepare-dataset.js';
import { findById, positionsOf } from './record-positions.js';

// The quick check of a write to a collection other than pledges, into a prepared (hence consistent) dataset: what
// prepareDataset would find wrong can only be in or about the written record. Per rule:
// - ids: a create's id is fresh, an update's or delete's exists (else the full check answers);
// - references out of the written record: a source's owner, the sources of a fact, package or requirement, a
//   requirement's capability and package — looked up in the previous dataset's id sets;
// - references into a deleted record (or a capability id that leaves with it): a scan of the records that can
//   name it and of the parsed conditions' atoms (conditionsHold). Scans, not indexes kept per dataset: these
//   deletes are rare, a scan costs milliseconds at 100,000 pledges (a re-parse: seconds), and an index of who
//   names what would have to be patched by every pledge write;
// - the areas vocabulary: a requirement's area joins it; an area no record uses any more leaves it, and the
//   parsed conditions are checked against what is left (no parse);
// - capabilities are not checked for unique ids (a dataset's capability may replace the catalogue's):
//   capabilityById is merged anew from the catalogue and the dataset's few, as prepareDataset does.
// Nothing here changes a pledge, so no condition is parsed and every parsed condition is kept.

export interface RecordQuick {
  capabilityById: ReadonlyMap<string, Capability>;
  vocabulary: Vocabulary;
}

/** The quick check's answer for a write to `collection` (not pledges); undefined: the full check must answer. */
export function checkRecordChange(previous: PreparedDataset, changed: Dataset, vocabulary: Vocabulary, collection: string, change: DatasetChange): RecordQuick | undefined {
  const keep = (next: Vocabulary = vocabulary): RecordQuick => ({ capabilityById: previous.capabilityById, vocabulary: next });
  const id = change.kind === 'delete' ? change.id : change.record.id;
  const list = previous[collection as keyof Dataset] as readonly { id: string }[] | undefined;
  if (!list) return undefined;
  if (collection === 'capabilities') return checkCapabilities(previous, changed, vocabulary);
  const exists = positionsOf(list).has(id);
  if (change.kind === 'create' ? exists : !exists) return undefined;
  const sourcesKnown = (sources: readonly string[]): boolean => sources.every((source) => vocabulary.sources.has(source));
  const record = change.kind === 'delete' ? undefined : change.record;
  switch (collection) {
    case 'facts': {
      if (record) return sourcesKnown((record as Fact).sources) ? keep({ ...vocabulary, facts: withName(vocabulary.facts, id, true) }) : undefined;
      const next = { ...vocabulary, facts: withName(vocabulary.facts, id, false) };
      return conditionsHold(previous.conditions, next) ? keep(next) : undefined;
    }
    case 'parties': {
      if (record) return keep({ ...vocabulary, parties: withName(vocabulary.parties, id, true) });
      if (changed.sources.some((source) => source.owner === id)) return undefined;
      if (changed.pledges.some((pledge) => pledge.party === id || pledge.sharedWith?.includes(id))) return undefined;
      const next = { ...vocabulary, parties: withName(vocabulary.parties, id, false) };
      return conditionsHold(previous.conditions, next) ? keep(next) : undefined;
    }
    case 'sources': {
      const owner = (record as Source | undefined)?.owner;
      if (record) return owner === undefined || vocabulary.parties.has(owner) ? keep({ ...vocabulary, sources: withName(vocabulary.sources, id, true) }) : undefined;
      const cites = (item: { sources: readonly string[] }): boolean => item.sources.includes(id);
      if (changed.facts.some(cites) || changed.packages.some(cites) || changed.requirements.some(cites) || changed.pledges.some(cites)) return undefined;
      return keep({ ...vocabulary, sources: withName(vocabulary.sources, id, false) });
    }
    case 'packages':
      if (record) return sourcesKnown((record as RequirementPackage).sources) ? keep() : undefined;
      return changed.requirements.some((requirement) => requirement.package === id) ? undefined : keep();
    case 'requirements':
      return checkRequirement(previous, changed, vocabulary, record as Requirement | undefined, id, sourcesKnown);
    default:
      return undefined;
  }
}

function checkRequirement(
  previous: PreparedDataset,
  changed: Dataset,
  vocabulary: Vocabulary,
  record: Requirement | undefined,
  id: string,
  sourcesKnown: (sources: readonly string[]) => boolean,
): RecordQuick | undefined {
  if (record) {
    if (!vocabulary.capabilities.has(record.capability) || !sourcesKnown(record.sources)) return undefined;
    if (record.package !== undefined && !positionsOf(previous.packages).has(record.package)) return undefined;
  }
  let areas = record ? withName(vocabulary.areas, record.area, true) : vocabulary.areas;
  const before = findById(previous.requirements, id);
  if (before && before.area !== record?.area && !areaInUse(changed, before.area)) {
    // The area leaves the vocabulary: no condition may name it.
    areas = withName(areas, before.area, false);
    if (!conditionsHold(previous.conditions, { ...vocabulary, areas })) return undefined;
  }
  return { capabilityById: previous.capabilityById, vocabulary: areas === vocabulary.areas ? vocabulary : { ...vocabulary, areas } };
}

// Any write to capabilities: the merged ids may only lose those of the dataset's own capabilities, and a lost id
// must be named by no requirement, pledge or condition.
function checkCapabilities(previous: PreparedDataset, changed: Dataset, vocabulary: Vocabulary): RecordQuick | undefined {
  const capabilityById = new Map(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability]));
  for (const capability of changed.capabilities) capabilityById.set(capability.id, capability);
  const capabilities = new Set(capabilityById.keys());
  const lost = [...vocabulary.capabilities].filter((id) => !capabilities.has(id));
  const next = { ...vocabulary, capabilities };
  if (lost.length > 0) {
    const named = (capability: string): boolean => lost.includes(capability);
    if (changed.requirements.some((requirement) => named(requirement.capability)) || changed.pledges.some((pledge) => named(pledge.capability))) return undefined;
    if (!conditionsHold(previous.conditions, next)) return undefined;
  }
  return { capabilityById, vocabulary: next };
}
