import { beforeAll, expect, it } from 'vitest';
import { describeEachStore, makeParty } from '../../../test/support/stores.js';
import { InputError } from '../../contracts/input-error.js';
import type { Principal } from '../../core/access/principal.js';
import type { Pledge } from '../../core/types.js';
import { partyEntity, pledgeEntity } from '../../db/entities/dataset-entities.js';
import { createServices, type Services } from '../create-services.js';
import { importRecords } from '../import-records.service.js';
import { visibleProblems } from './visible-problems.js';

// The one helper that decides what a refused write tells its caller about other records: problems about
// records the caller may not see are counted, not listed; ids a message names in passing (a suggestion, a
// supersedes cycle) are left out if hidden. The system sees everything. On PGlite and PostgreSQL.

describeEachStore('problems about other records, as the caller may see them', (suite) => {
  let services: Services;
  const system = { name: 'setup' };
  const german: Principal = { kind: 'user', userId: 'de', name: 'vp-de', role: 'delegate', party: 'DE' };
  const pledge = (id: string, party: string, confidentiality: Pledge['confidentiality'], extra: Partial<Pledge> = {}): Pledge => ({
    id, party, capability: 'land.personnel', quantity: { min: 1, max: 1 }, areas: ['any'], status: 'offered', confidentiality, condition: 'true', sources: [], ...extra,
  });

  beforeAll(async () => {
    services = createServices(suite.store());
    for (const party of ['FR', 'DE']) await services.records.create(system, partyEntity, makeParty(party));
    await services.records.create(system, pledgeEntity, pledge('de-a', 'DE', 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-open', 'FR', 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-hidden', 'FR', 'restricted', { supersedes: 'de-a' }));
  });

  it('lists the visible, counts the hidden and the vanished, and scrubs hidden ids from messages', async () => {
    const problems = [
      { path: 'pledges/fr-open.party', message: 'about a visible pledge', about: { collection: 'pledges', id: 'fr-open' } },
      { path: 'pledges/fr-hidden.party', message: 'about a hidden pledge', code: 'dataset.unknown_reference', about: { collection: 'pledges', id: 'fr-hidden' } },
      { path: 'pledges/fr-hidden.sharedWith[0]', message: 'the same hidden pledge again', about: { collection: 'pledges', id: 'fr-hidden' } },
      { path: 'contributions/gone.fund', message: 'a contribution that no longer exists', about: { collection: 'contributions', id: 'gone' } },
      { path: 'meetings/m.inPerson', message: 'not confidential', about: { collection: 'meetings', id: 'm' } },
      { path: 'supersedes', message: "unknown pledge 'fr-hidde'; did you mean 'fr-hidden'?" },
      { path: 'supersedes', message: "unknown pledge 'fr-ope'; did you mean 'fr-open'?" },
      { path: 'supersedes', message: 'supersedes cycle: de-a → fr-hidden → de-a' },
    ];
    expect(await visibleProblems(services.store.db, german, problems)).toEqual([
      { path: 'pledges/fr-open.party', message: 'about a visible pledge' },
      { path: 'meetings/m.inPerson', message: 'not confidential' },
      { path: 'supersedes', message: "unknown pledge 'fr-hidde'" },
      { path: 'supersedes', message: "unknown pledge 'fr-ope'; did you mean 'fr-open'?" },
      { path: 'supersedes', message: 'supersedes cycle: de-a → (a pledge you cannot see) → de-a' },
      { path: '(record)', message: 'referenced by 2 records you cannot see', code: 'dataset.unknown_reference' },
    ]);
    const all = await visibleProblems(services.store.db, system, problems);
    expect(all).toEqual(problems.map(({ about: _about, ...problem }) => problem));
  });

  it('applies to writes and imports alike', async () => {
    // de-a superseding fr-hidden (which supersedes de-a) would be a cycle through a pledge DE may not see: the
    // write reads it exactly like a missing pledge (no cycle, no count).
    const problemsOf = async (target: string) =>
      services.records.replace(german, pledgeEntity, pledge('de-a', 'DE', 'coalition', { supersedes: target }), 1).then(
        () => [],
        (caught: unknown) => (caught instanceof InputError ? JSON.stringify(caught.problems).replaceAll(target, 'TARGET') : String(caught)),
      );
    expect(await problemsOf('fr-hidden')).toEqual(await problemsOf('no-such-pledge'));
    expect(await problemsOf('fr-hidden')).toContain("unknown pledge 'TARGET'");
    const imported = importRecords(suite.store(), services.cache, german, [{ entity: pledgeEntity, records: [pledge('de-a', 'DE', 'coalition', { supersedes: 'fr-hidden' })] }], { mode: 'upsert', now: () => new Date() });
    await expect(imported).rejects.toMatchObject({ code: 'dataset.supersedes_cycle' });
    const problems = await imported.then(
      () => [],
      (caught: unknown) => (caught instanceof InputError ? caught.problems : []),
    );
    expect(JSON.stringify(problems)).not.toContain('fr-hidden');
    expect(JSON.stringify(problems)).toContain('(a pledge you cannot see)');
  });
});
