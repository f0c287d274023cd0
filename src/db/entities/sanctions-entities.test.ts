import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sanctionsMeasureSchema, sanctionsPackageSchema } from '../../contracts/records.schema.js';
import { openStore, type Store } from '../open-store.js';
import { findRecord, insertRecord } from '../record.repository.js';
import { partyEntity, sourceEntity } from './dataset-entities.js';
import type { EntityDefinition, StoredRecord } from './entity-definition.js';
import { sanctionsMeasureEntity, sanctionsPackageEntity } from './sanctions-entities.js';

// Sanctions packages and measures: rows map back to the same records; unknown parties, sources and packages,
// a second package with the same number, and deletes of packages that still have measures are refused.

function roundTrip<R extends StoredRecord>(entity: EntityDefinition<R>, record: R): R {
  return entity.toRecord({ version: 1, createdAt: new Date(), updatedAt: new Date(), ...entity.toRow(record) });
}

const EU_6 = sanctionsPackageSchema.parse({
  id: 'eu-6',
  jurisdiction: 'EU',
  number: 6,
  title: '6th package',
  alignment: ['NO'],
  exemptions: [
    { party: 'HU', description: 'pipeline crude' },
    { party: 'SK', description: 'pipeline crude' },
  ],
  sources: ['src-1'],
});
const OFAC = sanctionsPackageSchema.parse({ id: 'us-1', jurisdiction: 'US', adoptedOn: '2025-10-22', title: 'Rosneft and Lukoil' });
const EMBARGO = sanctionsMeasureSchema.parse({
  id: 'eu-6-oil',
  package: 'eu-6',
  kind: 'sectoral_ban',
  type: 'oil_embargo',
  description: 'Seaborne crude embargo',
  level: 'seaborne crude',
  appliesFrom: '2022-12-05',
  exemptions: [
    { party: 'HU', description: 'pipeline crude' },
    { party: 'SK', description: 'pipeline crude', since: '2022-06-03', until: '2030-01-01' },
  ],
  sources: ['src-1'],
});
const SDN = sanctionsMeasureSchema.parse({ id: 'us-1-sdn', package: 'us-1', kind: 'listing', description: 'Rosneft and Lukoil', count: 2 });

describe('row ↔ record', () => {
  it('gives every record back', () => {
    for (const record of [EU_6, OFAC]) expect(roundTrip(sanctionsPackageEntity, record)).toEqual(record);
    for (const record of [EMBARGO, SDN]) expect(roundTrip(sanctionsMeasureEntity, record)).toEqual(record);
    expect(Object.keys(roundTrip(sanctionsPackageEntity, OFAC))).not.toContain('number');
    expect(sanctionsMeasureEntity.toRow(SDN)).toMatchObject({ packageId: 'us-1', count: 2 });
  });
});

describe('in the store', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ kind: 'pglite', memory: true });
    await insertRecord(store.db, sourceEntity, { id: 'src-1', publisher: 'Test', date: '2025-10-22' });
    for (const id of ['HU', 'SK', 'NO']) await insertRecord(store.db, partyEntity, { id, kind: 'state', name: { en: id, de: id }, groups: [] });
  });

  afterAll(async () => {
    await store.close();
  });

  it('stores and reads records unchanged', async () => {
    for (const [entity, record] of [
      [sanctionsPackageEntity, EU_6],
      [sanctionsPackageEntity, OFAC],
      [sanctionsMeasureEntity, EMBARGO],
      [sanctionsMeasureEntity, SDN],
    ] as const) {
      expect(await entity.checkReferences?.(store.db, { record: record as never }), record.id).toEqual([]);
      await insertRecord(store.db, entity as EntityDefinition, record);
      expect((await findRecord(store.db, entity as EntityDefinition, record.id))?.record).toEqual(record);
    }
  });

  it('names unknown parties, sources and packages by path', async () => {
    const record = { ...EU_6, id: 'eu-6b', number: 7, alignment: ['CH'], exemptions: [{ party: 'HU', description: 'x' }, { party: 'CZ', description: 'y' }], sources: ['nope'] };
    expect(await sanctionsPackageEntity.checkReferences?.(store.db, { record })).toEqual([
      { path: 'alignment[0]', message: "unknown party 'CH'" },
      { path: 'exemptions[1].party', message: "unknown party 'CZ'" },
      { path: 'sources[0]', message: "unknown source 'nope'" },
    ]);
    expect(await sanctionsMeasureEntity.checkReferences?.(store.db, { record: { ...SDN, package: 'uk-9', exemptions: [{ party: 'CZ', description: 'y' }] } })).toEqual([
      { path: 'package', message: "unknown sanctions package 'uk-9'" },
      { path: 'exemptions[0].party', message: "unknown party 'CZ'" },
    ]);
  });

  it('refuses a second package with the same jurisdiction and number', async () => {
    expect(await sanctionsPackageEntity.checkReferences?.(store.db, { record: { ...EU_6, id: 'eu-6-copy' } })).toEqual([
      { path: 'number', message: "EU package number 6 is already sanctions-packages 'eu-6'" },
    ]);
    expect(await sanctionsPackageEntity.checkReferences?.(store.db, { record: { ...EU_6, jurisdiction: 'UK', id: 'uk-6' } })).toEqual([]);
  });

  it('refuses to delete a package that still has measures', async () => {
    expect(await sanctionsPackageEntity.checkReferences?.(store.db, { deletedId: 'eu-6' })).toEqual([
      { path: 'sanctions-measures/eu-6-oil.package', message: "sanctions package 'eu-6' is still referenced by sanctions-measures 'eu-6-oil'", about: { collection: 'sanctions-measures', id: 'eu-6-oil' } },
    ]);
    expect(await sanctionsMeasureEntity.checkReferences?.(store.db, { deletedId: 'eu-6-oil' })).toEqual([]);
  });

  it('filters measures by package, kind, type and status, packages by jurisdiction', () => {
    expect(Object.keys(sanctionsMeasureEntity.filters)).toEqual(['package', 'kind', 'type', 'status']);
    expect(Object.keys(sanctionsPackageEntity.filters)).toEqual(expect.arrayContaining(['jurisdiction']));
  });
});
