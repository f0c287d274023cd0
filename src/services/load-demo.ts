import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { InputError } from '../contracts/input-error.js';
import { sourceSchema } from '../contracts/domain.schema.js';
import { parseCollections } from '../contracts/parse-collections.js';
import {
  capabilityEntity,
  factEntity,
  packageEntity,
  partyEntity,
  pledgeEntity,
  requirementEntity,
  sourceEntity,
} from '../db/entities/dataset-entities.js';
import { contributionEntity, financingPlanEntity, fundEntity, fundPackageEntity } from '../db/entities/funding-entities.js';
import { actionItemEntity, meetingDecisionEntity, meetingEntity } from '../db/entities/meeting-entities.js';
import { sanctionsMeasureEntity, sanctionsPackageEntity } from '../db/entities/sanctions-entities.js';
import type { SystemPrincipal } from '../core/access/principal.js';
import type { Store } from '../db/open-store.js';
import { type ImportSummary, importRecords } from './import-records.service.js';
import { demoDataDirectory, loadDatasetDirectory } from './load-dataset.js';
import type { DatasetCache } from './store-dataset.js';

// `coalition demo`: loads the demo dataset into the store. Idempotent: records already there are left as
// they are (an edited demo pledge stays edited), missing ones are added with an audit entry by `demo`.

/** Who writes the demo data (the audit log's actor). */
export const DEMO_PRINCIPAL: SystemPrincipal = { name: 'demo' };

/** The note of the first public release the demo publishes. */
export const DEMO_RELEASE_NOTE = 'First release of the demo data';

/** Load the demo dataset (engine records, meetings, sanctions, funding); returns what was created. */
export async function loadDemo(store: Store, cache: DatasetCache, now: () => Date): Promise<ImportSummary> {
  const directory = demoDataDirectory();
  const dataset = await loadDatasetDirectory(directory);
  const meetings = await readExtra(join(directory, 'meetings.json'), {
    sources: sourceSchema,
    meetings: meetingEntity.schema,
    decisions: meetingDecisionEntity.schema,
    actionItems: actionItemEntity.schema,
  });
  const sanctions = await readExtra(join(directory, 'sanctions.json'), {
    sources: sourceSchema,
    packages: sanctionsPackageEntity.schema,
    measures: sanctionsMeasureEntity.schema,
  });
  const funding = await readExtra(join(directory, 'funding.json'), {
    sources: sourceSchema,
    funds: fundEntity.schema,
    fundPackages: fundPackageEntity.schema,
    contributions: contributionEntity.schema,
    financingPlans: financingPlanEntity.schema,
  });
  return importRecords(
    store,
    cache,
    DEMO_PRINCIPAL,
    [
      { entity: sourceEntity, records: [...dataset.sources, ...meetings.sources, ...sanctions.sources, ...funding.sources] },
      { entity: partyEntity, records: dataset.parties },
      { entity: capabilityEntity, records: dataset.capabilities },
      { entity: factEntity, records: dataset.facts },
      { entity: packageEntity, records: dataset.packages },
      { entity: requirementEntity, records: dataset.requirements },
      { entity: pledgeEntity, records: dataset.pledges },
      { entity: meetingEntity, records: meetings.meetings },
      { entity: meetingDecisionEntity, records: meetings.decisions },
      { entity: actionItemEntity, records: meetings.actionItems },
      { entity: sanctionsPackageEntity, records: sanctions.packages },
      { entity: sanctionsMeasureEntity, records: sanctions.measures },
      { entity: fundEntity, records: funding.funds },
      { entity: fundPackageEntity, records: funding.fundPackages },
      { entity: contributionEntity, records: funding.contributions },
      { entity: financingPlanEntity, records: funding.financingPlans },
    ],
    { mode: 'insert-missing', now },
  );
}

// The demo's meetings and sanctions files: collections of records, every one checked by its schema.
async function readExtra<S extends Record<string, z.ZodType>>(path: string, schemas: S): Promise<{ [K in keyof S]: { id: string }[] }> {
  const raw: unknown = JSON.parse(await readFile(path, 'utf8'));
  const parsed = parseCollections(raw, schemas, Object.keys(schemas));
  if (parsed.problems.length > 0) throw new InputError('input.invalid', `invalid demo file ${path}`, parsed.problems);
  return parsed.records as { [K in keyof S]: { id: string }[] };
}
