import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { partySchema, pledgeSchema, requirementSchema, sourceSchema } from '../../contracts/domain.schema.js';
import {
  actionItemSchema,
  financingPlanSchema,
  meetingDecisionSchema,
  meetingSchema,
  sanctionsMeasureSchema,
  sanctionsPackageSchema,
} from '../../contracts/records.schema.js';
import { openStore, type Store } from '../open-store.js';
import { insertRecord } from '../record.repository.js';
import { ALL_ENTITIES, entityByName, findReferencesToDatasetRecord } from './all-entities.js';
import { DATASET_ENTITIES, partyEntity, pledgeEntity, requirementEntity, sourceEntity } from './dataset-entities.js';
import type { EntityDefinition, StoredRecord } from './entity-definition.js';
import { contributionEntity, financingPlanEntity, fundEntity } from './funding-entities.js';
import { actionItemEntity, meetingDecisionEntity, meetingEntity } from './meeting-entities.js';
import { sanctionsMeasureEntity, sanctionsPackageEntity } from './sanctions-entities.js';

// The registry of all entities (names, load order) and the demo meetings and sanctions files: they parse,
// cite sources, and every reference they make resolves against the demo dataset in a real store.

const DEMO = new URL('../../../data/demo/', import.meta.url);

async function readDemo(name: string): Promise<unknown> {
  return JSON.parse(await readFile(new URL(name, DEMO), 'utf8'));
}

const meetingsFile = z.strictObject({
  sources: z.array(sourceSchema),
  meetings: z.array(meetingSchema),
  decisions: z.array(meetingDecisionSchema),
  actionItems: z.array(actionItemSchema),
});
const sanctionsFile = z.strictObject({
  sources: z.array(sourceSchema),
  packages: z.array(sanctionsPackageSchema),
  measures: z.array(sanctionsMeasureSchema),
});

describe('the registry', () => {
  it('lists the dataset entities first, then the others in load order', () => {
    expect(ALL_ENTITIES.slice(0, DATASET_ENTITIES.length)).toEqual([...DATASET_ENTITIES]);
    expect(ALL_ENTITIES.map((entity) => entity.name)).toEqual([
      'sources',
      'parties',
      'capabilities',
      'facts',
      'packages',
      'requirements',
      'pledges',
      'funds',
      'fund-packages',
      'contributions',
      'financing-plans',
      'sanctions-packages',
      'sanctions-measures',
      'meetings',
      'meeting-decisions',
      'action-items',
      'incidents',
    ]);
  });

  it('finds entities by collection name', () => {
    expect(entityByName('contributions')).toBe(contributionEntity);
    expect(entityByName('action-items')).toBe(actionItemEntity);
    expect(entityByName('pledges')).toBe(pledgeEntity);
    expect(entityByName('nope')).toBeUndefined();
  });
});

