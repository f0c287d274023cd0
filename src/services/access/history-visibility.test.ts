import { beforeAll, expect, it } from 'vitest';
import { describeEachStore, makeParty } from '../../../test/support/stores.js';
import type { Principal } from '../../core/access/principal.js';
import type { Pledge } from '../../core/types.js';
import { partyEntity, pledgeEntity } from '../../db/entities/dataset-entities.js';
import { createServices, type Services } from '../create-services.js';

// Histories and the audit log as a caller may see them when a pledge's confidentiality changes: a version the
// caller could not see is null, and entries about a pledge they cannot see at all are left out.

describeEachStore('history and audit visibility', (suite) => {
  let services: Services;
  const system = { name: 'setup' };
  const analyst: Principal = { kind: 'user', userId: 'a', name: 'analyst', role: 'analyst', party: null };
  const french: Principal = { kind: 'user', userId: 'f', name: 'fr', role: 'delegate', party: 'FR' };
  const pledge = (id: string, confidentiality: Pledge['confidentiality']): Pledge => ({
    id, party: 'FR', capability: 'land.personnel', quantity: { min: 5, max: 5 }, areas: ['any'], status: 'offered', confidentiality, condition: 'true', sources: [], note: `note of ${id} as ${confidentiality}`,
  });

  beforeAll(async () => {
    services = createServices(suite.store());
    await services.records.create(system, partyEntity, makeParty('FR'));
    await services.records.create(system, pledgeEntity, pledge('opened', 'restricted'));
    await services.records.replace(system, pledgeEntity, pledge('opened', 'coalition'), 1);
    await services.records.create(system, pledgeEntity, pledge('closed', 'coalition'));
    await services.records.replace(system, pledgeEntity, pledge('closed', 'restricted'), 1);
  });

  it('blanks the versions a caller could not see and hides records they cannot see now', async () => {
    const history = await services.records.history(analyst, pledgeEntity, 'opened');
    expect(history.map((entry) => [entry.action, entry.before === null, entry.after === null])).toEqual([
      ['create', true, true],
      ['update', true, false],
    ]);
    await expect(services.records.history(analyst, pledgeEntity, 'closed')).rejects.toMatchObject({ code: 'not_found' });
    expect((await services.records.history(french, pledgeEntity, 'closed')).every((entry) => entry.after !== null)).toBe(true);
    const audit = JSON.stringify(await services.auditView.entries(analyst, { limit: 100 }));
    expect(audit).not.toContain('as restricted');
    expect(audit).not.toContain('"closed"');
    expect(audit).toContain('note of opened as coalition');
    const own = JSON.stringify(await services.auditView.entries(french, { limit: 100 }));
    expect(own).toContain('note of closed as restricted');
    // Paging forward from a sequence number gives the same view.
    expect((await services.auditView.entries(analyst, { limit: 100, after: 0 })).map((entry) => entry.seq).sort()).toEqual(
      (await services.auditView.entries(analyst, { limit: 100 })).map((entry) => entry.seq).sort(),
    );
  });
});
