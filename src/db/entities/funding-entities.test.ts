import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { contributionSchema, financingPlanSchema, fundPackageSchema, fundSchema } from '../../contracts/records.schema.js';
import { openStore, type Store } from '../open-store.js';
import { findRecord, insertRecord } from '../record.repository.js';
import { partyEntity, sourceEntity } from './dataset-entities.js';
import type { EntityDefinition, StoredRecord } from './entity-definition.js';
import { contributionEntity, financingPlanEntity, fundEntity, fundPackageEntity } from './funding-entities.js';

// Funds, packages, contributions and financing plans: rows map back to the same records, and writes that
// point at missing records, or deletes of records still referenced, are refused with the path of the problem.

function roundTrip<R extends StoredRecord>(entity: EntityDefinition<R>, record: R): R {
  return entity.toRecord({ version: 1, createdAt: new Date(), updatedAt: new Date(), ...entity.toRow(record) });
}

const FUND = fundSchema.parse({
  id: 'purl',
  title: 'PURL',
  currency: 'USD',
  targetAmount: 1_500_000_000_000,
  targetDate: '2026-12-31',
  description: 'Prioritised Ukraine Requirements List',
  sources: ['src-1'],
});
const BARE_FUND = fundSchema.parse({ id: 'bare', title: 'No target', currency: 'EUR' });
const PACKAGE = fundPackageSchema.parse({ id: 'purl-1', fund: 'purl', title: 'Package 1', price: 50_000_000_000, currency: 'USD', priority: 2, status: 'funded', sources: ['src-1'] });
const JOINT = contributionSchema.parse({
  id: 'pl-no-de',
  fund: 'purl',
  package: 'purl-1',
  donors: [{ party: 'PL', share: 0.5 }, { party: 'NO' }, { party: 'DE' }],
  amount: 50_000_000_000,
  currency: 'USD',
  date: '2025-12-03',
  status: 'paid',
  confidentiality: 'bilateral',
  sharedWith: ['UA'],
  sources: ['src-1'],
  note: 'for immediate disbursement',
});
const SINGLE = contributionSchema.parse({ id: 'nl-1', fund: 'purl', donors: [{ party: 'NL' }], amount: 50_000_000_000, currency: 'EUR', date: '2025-08-04' });
const PLAN = financingPlanSchema.parse({
  id: 'ua-2026-27',
  title: 'Ukraine 2026–27',
  needAmount: 13_570_000_000_000,
  currency: 'EUR',
  period: { from: '2026-01-01', to: '2027-12-31' },
  options: [
    { id: 'joint', kind: 'joint_borrowing', title: 'EU borrowing', key: 'gni', optOuts: ['CZ', 'HU'], amount: 9_000_000_000_000, sources: ['src-1'] },
    { id: 'reparations', kind: 'asset_backed_loan', title: 'Reparations loan', guarantors: ['DE'], note: 'not adopted' },
  ],
  decidedOption: 'joint',
  sources: ['src-1'],
  note: 'EU24',
});
const BARE_PLAN = financingPlanSchema.parse({ id: 'bare', title: 'Bare', needAmount: 0, currency: 'EUR', options: [{ id: 'a', kind: 'bilateral', title: 'Bilateral' }] });

describe('row ↔ record', () => {
  it('gives every record back, with empty optional fields omitted', () => {
    for (const record of [FUND, BARE_FUND]) expect(roundTrip(fundEntity, record)).toEqual(record);
    expect(roundTrip(fundPackageEntity, PACKAGE)).toEqual(PACKAGE);
    for (const record of [JOINT, SINGLE]) expect(roundTrip(contributionEntity, record)).toEqual(record);
    for (const record of [PLAN, BARE_PLAN]) expect(roundTrip(financingPlanEntity, record)).toEqual(record);
    expect(Object.keys(roundTrip(contributionEntity, SINGLE))).not.toContain('package');
  });

  it('maps record fields to their columns', () => {
    expect(contributionEntity.toRow(JOINT)).toMatchObject({ fundId: 'purl', packageId: 'purl-1', donors: [{ party: 'PL', share: 0.5 }, { party: 'NO', share: null }, { party: 'DE', share: null }] });
    expect(fundPackageEntity.toRow(PACKAGE)).toMatchObject({ fundId: 'purl' });
    expect(financingPlanEntity.toRow(PLAN)).toMatchObject({ periodFrom: '2026-01-01', periodTo: '2027-12-31', decidedOption: 'joint' });
    expect(contributionEntity.confidential).toBe(true);
  });
});

