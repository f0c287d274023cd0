import { expect, it } from 'vitest';
import { describeEachStore, makeParty, resetStore } from '../../test/support/stores.js';
import { readAuditHead } from '../db/audit.repository.js';
import { partyEntity } from '../db/entities/dataset-entities.js';
import { insertRecord } from '../db/record.repository.js';
import { ScenarioService } from './scenarios.service.js';
import { DatasetCache } from './store-dataset.js';

// The serve command's warm-up, on PGlite and PostgreSQL: the store's dataset is read and prepared before any
// request, and the first request uses it rather than reading the store again.

describeEachStore('ScenarioService.warmUp', (suite) => {
  it("prepares the audit head's dataset before any request asks", async () => {
    await resetStore(suite.store());
    await insertRecord(suite.store().db, partyEntity, makeParty('DE'));
    const cache = new DatasetCache();
    const service = new ScenarioService(suite.store(), cache);
    await service.warmUp();
    const head = await readAuditHead(suite.store().db);
    const prepared = cache.peek(`${head.seq}:${head.hash}`);
    expect(prepared?.parties.map((party) => party.id)).toEqual(['DE']);
    expect(await service.dataset({ name: 'first request' })).toBe(prepared);
  });
});
