import { describe, expect, it } from 'vitest';
import { makePledge } from '../../test/support/model-builders.js';
import { describeEachStore, makeParty, resetStore } from '../../test/support/stores.js';
import type { Pledge } from '../core/types.js';
import { partyEntity, pledgeEntity } from './entities/dataset-entities.js';
import { deleteRecord, findRecord, insertRecord, listAllRecords, listRecords, updateRecord } from './record.repository.js';

// The generic versioned repository, on PGlite and PostgreSQL: inserts start at version 1, a write with the
// current version bumps it, a stale one is refused with the version it would have to match.

describeEachStore('record.repository', (suite) => {
  const db = () => suite.store().db;

  describe('insert and find', () => {
    it('inserts at version 1 and finds the record with its timestamps', async () => {
      const party = makeParty('ins-1', { kind: 'institution', groups: ['EU'] });
      const inserted = await insertRecord(db(), partyEntity, party);
      expect(inserted?.record).toEqual(party);
      expect(inserted?.version).toBe(1);
      const found = await findRecord(db(), partyEntity, 'ins-1');
      expect(found).toEqual(inserted);
      expect(found?.createdAt).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
      expect(found?.updatedAt).toBe(found?.createdAt);
    });

    it('returns undefined for an id that exists, leaving the record alone', async () => {
      await insertRecord(db(), partyEntity, makeParty('ins-2'));
      expect(await insertRecord(db(), partyEntity, makeParty('ins-2', { kind: 'beneficiary' }))).toBeUndefined();
      expect((await findRecord(db(), partyEntity, 'ins-2'))?.record.kind).toBe('state');
    });

    it('finds nothing for an unknown id', async () => {
      expect(await findRecord(db(), partyEntity, 'no-such-party')).toBeUndefined();
    });

    it('round-trips a pledge with every optional field, and one without', async () => {
      const full: Pledge = makePledge('rt-full', {
        quantity: { min: 2000, max: 5000 },
        areas: ['ua.rear', 'ua.airspace'],
        window: { from: '2026-01-01', to: '2026-12-31' },
        supersedes: 'rt-bare',
        announcedOn: '2025-09-04',
        withdrawnOn: '2026-02-01',
        confidentiality: 'bilateral',
        sharedWith: ['GB', 'DE'],
        condition: 'ceasefire and not us_backstop',
        sources: ['src-1', 'src-2'],
        note: 'Zusage „vorbehaltlich“ — ü, Ł, →',
      });
      const bare: Pledge = makePledge('rt-bare', { quantity: null, window: { from: '2026-03-01' } });
      await insertRecord(db(), pledgeEntity, full);
      await insertRecord(db(), pledgeEntity, bare);
      expect((await findRecord(db(), pledgeEntity, 'rt-full'))?.record).toEqual(full);
      expect((await findRecord(db(), pledgeEntity, 'rt-bare'))?.record).toEqual(bare);
    });
  });

  describe('list', () => {
    // Each list test starts from an emptied store, so it sees only these parties.
    const fixtures = [
      makeParty('list-a', { groups: ['EU', 'NATO'] }),
      makeParty('list-b', { groups: ['NATO'] }),
      makeParty('list-c', { kind: 'institution', groups: ['EU'] }),
      makeParty('list-d', { groups: ['EU', 'G7'] }),
      makeParty('list-e', { kind: 'beneficiary' }),
    ];

    it('pages in id order with the total of all matches', async () => {
      const store = suite.store();
      await resetStore(store);
      for (const party of [...fixtures].reverse()) await insertRecord(store.db, partyEntity, party);
      const first = await listRecords(store.db, partyEntity, { limit: 2, offset: 0 });
      expect(first.total).toBe(5);
      expect(first.items.map((item) => item.record.id)).toEqual(['list-a', 'list-b']);
      const last = await listRecords(store.db, partyEntity, { limit: 2, offset: 4 });
      expect(last).toMatchObject({ total: 5 });
      expect(last.items.map((item) => item.record.id)).toEqual(['list-e']);
      const beyond = await listRecords(store.db, partyEntity, { limit: 2, offset: 10 });
      expect(beyond).toEqual({ items: [], total: 5 });
      expect((await listAllRecords(store.db, partyEntity)).map((item) => item.record.id)).toEqual(fixtures.map((party) => party.id));
    });

    it('filters on a column, on array membership, and on both; the total counts matches only', async () => {
      const store = suite.store();
      await resetStore(store);
      for (const party of fixtures) await insertRecord(store.db, partyEntity, party);
      const ids = async (filters: Record<string, string>, limit = 10) => {
        const page = await listRecords(store.db, partyEntity, { filters, limit, offset: 0 });
        return { ids: page.items.map((item) => item.record.id), total: page.total };
      };
      expect(await ids({ kind: 'state' })).toEqual({ ids: ['list-a', 'list-b', 'list-d'], total: 3 });
      expect(await ids({ group: 'EU' })).toEqual({ ids: ['list-a', 'list-c', 'list-d'], total: 3 });
      expect(await ids({ group: 'EU', kind: 'state' }, 1)).toEqual({ ids: ['list-a'], total: 2 });
      expect(await ids({ group: 'coalition' })).toEqual({ ids: [], total: 0 });
    });
  });

  describe('update', () => {
    it('bumps the version with the current version, and refuses a stale one with the current version', async () => {
      await insertRecord(db(), partyEntity, makeParty('upd-1'));
      const first = await updateRecord(db(), partyEntity, makeParty('upd-1', { groups: ['NATO'] }), 1);
      expect(first).toMatchObject({ ok: true, value: { version: 2, record: { groups: ['NATO'] } } });
      const second = await updateRecord(db(), partyEntity, makeParty('upd-1', { groups: ['NATO', 'G7'] }), 2);
      expect(second).toMatchObject({ ok: true, value: { version: 3 } });

      const stale = await updateRecord(db(), partyEntity, makeParty('upd-1', { groups: [] }), 2);
      expect(stale).toEqual({ ok: false, reason: 'conflict', current: 3 });
      const found = await findRecord(db(), partyEntity, 'upd-1');
      expect(found).toMatchObject({ version: 3, record: { groups: ['NATO', 'G7'] } });
      expect(Date.parse(found?.updatedAt ?? '')).toBeGreaterThanOrEqual(Date.parse(found?.createdAt ?? ''));
    });

    it('reports not_found for an unknown id', async () => {
      expect(await updateRecord(db(), partyEntity, makeParty('upd-missing'), 1)).toEqual({ ok: false, reason: 'not_found' });
    });
  });

  describe('delete', () => {
    it('refuses a stale version, deletes with the current one, then reports not_found', async () => {
      await insertRecord(db(), partyEntity, makeParty('del-1'));
      await updateRecord(db(), partyEntity, makeParty('del-1', { kind: 'institution' }), 1);
      expect(await deleteRecord(db(), partyEntity, 'del-1', 1)).toEqual({ ok: false, reason: 'conflict', current: 2 });
      expect(await findRecord(db(), partyEntity, 'del-1')).toBeDefined();

      const deleted = await deleteRecord(db(), partyEntity, 'del-1', 2);
      expect(deleted).toMatchObject({ ok: true, value: { version: 2, record: { id: 'del-1', kind: 'institution' } } });
      expect(await findRecord(db(), partyEntity, 'del-1')).toBeUndefined();
      expect(await deleteRecord(db(), partyEntity, 'del-1', 2)).toEqual({ ok: false, reason: 'not_found' });
    });
  });
});
