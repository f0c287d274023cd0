import { capabilityType } from '../../contracts/record-types/capability.record.js';
import { factType } from '../../contracts/record-types/fact.record.js';
import { partyType } from '../../contracts/record-types/party.record.js';
import { pledgeType } from '../../contracts/record-types/pledge.record.js';
import { requirementPackageType } from '../../contracts/record-types/requirement-package.record.js';
import { requirementType } from '../../contracts/record-types/requirement.record.js';
import { sourceType } from '../../contracts/record-types/source.record.js';
import type { Capability, Dataset, Fact, Party, Pledge, Requirement, RequirementPackage, Source } from '../../core/types.js';
import { type EntityDefinition, entityOf, type StoredRecord } from './entity-definition.js';

// The records the engine reasons about (DESIGN.md §3), each the entity of its declared record type. The
// core's own types (core/types.ts) must match the declarations: these annotations fail the build if they drift.

export const sourceEntity: EntityDefinition<Source> = entityOf(sourceType);
export const partyEntity: EntityDefinition<Party> = entityOf(partyType);
export const capabilityEntity: EntityDefinition<Capability> = entityOf(capabilityType);
export const factEntity: EntityDefinition<Fact> = entityOf(factType);
export const packageEntity: EntityDefinition<RequirementPackage> = entityOf(requirementPackageType);
export const requirementEntity: EntityDefinition<Requirement> = entityOf(requirementType);
export const pledgeEntity: EntityDefinition<Pledge> = entityOf(pledgeType);

/** The engine's records, in the order a dataset loads them (referenced before referencing). */
export const DATASET_ENTITIES: readonly EntityDefinition[] = [sourceEntity, partyEntity, capabilityEntity, factEntity, packageEntity, requirementEntity, pledgeEntity];

/** The collection names of the engine's dataset (the keys of core's Dataset). */
export const DATASET_ENTITY_NAMES: ReadonlySet<string> = new Set(DATASET_ENTITIES.map((entity) => entity.name));

/** The engine's Dataset from each dataset entity's records (read from the store, or from a checked file). */
export function assembleDataset(recordsOf: (entity: EntityDefinition) => readonly StoredRecord[]): Dataset {
  const dataset: Record<string, readonly StoredRecord[]> = {};
  for (const entity of DATASET_ENTITIES) dataset[entity.name] = recordsOf(entity);
  // Each list holds its entity's records (the store and the files only hold what its schema accepted), and
  // the dataset entities' names are the keys of Dataset.
  return dataset as unknown as Dataset;
}
