import { z } from 'zod';
import type { Dataset } from '../core/types.js';
import {
  capabilitySchema,
  factSchema,
  localizedNameSchema,
  packageSchema,
  partyIdSchema,
  pledgeSchema,
  requirementSchema,
  sourceSchema,
} from './domain.schema.js';

// The scenario file of `coalition scenario --input FILE`: a public contract (docs/scenario-file.md).
// Only ids are required for parties; everything but facts and pledges may be left out.

export const scenarioPartySchema = z.strictObject({
  id: partyIdSchema,
  kind: z.enum(['state', 'institution', 'beneficiary']).default('state'),
  name: localizedNameSchema.optional(),
  groups: z.array(z.enum(['EU', 'NATO', 'G7', 'NB8', 'coalition'])).default([]),
});

/** The record schema of each collection in a scenario file; every collection is optional. */
export const SCENARIO_FILE_COLLECTIONS = {
  facts: factSchema,
  parties: scenarioPartySchema,
  pledges: pledgeSchema,
  requirements: requirementSchema,
  capabilities: capabilitySchema,
  packages: packageSchema,
  sources: sourceSchema,
};

export interface ScenarioFile {
  facts: z.output<typeof factSchema>[];
  parties: z.output<typeof scenarioPartySchema>[];
  pledges: z.output<typeof pledgeSchema>[];
  requirements: z.output<typeof requirementSchema>[];
  capabilities: z.output<typeof capabilitySchema>[];
  packages: z.output<typeof packageSchema>[];
  sources: z.output<typeof sourceSchema>[];
}

/** A parsed scenario file as a dataset (party names default to their ids). */
export function datasetFromScenarioFile(file: ScenarioFile): Dataset {
  return {
    sources: file.sources,
    parties: file.parties.map((party) => ({ ...party, name: party.name ?? { en: party.id, de: party.id } })),
    capabilities: file.capabilities,
    facts: file.facts,
    packages: file.packages,
    requirements: file.requirements,
    pledges: file.pledges,
  };
}
