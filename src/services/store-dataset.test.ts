import { expect, it } from 'vitest';
import { describeEachStore, makeParty, resetStore } from '../../test/support/stores.js';
import { partyEntity } from '../db/entities/dataset-entities.js';
import { insertRecord } from '../db/record.repository.js';
import { inTransaction } from '../db/in-transaction.js';
import { DatasetCache } from './store-dataset.js';

// The dataset cache on PGlite and PostgreSQL: requests that arrive while the store is being read share that
// read (the first requests after a start), a transaction never waits for a read made outside it, and a load
// that ends after a write moved the cache on does not put the older dataset back.

describeEachStore('DatasetCache', (suite) => {
  const db = () => suite.store().db;

  it('shares one load between requests for the same head that arrive while it runs', async () => {
    await resetStore(suite.store());
    await insertRecord(db(), partyEntity, makeParty('DE'));
    const cache = new DatasetCache();
    const [first, second] = await Promise.all([cache.forHead(db(), '1:a'), cache.forHead(db(), '1:a')]);
    expect(second).toBe(first);
    expect(first.parties.map((party) => party.id)).toEqual(['DE']);
    expect(await cache.forHead(db(), '1:a')).toBe(first);
  });

  it('loads inside a transaction on its own while a load outside it runs', async () => {
    await resetStore(suite.store());
    const cache = new DatasetCache();
    const outside = cache.forHead(db(), '1:a');
    const inside = await inTransaction(db(), (tx) => cache.forHead(tx, '1:a'));
    expect(inside).not.toBe(await outside);
  });

  it('keeps the newer dataset a write remembered while an older load ran', async () => {
    await resetStore(suite.store());
    const written = await new DatasetCache().forHead(db(), '2:b');
    const cache = new DatasetCache();
    const older = cache.forHead(db(), '1:a');
    cache.remember('2:b', written);
    expect(await older).not.toBe(written);
    expect(cache.peek('2:b')).toBe(written);
    expect(cache.peek('1:a')).toBeUndefined();
  });
});
