import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pledgeSchema, requirementSchema } from '../../contracts/domain.schema.js';
import { actionItemSchema, meetingDecisionSchema, meetingSchema } from '../../contracts/records.schema.js';
import { openStore, type Store } from '../open-store.js';
import { findRecord, insertRecord } from '../record.repository.js';
import { partyEntity, pledgeEntity, requirementEntity, sourceEntity } from './dataset-entities.js';
import type { EntityDefinition, StoredRecord } from './entity-definition.js';
import { actionItemEntity, meetingDecisionEntity, meetingEntity } from './meeting-entities.js';

// Meetings, decisions and action items: rows map back to the same records; unknown participants, meetings,
// pledges and requirements are named by path; a meeting with decisions or action items cannot be deleted.

function roundTrip<R extends StoredRecord>(entity: EntityDefinition<R>, record: R): R {
  return entity.toRecord({ version: 1, createdAt: new Date(), updatedAt: new Date(), ...entity.toRow(record) });
}

const MEETING = meetingSchema.parse({
  id: 'paris',
  date: '2026-01-06',
  format: 'leaders',
  place: 'Paris',
  title: 'Paris summit',
  inPerson: ['FR', 'GB'],
  online: ['US'],
  sources: ['src-1'],
});
const BARE_MEETING = meetingSchema.parse({ id: 'kyiv', date: '2026-01-03', format: 'nsa', title: 'NSA meeting' });
const DECISION = meetingDecisionSchema.parse({ id: 'doi', meeting: 'paris', text: 'Declaration of Intent', pledges: ['gb-1', 'fr-1'], requirements: ['req-1'], sources: ['src-1'] });
const ITEM = actionItemSchema.parse({ id: 'vote', meeting: 'paris', text: 'Commons vote', owner: 'GB', due: '2026-03-01', status: 'open', pledges: ['gb-1'] });
const BARE_ITEM = actionItemSchema.parse({ id: 'cell', meeting: 'kyiv', text: 'Coordination cell' });

describe('row ↔ record', () => {
  it('gives every record back, with empty optional fields omitted', () => {
    for (const record of [MEETING, BARE_MEETING]) expect(roundTrip(meetingEntity, record)).toEqual(record);
    expect(roundTrip(meetingDecisionEntity, DECISION)).toEqual(DECISION);
    for (const record of [ITEM, BARE_ITEM]) expect(roundTrip(actionItemEntity, record)).toEqual(record);
    expect(Object.keys(roundTrip(actionItemEntity, BARE_ITEM))).toEqual(['id', 'meeting', 'text', 'status', 'pledges', 'requirements']);
    expect(actionItemEntity.toRow(ITEM)).toMatchObject({ meetingId: 'paris', owner: 'GB' });
  });
});

describe('in the store', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ kind: 'pglite', memory: true });
    await insertRecord(store.db, sourceEntity, { id: 'src-1', publisher: 'Test', date: '2026-01-06' });
    for (const id of ['FR', 'GB', 'US']) await insertRecord(store.db, partyEntity, { id, kind: 'state', name: { en: id, de: id }, groups: [] });
    await insertRecord(store.db, requirementEntity, requirementSchema.parse({ id: 'req-1', capability: 'land.personnel', quantity: null }));
    for (const [id, party] of [
      ['gb-1', 'GB'],
      ['fr-1', 'FR'],
    ]) {
      await insertRecord(store.db, pledgeEntity, pledgeSchema.parse({ id, party, capability: 'land.personnel' }));
    }
  });

  afterAll(async () => {
    await store.close();
  });

  it('stores and reads records unchanged', async () => {
    for (const [entity, record] of [
      [meetingEntity, MEETING],
      [meetingEntity, BARE_MEETING],
      [meetingDecisionEntity, DECISION],
      [actionItemEntity, ITEM],
      [actionItemEntity, BARE_ITEM],
    ] as const) {
      expect(await entity.checkReferences?.(store.db, { record: record as never }), record.id).toEqual([]);
      await insertRecord(store.db, entity as EntityDefinition, record);
      expect((await findRecord(store.db, entity as EntityDefinition, record.id))?.record).toEqual(record);
    }
  });

  it('names unknown participants, meetings, pledges, requirements and sources by path', async () => {
    expect(await meetingEntity.checkReferences?.(store.db, { record: { ...MEETING, inPerson: ['FR', 'XX'], online: ['YY'], sources: ['gone'] } })).toEqual([
      { path: 'inPerson[1]', message: "unknown party 'XX'" },
      { path: 'online[0]', message: "unknown party 'YY'" },
      { path: 'sources[0]', message: "unknown source 'gone'" },
    ]);
    expect(await meetingDecisionEntity.checkReferences?.(store.db, { record: { ...DECISION, meeting: 'rome', pledges: ['gb-1', 'it-9'], requirements: ['req-9'] } })).toEqual([
      { path: 'meeting', message: "unknown meeting 'rome'" },
      { path: 'pledges[1]', message: "unknown pledge 'it-9'" },
      { path: 'requirements[0]', message: "unknown requirement 'req-9'" },
    ]);
    expect(await actionItemEntity.checkReferences?.(store.db, { record: { ...ITEM, owner: 'DE', pledges: ['de-5'] } })).toEqual([
      { path: 'owner', message: "unknown party 'DE'" },
      { path: 'pledges[0]', message: "unknown pledge 'de-5'" },
    ]);
  });

  it('refuses to delete a meeting with decisions or action items', async () => {
    expect(await meetingEntity.checkReferences?.(store.db, { deletedId: 'paris' })).toEqual([
      { path: 'meeting-decisions/doi.meeting', message: "meeting 'paris' is still referenced by meeting-decisions 'doi'", about: { collection: 'meeting-decisions', id: 'doi' } },
      { path: 'action-items/vote.meeting', message: "meeting 'paris' is still referenced by action-items 'vote'", about: { collection: 'action-items', id: 'vote' } },
    ]);
    expect(await meetingEntity.checkReferences?.(store.db, { deletedId: 'kyiv' })).toEqual([
      { path: 'action-items/cell.meeting', message: "meeting 'kyiv' is still referenced by action-items 'cell'", about: { collection: 'action-items', id: 'cell' } },
    ]);
    expect(await meetingDecisionEntity.checkReferences?.(store.db, { deletedId: 'doi' })).toEqual([]);
  });

  it('filters decisions and action items by meeting, action items by status and owner', () => {
    expect(Object.keys(meetingDecisionEntity.filters)).toEqual(expect.arrayContaining(['meeting']));
    expect(Object.keys(actionItemEntity.filters)).toEqual(expect.arrayContaining(['meeting', 'status', 'owner']));
  });
});