describe('in the store', () => {
  let store: Store;

  beforeAll(async () => {
    store = await openStore({ kind: 'pglite', memory: true });
    await insertRecord(store.db, sourceEntity, { id: 'src-1', publisher: 'Test', date: '2025-12-03' });
    for (const id of ['PL', 'NO', 'DE', 'NL', 'UA', 'CZ', 'HU']) {
      await insertRecord(store.db, partyEntity, { id, kind: 'state', name: { en: id, de: id }, groups: [] });
    }
  });

  afterAll(async () => {
    await store.close();
  });

  it('stores and reads records unchanged', async () => {
    for (const [entity, record] of [
      [fundEntity, FUND],
      [fundEntity, BARE_FUND],
      [fundPackageEntity, PACKAGE],
      [contributionEntity, JOINT],
      [contributionEntity, SINGLE],
      [financingPlanEntity, PLAN],
    ] as const) {
      const check = await entity.checkReferences?.(store.db, { record: record as never });
      expect(check, record.id).toEqual([]);
      await insertRecord(store.db, entity as EntityDefinition, record);
      expect((await findRecord(store.db, entity as EntityDefinition, record.id))?.record).toEqual(record);
    }
  });

  it('names unknown funds, parties and sources by path', async () => {
    const record = { ...SINGLE, id: 'x', fund: 'nope', donors: [{ party: 'PL' }, { party: 'ZZ' }], sharedWith: ['YY'], sources: ['src-1', 'gone'] };
    expect(await contributionEntity.checkReferences?.(store.db, { record })).toEqual([
      { path: 'fund', message: "unknown fund 'nope'" },
      { path: 'donors[1].party', message: "unknown party 'ZZ'" },
      { path: 'sharedWith[0]', message: "unknown party 'YY'" },
      { path: 'sources[1]', message: "unknown source 'gone'" },
    ]);
    expect(await fundPackageEntity.checkReferences?.(store.db, { record: { ...PACKAGE, id: 'p2', fund: 'nope' } })).toEqual([
      { path: 'fund', message: "unknown fund 'nope'" },
    ]);
    const plan = { ...PLAN, options: [{ ...PLAN.options[0]!, optOuts: ['CZ', 'XX'], sources: ['lost'] }] };
    expect(await financingPlanEntity.checkReferences?.(store.db, { record: plan })).toEqual([
      { path: 'options[0].optOuts[1]', message: "unknown party 'XX'" },
      { path: 'options[0].sources[0]', message: "unknown source 'lost'" },
    ]);
  });

  it('requires an earmarked package to exist and belong to the contribution’s fund', async () => {
    expect(await contributionEntity.checkReferences?.(store.db, { record: { ...SINGLE, package: 'missing' } })).toEqual([
      { path: 'package', message: "unknown fund package 'missing'" },
    ]);
    expect(await contributionEntity.checkReferences?.(store.db, { record: { ...SINGLE, fund: 'bare', package: 'purl-1' } })).toEqual([
      { path: 'package', message: "fund package 'purl-1' belongs to fund 'purl', not 'bare'" },
    ]);
    expect(await fundPackageEntity.checkReferences?.(store.db, { record: { ...PACKAGE, fund: 'bare' } })).toEqual([
      { path: 'fund', message: "contributions 'pl-no-de' earmarks this package for fund 'purl', not 'bare'", about: { collection: 'contributions', id: 'pl-no-de' } },
    ]);
  });

  it('refuses to delete a fund or package still referenced, naming each referencing record', async () => {
    expect(await fundEntity.checkReferences?.(store.db, { deletedId: 'purl' })).toEqual([
      { path: 'fund-packages/purl-1.fund', message: "fund 'purl' is still referenced by fund-packages 'purl-1'", about: { collection: 'fund-packages', id: 'purl-1' } },
      { path: 'contributions/nl-1.fund', message: "fund 'purl' is still referenced by contributions 'nl-1'", about: { collection: 'contributions', id: 'nl-1' } },
      { path: 'contributions/pl-no-de.fund', message: "fund 'purl' is still referenced by contributions 'pl-no-de'", about: { collection: 'contributions', id: 'pl-no-de' } },
    ]);
    expect(await fundPackageEntity.checkReferences?.(store.db, { deletedId: 'purl-1' })).toEqual([
      { path: 'contributions/pl-no-de.package', message: "fund package 'purl-1' is still referenced by contributions 'pl-no-de'", about: { collection: 'contributions', id: 'pl-no-de' } },
    ]);
    expect(await fundEntity.checkReferences?.(store.db, { deletedId: 'bare' })).toEqual([]);
    expect(await contributionEntity.checkReferences?.(store.db, { deletedId: 'nl-1' })).toEqual([]);
    expect(await financingPlanEntity.checkReferences?.(store.db, { deletedId: 'ua-2026-27' })).toEqual([]);
  });

  it('filters lists by fund, status and currency', () => {
    expect(Object.keys(contributionEntity.filters)).toEqual(expect.arrayContaining(['fund', 'status', 'currency', 'package']));
    expect(Object.keys(fundPackageEntity.filters)).toEqual(expect.arrayContaining(['fund', 'status']));
  });
});