describe('demo meetings and sanctions', () => {
  let store: Store;
  let meetings: z.output<typeof meetingsFile>;
  let sanctions: z.output<typeof sanctionsFile>;
  let datasetSourceIds: string[];

  async function insertChecked<R extends StoredRecord>(entity: EntityDefinition<R>, records: readonly R[]): Promise<void> {
    for (const record of records) {
      expect(await entity.checkReferences?.(store.db, { record }), `${entity.name}/${record.id}`).toEqual([]);
      expect(await insertRecord(store.db, entity, record), `${entity.name}/${record.id}`).toBeDefined();
    }
  }

  beforeAll(async () => {
    meetings = meetingsFile.parse(await readDemo('meetings.json'));
    sanctions = sanctionsFile.parse(await readDemo('sanctions.json'));
    const sources = z.array(sourceSchema).parse(await readDemo('sources.json'));
    datasetSourceIds = sources.map((source) => source.id);
    store = await openStore({ kind: 'pglite', memory: true });
    for (const source of [...sources, ...meetings.sources, ...sanctions.sources]) await insertRecord(store.db, sourceEntity, source);
    for (const party of z.array(partySchema).parse(await readDemo('parties.json'))) await insertRecord(store.db, partyEntity, party);
    for (const requirement of z.array(requirementSchema).parse(await readDemo('requirements.json'))) await insertRecord(store.db, requirementEntity, requirement);
    for (const pledge of z.array(pledgeSchema).parse(await readDemo('pledges.json'))) await insertRecord(store.db, pledgeEntity, pledge);
  });

  afterAll(async () => {
    await store.close();
  });

  it('adds sources without colliding with sources.json or each other', () => {
    const ids = [...datasetSourceIds, ...meetings.sources.map((s) => s.id), ...sanctions.sources.map((s) => s.id)];
    expect(new Set(ids).size).toBe(ids.length);
  });

  it('has unique ids and cites a source for every meeting, decision, package and measure', () => {
    for (const list of [meetings.meetings, meetings.decisions, meetings.actionItems, sanctions.packages, sanctions.measures]) {
      expect(new Set(list.map((record) => record.id)).size).toBe(list.length);
    }
    for (const record of [...meetings.meetings, ...meetings.decisions, ...sanctions.packages, ...sanctions.measures]) {
      expect(record.sources.length, record.id).toBeGreaterThan(0);
    }
    expect([meetings.meetings.length, meetings.decisions.length, meetings.actionItems.length]).toEqual([17, 19, 3]);
    expect([sanctions.packages.length, sanctions.measures.length]).toEqual([12, 32]);
  });

  it('resolves every reference against the demo dataset', async () => {
    await insertChecked(sanctionsPackageEntity, sanctions.packages);
    await insertChecked(sanctionsMeasureEntity, sanctions.measures);
    await insertChecked(meetingEntity, meetings.meetings);
    await insertChecked(meetingDecisionEntity, meetings.decisions);
    await insertChecked(actionItemEntity, meetings.actionItems);
  });

  it('refuses to delete a party, source, pledge or requirement still cited', async () => {
    await insertRecord(store.db, fundEntity, { id: 'purl', title: 'PURL', currency: 'USD', sources: [] });
    await insertRecord(store.db, contributionEntity, {
      id: 'c-1',
      fund: 'purl',
      donors: [{ party: 'IS' }],
      amount: 1,
      currency: 'USD',
      date: '2025-10-15',
      status: 'pledged',
      confidentiality: 'coalition',
      sources: [],
    });
    await insertRecord(
      store.db,
      financingPlanEntity,
      financingPlanSchema.parse({ id: 'plan', title: 'Plan', needAmount: 1, currency: 'EUR', options: [{ id: 'a', kind: 'joint_borrowing', title: 'A', optOuts: ['CZ'], sources: ['liga-2026-01-10-healey'] }] }),
    );
    expect(await findReferencesToDatasetRecord(store.db, 'parties', 'HU')).toEqual([
      {
        path: 'sanctions-measures/eu-6-oil-embargo.exemptions',
        message: "party 'HU' is still referenced by sanctions-measures 'eu-6-oil-embargo'",
        about: { collection: 'sanctions-measures', id: 'eu-6-oil-embargo' },
      },
    ]);
    expect(await findReferencesToDatasetRecord(store.db, 'parties', 'IS')).toEqual([
      { path: 'contributions/c-1.donors', message: "party 'IS' is still referenced by contributions 'c-1'", about: { collection: 'contributions', id: 'c-1' } },
      { path: 'meetings/paris-2026-01-06.inPerson', message: "party 'IS' is still referenced by meetings 'paris-2026-01-06'", about: { collection: 'meetings', id: 'paris-2026-01-06' } },
      { path: 'meetings/paris-2025-09-04.online', message: "party 'IS' is still referenced by meetings 'paris-2025-09-04'", about: { collection: 'meetings', id: 'paris-2025-09-04' } },
    ]);
    expect((await findReferencesToDatasetRecord(store.db, 'parties', 'CZ')).map((problem) => problem.path)).toContain('financing-plans/plan.options');
    expect(await findReferencesToDatasetRecord(store.db, 'sources', 'liga-2026-01-10-healey')).toEqual([
      { path: 'financing-plans/plan.options', message: "source 'liga-2026-01-10-healey' is still referenced by financing-plans 'plan'", about: { collection: 'financing-plans', id: 'plan' } },
    ]);
    expect(await findReferencesToDatasetRecord(store.db, 'pledges', 'gb-1')).toEqual([
      { path: 'meeting-decisions/paris-2026-01-06-declaration-of-intent.pledges', message: "pledge 'gb-1' is still referenced by meeting-decisions 'paris-2026-01-06-declaration-of-intent'", about: { collection: 'meeting-decisions', id: 'paris-2026-01-06-declaration-of-intent' } },
      { path: 'meeting-decisions/paris-2026-01-06-mnf-u.pledges', message: "pledge 'gb-1' is still referenced by meeting-decisions 'paris-2026-01-06-mnf-u'", about: { collection: 'meeting-decisions', id: 'paris-2026-01-06-mnf-u' } },
      { path: 'action-items/paris-2026-01-06-commons-vote.pledges', message: "pledge 'gb-1' is still referenced by action-items 'paris-2026-01-06-commons-vote'", about: { collection: 'action-items', id: 'paris-2026-01-06-commons-vote' } },
    ]);
    expect(await findReferencesToDatasetRecord(store.db, 'requirements', 'req-land-frontline')).toEqual([]);
    expect(await findReferencesToDatasetRecord(store.db, 'facts', 'ceasefire')).toEqual([]);
  });
});
