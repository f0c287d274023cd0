import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CAPABILITY_CATALOGUE } from '../core/capabilities.js';
import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import { type PledgeListColumn, type PledgeListLanguage, PLEDGE_LIST_COLUMNS, type PledgeRowState, pledgeTexts } from '../core/pledge-list/pledge-row-text.js';
import { selectFromOrder } from '../core/pledge-list/select-from-order.js';
import { type PledgeListQuery, selectPledgeRows } from '../core/pledge-list/select-pledge-rows.js';
import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import { type Party, PLEDGE_STATUSES, type Pledge } from '../core/types.js';
import { PledgeListOrders } from './pledge-list-orders.js';

// The pledge list answers from orders and search texts kept per dataset (and per scenario result for state and
// why), made for a dataset after a write from the previous one's sorted values. On random successive datasets
// and random queries, every page is exactly the brute-force reference's (selectPledgeRows: sort, filter and search
// from scratch) sliced at the same offset.

const parties: Party[] = [
  { id: 'FR', kind: 'state', name: { en: 'France', de: 'Frankreich' }, groups: [] },
  { id: 'DE', kind: 'state', name: { en: 'Germany', de: 'Deutschland' }, groups: [] },
  { id: 'AT', kind: 'state', name: { en: 'Austria', de: 'Österreich' }, groups: [] },
  { id: 'de', kind: 'state', name: { en: 'germany', de: 'deutschland' }, groups: [] },
] as Party[];
const capabilityById = new Map(CAPABILITY_CATALOGUE.map((capability) => [capability.id, capability]));
const STATES: PledgeRowState[] = ['certain', 'possible', 'inactive'];

const pledgeArbitrary = fc.record({
  id: fc.constantFrom('p-1', 'p-2', 'p-10', 'P-1', 'p-01', 'a', 'B', 'é-3', 'e-3', 'z-100', 'z-20'),
  party: fc.constantFrom('FR', 'DE', 'AT', 'de', 'PL', 'xx'),
  capability: fc.constantFrom('land.personnel', 'air.fighters', 'maritime.vessels', 'own.kind'),
  quantity: fc.option(fc.tuple(fc.nat(20), fc.nat(20)).map(([a, b]) => ({ min: Math.min(a, b), max: Math.max(a, b) })), { nil: null }),
  areas: fc.subarray(['ua', 'ua.rear', 'black_sea', 'any'], { minLength: 1 }),
  status: fc.constantFrom(...PLEDGE_STATUSES),
  condition: fc.constantFrom('true', 'ceasefire', 'Ceasefire', 'ceasefire and us_backstop', 'active(FR, land.personnel)', 'x2', 'x10'),
  note: fc.option(fc.constantFrom('Merz said so', 'Élysée note', 'x'), { nil: undefined }),
  sources: fc.subarray(['s1', 's2', 's10', 'S1']),
  announcedOn: fc.option(fc.constantFrom('2026-01-01', '2026-02-01'), { nil: undefined }),
  state: fc.constantFrom(...STATES),
  explanation: fc.option(fc.constantFrom('p-1 possible: waits for FR', 'p-2 inactive: needs ceasefire (unknown)', 'P-1 Possible: waits for the moon', 'a 10 b', 'a 9 b'), { nil: null }),
});
type Drawn = typeof pledgeArbitrary extends fc.Arbitrary<infer T> ? T : never;

const queryArbitrary = fc.record({
  party: fc.option(fc.constantFrom('FR', 'DE', 'de'), { nil: undefined }),
  capability: fc.option(fc.constantFrom('land.personnel', 'air.fighters'), { nil: undefined }),
  domain: fc.option(fc.constantFrom('land', 'air', 'land.personnel'), { nil: undefined }),
  state: fc.option(fc.constantFrom(...STATES), { nil: undefined }),
  q: fc.option(fc.constantFrom('germany', 'osterreich', 'fighter', 'sicher possible', 'ceasefire', 'merz', 'moon', 'p-1', '1', 's1', 'ua', 'waits fr', 'möglich'), { nil: undefined }),
  sort: fc.option(fc.record({ column: fc.constantFrom<PledgeListColumn>(...PLEDGE_LIST_COLUMNS), descending: fc.boolean() }), { nil: undefined }),
  knownOn: fc.option(fc.constantFrom('2026-01-15'), { nil: undefined }),
});

