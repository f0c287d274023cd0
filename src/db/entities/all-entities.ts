import { sql } from 'drizzle-orm';
import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import { RECORD_TYPES } from '../../contracts/record-types/record-types.js';
import type { Database } from '../open-store.js';
import {
  actionItems,
  contributions,
  financingPlans,
  fundPackages,
  funds,
  incidents,
  meetingDecisions,
  meetings,
  sanctionsMeasures,
  sanctionsPackages,
} from '../schema/index.js';
import { DATASET_ENTITIES } from './dataset-entities.js';
import { type EntityDefinition, entityOf, type ReferenceProblem } from './entity-definition.js';
import { FUNDING_ENTITIES, findReferrers, type Referrer, referrer } from './funding-entities.js';
import { incidentEntity } from './incident-entities.js';
import { MEETING_ENTITIES } from './meeting-entities.js';
import { SANCTIONS_ENTITIES } from './sanctions-entities.js';

// Every kind of record the store holds, in load order (referenced before referencing), and the checks that
// keep the records outside the engine's dataset from pointing at a deleted party, source, pledge or requirement.

const WITH_CHECKS = new Map<string, EntityDefinition>(
  [...DATASET_ENTITIES, ...FUNDING_ENTITIES, ...SANCTIONS_ENTITIES, ...MEETING_ENTITIES, incidentEntity].map((entity) => [entity.name, entity as EntityDefinition]),
);

/**
 * All entities in the registry's load order (RECORD_TYPES: the engine's dataset, then funding, sanctions and
 * meetings). A record type without reference checks of its own is stored as declared.
 */
export const ALL_ENTITIES: readonly EntityDefinition[] = RECORD_TYPES.map((type) => WITH_CHECKS.get(type.name) ?? entityOf(type));

const BY_NAME = new Map(ALL_ENTITIES.map((entity) => [entity.name, entity]));

/** The entity whose collection is called `name` (`contributions`), or undefined. */
export function entityByName(name: string): EntityDefinition | undefined {
  return BY_NAME.get(name);
}

/** A referrer through a jsonb array of objects, e.g. contributions.donors holding `{party: id}`. */
function jsonReferrer(collection: string, field: string, table: PgTable & { id: PgColumn }, column: PgColumn, element: (id: string) => object): Referrer {
  return { collection, field, table, id: table.id, matches: (id) => sql`${column} @> ${JSON.stringify([element(id)])}::jsonb` };
}

const sourceReferrers: Referrer[] = [
  referrer('funds', 'sources', funds, funds.sources, true),
  referrer('fund-packages', 'sources', fundPackages, fundPackages.sources, true),
  referrer('contributions', 'sources', contributions, contributions.sources, true),
  referrer('financing-plans', 'sources', financingPlans, financingPlans.sources, true),
  jsonReferrer('financing-plans', 'options', financingPlans, financingPlans.options, (id) => ({ sources: [id] })),
  referrer('sanctions-packages', 'sources', sanctionsPackages, sanctionsPackages.sources, true),
  referrer('sanctions-measures', 'sources', sanctionsMeasures, sanctionsMeasures.sources, true),
  referrer('meetings', 'sources', meetings, meetings.sources, true),
  referrer('meeting-decisions', 'sources', meetingDecisions, meetingDecisions.sources, true),
  referrer('incidents', 'sources', incidents, incidents.sources, true),
];

const partyReferrers: Referrer[] = [
  jsonReferrer('contributions', 'donors', contributions, contributions.donors, (id) => ({ party: id })),
  referrer('contributions', 'sharedWith', contributions, contributions.sharedWith, true),
  jsonReferrer('financing-plans', 'options', financingPlans, financingPlans.options, (id) => ({ optOuts: [id] })),
  jsonReferrer('financing-plans', 'options', financingPlans, financingPlans.options, (id) => ({ guarantors: [id] })),
  jsonReferrer('financing-plans', 'options', financingPlans, financingPlans.options, (id) => ({ keyWeights: [{ party: id }] })),
  referrer('sanctions-packages', 'alignment', sanctionsPackages, sanctionsPackages.alignment, true),
  jsonReferrer('sanctions-packages', 'exemptions', sanctionsPackages, sanctionsPackages.exemptions, (id) => ({ party: id })),
  jsonReferrer('sanctions-measures', 'exemptions', sanctionsMeasures, sanctionsMeasures.exemptions, (id) => ({ party: id })),
  referrer('meetings', 'inPerson', meetings, meetings.inPerson, true),
  referrer('meetings', 'online', meetings, meetings.online, true),
  referrer('action-items', 'owner', actionItems, actionItems.owner),
  referrer('incidents', 'reportedBy', incidents, incidents.reportedBy),
];

const REFERRERS_OF_DATASET: Record<string, { what: string; referrers: Referrer[] }> = {
  sources: { what: 'source', referrers: sourceReferrers },
  parties: { what: 'party', referrers: partyReferrers },
  pledges: {
    what: 'pledge',
    referrers: [
      referrer('meeting-decisions', 'pledges', meetingDecisions, meetingDecisions.pledges, true),
      referrer('action-items', 'pledges', actionItems, actionItems.pledges, true),
    ],
  },
  requirements: {
    what: 'requirement',
    referrers: [
      referrer('meeting-decisions', 'requirements', meetingDecisions, meetingDecisions.requirements, true),
      referrer('action-items', 'requirements', actionItems, actionItems.requirements, true),
    ],
  },
};

/**
 * Problems if a dataset record (a source, party, pledge or requirement) about to be deleted is still cited by a
 * fund, contribution, financing plan, sanctions record or meeting record; [] for other collections.
 */
export async function findReferencesToDatasetRecord(db: Database, collection: string, id: string): Promise<ReferenceProblem[]> {
  const entry = REFERRERS_OF_DATASET[collection];
  return entry ? findReferrers(db, entry.what, id, entry.referrers) : [];
}
