import { beforeAll, expect, it } from 'vitest';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import type { Principal } from '../core/access/principal.js';
import { networkCounts } from '../core/scenario/compiled-candidates.js';
import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import type { Pledge } from '../core/types.js';
import { partyEntity, pledgeEntity, requirementEntity } from '../db/entities/dataset-entities.js';
import { createServices, type Services } from './create-services.js';
import { estimateDatasetBytes } from './store-dataset.js';

// Per-scope views of the scenario service (restrict-dataset.ts, ScenarioService.datasetAt/successor), on PGlite and
// PostgreSQL: a delegate never sees another party's restricted pledge, nor a bilateral one not shared with them,
// through an evaluation — its pledges, its totals, its coverage — neither on the view made after a start nor on
// the views patched after writes (creates, updates, deletes, a pledge made confidential or opened). The
// coordinators' view is compiled by the warm-up, so their first evaluation compiles nothing. A view is cached at
// what it holds of its own, not as a copy of the dataset (which kept a coordinators' view at 100k out of the cache).

describeEachStore('scenario views per scope', (suite) => {
  let services: Services;
  const system = { name: 'setup' };
  const delegate = (party: string): Principal => ({ kind: 'user', userId: party, name: `vp-${party}`, role: 'delegate', party });
  const coordinator: Principal = { kind: 'user', userId: 'co', name: 'co', role: 'coordinator', party: null };
  const pledge = (id: string, party: string, confidentiality: Pledge['confidentiality'], extra: Partial<Pledge> = {}): Pledge => ({
    id, party, capability: 'land.personnel', quantity: { min: 10, max: 10 }, areas: ['any'], status: 'committed', confidentiality, condition: 'true', sources: [], ...extra,
  });
  const seen = (result: ScenarioResult): string[] => result.pledges.map((item) => item.id).sort();
  const supplied = (result: ScenarioResult): number => result.coverage.reduce((sum, row) => sum + row.supplyMax, 0);
  const allocated = (result: ScenarioResult): string[] => [...new Set(result.coverage.flatMap((row) => row.allocations.map((allocation) => allocation.pledge)))].sort();

  beforeAll(async () => {
    services = createServices(suite.store());
    for (const party of ['DE', 'FR', 'GB']) await services.records.create(system, partyEntity, makeParty(party));
    await services.records.create(system, requirementEntity, { id: 'need', capability: 'land.personnel', quantity: 1000, estimate: false, priority: 1, area: 'ua', sources: [] });
    await services.records.create(system, pledgeEntity, pledge('de-open', 'DE', 'coalition'));
    await services.records.create(system, pledgeEntity, pledge('fr-secret', 'FR', 'restricted', { condition: 'active(DE)' }));
    await services.records.create(system, pledgeEntity, pledge('fr-gb', 'FR', 'bilateral', { sharedWith: ['GB'] }));
    await services.records.create(system, pledgeEntity, pledge('fr-revision', 'FR', 'coalition', { supersedes: 'fr-secret' }));
  });

  it('compiles the coordinators view at the warm-up', async () => {
    await services.scenarios.warmUp();
    const compiled = networkCounts.compiled;
    expect(seen(await services.scenarios.evaluate(coordinator, {}))).toEqual(['de-open', 'fr-revision', 'fr-secret']);
    expect(networkCounts.compiled).toBe(compiled);
  });

  it("never shows a delegate another party's confidential pledges, before and after writes", async () => {
    const check = async (expected: { DE: string[]; GB: string[] }): Promise<void> => {
      for (const party of ['DE', 'GB'] as const) {
        const result = await services.scenarios.evaluate(delegate(party), { facts: [] });
        expect(seen(result)).toEqual(expected[party]);
        // Every pledge is certain here: the coverage counts exactly the visible pledges' quantities.
        expect(supplied(result)).toBe(10 * expected[party].length);
        expect(allocated(result)).toEqual(expected[party]);
        const dataset = await services.scenarios.dataset(delegate(party));
        expect(dataset.pledges.map((item) => item.id).sort()).toEqual(expected[party]);
        expect([...dataset.conditions.keys()].sort()).toEqual(expected[party]);
      }
    };
    await check({ DE: ['de-open', 'fr-revision'], GB: ['de-open', 'fr-gb', 'fr-revision'] });
    await services.records.create(system, pledgeEntity, pledge('fr-secret-2', 'FR', 'restricted'));
    await check({ DE: ['de-open', 'fr-revision'], GB: ['de-open', 'fr-gb', 'fr-revision'] });
    await services.records.create(system, pledgeEntity, pledge('de-new', 'DE', 'coalition'));
    await check({ DE: ['de-new', 'de-open', 'fr-revision'], GB: ['de-new', 'de-open', 'fr-gb', 'fr-revision'] });
    // A coalition pledge made bilateral (shared with GB) leaves DE's view; the restricted one opened joins it.
    await services.records.replace(system, pledgeEntity, pledge('fr-revision', 'FR', 'bilateral', { supersedes: 'fr-secret', sharedWith: ['GB'] }), 1);
    await check({ DE: ['de-new', 'de-open'], GB: ['de-new', 'de-open', 'fr-gb', 'fr-revision'] });
    await services.records.replace(system, pledgeEntity, pledge('fr-secret-2', 'FR', 'coalition'), 1);
    await check({ DE: ['de-new', 'de-open', 'fr-secret-2'], GB: ['de-new', 'de-open', 'fr-gb', 'fr-revision', 'fr-secret-2'] });
    await services.records.remove(system, pledgeEntity, 'de-open', 1);
    await check({ DE: ['de-new', 'fr-secret-2'], GB: ['de-new', 'fr-gb', 'fr-revision', 'fr-secret-2'] });
  });

  it('keeps a view at the size of what it holds of its own, and hands it out again at the same head', async () => {
    const view = await services.scenarios.dataset(delegate('DE'));
    expect(await services.scenarios.dataset(delegate('DE'))).toBe(view);
    const stats = services.scenarios.cacheStats().find((cache) => cache.name === 'scenario.views');
    expect(stats?.entries).toBeGreaterThan(0);
    expect((stats?.bytes ?? 0) / (stats?.entries ?? 1)).toBeLessThan(estimateDatasetBytes(view));
  });
});