// A dataset and a scenario result as the list reads them: pledges with names, and per position a state and why.
function scenarioOf(drawn: readonly (Drawn & { pledge: Pledge })[]): { dataset: PreparedDataset; result: ScenarioResult } {
  const dataset = { pledges: drawn.map((entry) => entry.pledge), parties, capabilityById, facts: [] } as unknown as PreparedDataset;
  const result = {
    states: Uint8Array.from(drawn, (entry) => ({ inactive: 0, possible: 1, certain: 2 })[entry.state]),
    pledgesAt: (positions: readonly number[]) => positions.map((position) => ({ explanation: drawn[position]?.explanation ?? null })),
  } as unknown as ScenarioResult;
  return { dataset, result };
}

function toPledge(entry: Drawn, i: number): Pledge {
  return { id: `${entry.id}${i % 3 === 0 ? '' : `-${i}`}`, party: entry.party, capability: entry.capability, quantity: entry.quantity, areas: entry.areas, status: entry.status, confidentiality: 'coalition', condition: entry.condition, sources: entry.sources, ...(entry.note ? { note: entry.note } : {}), ...(entry.announcedOn ? { announcedOn: entry.announcedOn } : {}) };
}

describe('the pledge list from kept orders and search texts', () => {
  it('pages exactly like sorting, filtering, searching and slicing from scratch, on successive datasets', () => {
    const names = { parties: new Map(parties.map((party) => [party.id, party])), capabilities: capabilityById };
    const texts = { en: pledgeTexts('en', names), de: pledgeTexts('de', names) };
    fc.assert(
      fc.property(
        fc.array(pledgeArbitrary, { maxLength: 25 }),
        // Later datasets: some pledges kept as they were (the same records), some changed or added, some gone.
        fc.array(fc.array(fc.tuple(fc.constantFrom('keep', 'keep', 'change', 'drop'), pledgeArbitrary), { maxLength: 30 }), { maxLength: 2 }),
        fc.array(fc.tuple(queryArbitrary, fc.constantFrom<PledgeListLanguage>('en', 'de'), fc.nat(8), fc.integer({ min: 1, max: 6 })), { minLength: 1, maxLength: 4 }),
        (first, edits, queries) => {
          const orders = new PledgeListOrders();
          let version = first.map((entry, i) => ({ ...entry, pledge: toPledge(entry, i) }));
          const versions = [version];
          for (const edit of edits) {
            version = edit.flatMap(([what, entry], i) => {
              const before = version[i];
              if (what === 'drop') return [];
              if (what === 'keep' && before) return [before];
              return [{ ...entry, pledge: toPledge(entry, i + 100) }];
            });
            versions.push(version);
          }
          for (const drawn of versions) {
            const { dataset, result } = scenarioOf(drawn);
            for (const [query, language, offset, limit] of queries) {
              const explanations = (positions: readonly number[]) => positions.map((position) => drawn[position]?.explanation ?? null);
              const stateAt = (position: number): PledgeRowState => drawn[position]?.state ?? 'inactive';
              const expected = selectPledgeRows({ pledges: dataset.pledges, states: stateAt, texts, language, explanations }, query as PledgeListQuery);
              const order = orders.order(dataset, result, query.sort, language);
              const got = selectFromOrder({ pledges: dataset.pledges, stateAt, searchTexts: orders.searchTexts(dataset), stateWords: orders.stateWords(dataset), explanations }, order, query as PledgeListQuery);
              expect(got.slice(offset, offset + limit)).toEqual(expected.slice(offset, offset + limit));
              expect(got).toEqual(expected);
            }
          }
        },
      ),
      { numRuns: 400 },
    );
  });

  it('reports what it keeps, within its bound', () => {
    const orders = new PledgeListOrders();
    const { dataset, result } = scenarioOf([]);
    orders.order(dataset, result, { column: 'party', descending: false }, 'en');
    const stats = orders.stats();
    expect(stats.name).toBe('pledge-list');
    expect(stats.entries).toBeGreaterThan(0);
    expect(stats.bytes).toBeLessThanOrEqual(stats.maxBytes ?? 0);
  });
});
