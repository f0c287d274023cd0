import { z } from 'zod';
import {
  capabilitySchema,
  factSchema,
  packageSchema,
  partySchema,
  pledgeSchema,
  requirementSchema,
  sourceSchema,
} from './domain.schema.js';

// The on-disk dataset (data/demo/*.json): one file per entity, each a JSON array.

export const DATASET_FILES = {
  sources: 'sources.json',
  parties: 'parties.json',
  capabilities: 'capabilities.json',
  facts: 'facts.json',
  packages: 'packages.json',
  requirements: 'requirements.json',
  pledges: 'pledges.json',
} as const;

/** The record schema of each collection; sources, parties, facts and pledges must be present. */
export const DATASET_COLLECTIONS = {
  sources: sourceSchema,
  parties: partySchema,
  capabilities: capabilitySchema,
  facts: factSchema,
  packages: packageSchema,
  requirements: requirementSchema,
  pledges: pledgeSchema,
};
export const REQUIRED_DATASET_COLLECTIONS = ['sources', 'parties', 'facts', 'pledges'] as const;

export const datasetSchema = z.strictObject({
  sources: z.array(sourceSchema),
  parties: z.array(partySchema),
  /** Extra capabilities beyond the built-in catalogue; optional. */
  capabilities: z.array(capabilitySchema).default([]),
  facts: z.array(factSchema),
  packages: z.array(packageSchema).default([]),
  requirements: z.array(requirementSchema).default([]),
  pledges: z.array(pledgeSchema),
});

export type DatasetInput = z.input<typeof datasetSchema>;
