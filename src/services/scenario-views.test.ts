import { beforeAll, expect, it } from 'vitest';
import { describeEachStore, makeParty } from '../../test/support/stores.js';
import type { Principal, VisibilityScope } from '../core/access/principal.js';
import { viewCounts } from '../core/access/restrict-changed-dataset.js';
import { canSeeItem } from '../core/access/visibility.js';
import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
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
// A view after a write is derived from the caller's view before it (restrict-changed-dataset.ts): after one write,
// two in a row (replayed at once) and a delete, each caller's evaluation holds exactly the pledges they may see.

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

  it('derives the views after a write from those before it, hiding exactly what each caller may not see', async () => {
    const analyst: Principal = { kind: 'user', userId: 'an', name: 'an', role: 'analyst', party: null };
    const callers: [VisibilityScope, Principal][] = [
      [{ kind: 'coordinator' }, coordinator],
      [{ kind: 'coalition' }, analyst],
      ...['DE', 'FR', 'GB'].map((party): [VisibilityScope, Principal] => [{ kind: 'party', party }, delegate(party)]),
    ];
    let held: PreparedDataset[] = [];
    // Each caller's evaluation and view hold exactly the pledges of the whole dataset they may see.
    const check = async (mine: Record<string, string[]>): Promise<void> => {
      const all = await services.scenarios.dataset(system);
      const views: PreparedDataset[] = [];
      for (const [scope, principal] of callers) {
        const visible = all.pledges.filter((item) => canSeeItem(scope, { confidentiality: item.confidentiality, owners: [item.party], sharedWith: item.sharedWith })).map((item) => item.id).sort();
        const result = await services.scenarios.evaluate(principal, { facts: [] });
        expect(seen(result)).toEqual(visible);
        const view = await services.scenarios.dataset(principal);
        views.push(view);
        expect(view.pledges.map((item) => item.id).sort()).toEqual(visible);
        expect([...view.conditions.keys()].sort()).toEqual(visible);
        const key = scope.kind === 'party' ? scope.party : scope.kind;
        expect(visible.filter((id) => id.startsWith('v-'))).toEqual(mine[key]);
      }
      held = views;
    };
    await check({ coordinator: [], coalition: [], DE: [], FR: [], GB: [] });
    const counts = { ...viewCounts };
    // Views held here (the cache drops the previous head's): each next one is derived from them.
    await services.records.create(system, pledgeEntity, pledge('v-gb', 'GB', 'coalition'));
    await check({ coordinator: ['v-gb'], coalition: ['v-gb'], DE: ['v-gb'], FR: ['v-gb'], GB: ['v-gb'] });
    // Made restricted: gone for the analyst and the other delegates.
    await services.records.replace(system, pledgeEntity, pledge('v-gb', 'GB', 'restricted'), 1);
    await check({ coordinator: ['v-gb'], coalition: [], DE: [], FR: [], GB: ['v-gb'] });
    // Bilateral, shared with DE: for DE and FR only.
    await services.records.create(system, pledgeEntity, pledge('v-fr-de', 'FR', 'bilateral', { sharedWith: ['DE'] }));
    await check({ coordinator: ['v-gb'], coalition: [], DE: ['v-fr-de'], FR: ['v-fr-de'], GB: ['v-gb'] });
    expect(viewCounts.derived - counts.derived).toBe(3 * callers.length);
    expect(viewCounts.unfit).toBe(counts.unfit);
    // Two writes before the next evaluation: shared with GB instead, and open to the coalition again.
    await services.records.replace(system, pledgeEntity, pledge('v-fr-de', 'FR', 'bilateral', { sharedWith: ['GB'] }), 1);
    await services.records.replace(system, pledgeEntity, pledge('v-gb', 'GB', 'coalition'), 2);
    await check({ coordinator: ['v-gb'], coalition: ['v-gb'], DE: ['v-gb'], FR: ['v-fr-de', 'v-gb'], GB: ['v-fr-de', 'v-gb'] });
    await services.records.remove(system, pledgeEntity, 'v-fr-de', 2);
    await check({ coordinator: ['v-gb'], coalition: ['v-gb'], DE: ['v-gb'], FR: ['v-gb'], GB: ['v-gb'] });
    // Each of these views too was derived (the two writes replayed at once).
    expect(viewCounts.derived - counts.derived).toBe(5 * callers.length);
    expect(viewCounts.unfit).toBe(counts.unfit);
    expect(held).toHaveLength(callers.length);
  });

  it('keeps a view at the size of what it holds of its own, and hands it out again at the same head', async () => {
    const view = await services.scenarios.dataset(delegate('DE'));
    expect(await services.scenarios.dataset(delegate('DE'))).toBe(view);
    const stats = services.scenarios.cacheStats().find((cache) => cache.name === 'scenario.views');
    expect(stats?.entries).toBeGreaterThan(0);
    expect((stats?.bytes ?? 0) / (stats?.entries ?? 1)).toBeLessThan(estimateDatasetBytes(view));
  });
});
