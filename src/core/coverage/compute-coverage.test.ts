import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makePledge, makeRequirement } from '../../../test/support/model-builders.js';
import { AREAS, CAPABILITIES, PARTIES, quantityArbitrary } from '../../../test/support/random-models.js';
import type { Pledge, Requirement } from '../types.js';
import { type CoveragePledge, computeCoverage, type RequirementCoverage } from './compute-coverage.js';

// Coverage (DESIGN.md §5): priority order, each pledge counted once, area caveats, ranges.

const certain = (pledge: Pledge): CoveragePledge => ({ pledge, state: 'certain' });
const possible = (pledge: Pledge): CoveragePledge => ({ pledge, state: 'possible' });
const inactive = (pledge: Pledge): CoveragePledge => ({ pledge, state: 'inactive' });
const qty = (min: number, max = min): { min: number; max: number } => ({ min, max });

function row(rows: RequirementCoverage[], id: string): RequirementCoverage {
  const found = rows.find((r) => r.requirement === id);
  if (!found) throw new Error(`no requirement ${id}`);
  return found;
}

describe('computeCoverage', () => {
  it('serves priority 1 first and lists rows in priority order', () => {
    const requirements = [makeRequirement('low', 100, { priority: 2 }), makeRequirement('high', 100, { priority: 1 })];
    const report = computeCoverage(requirements, [certain(makePledge('fr', { quantity: qty(150) }))]);
    expect(report.requirements.map((r) => r.requirement)).toEqual(['high', 'low']);
    expect(row(report.requirements, 'high')).toMatchObject({ supplyMin: 100, supplyMax: 100, shortfallMin: 0, shortfallMax: 0, coveredMin: 1, coveredMax: 1 });
    expect(row(report.requirements, 'low')).toMatchObject({ supplyMin: 50, supplyMax: 50, shortfallMin: 50, shortfallMax: 50, coveredMin: 0.5, coveredMax: 0.5 });
  });

  it('orders equal priorities by id', () => {
    const requirements = [makeRequirement('b', 100), makeRequirement('a', 100)];
    const report = computeCoverage(requirements, [certain(makePledge('fr', { quantity: qty(120) }))]);
    expect(report.requirements.map((r) => [r.requirement, r.supplyMin])).toEqual([
      ['a', 100],
      ['b', 20],
    ]);
  });

  it('counts each pledge once across requirements', () => {
    const requirements = [makeRequirement('r1', 100), makeRequirement('r2', 100)];
    const report = computeCoverage(requirements, [certain(makePledge('fr', { quantity: qty(100) }))]);
    expect(report.requirements.map((r) => r.supplyMin)).toEqual([100, 0]);
    expect(report.requirements.map((r) => r.supplyMax)).toEqual([100, 0]);
    expect(report.requirements[0]?.allocations).toEqual([{ pledge: 'fr', party: 'FR', min: 100, max: 100 }]);
    expect(report.requirements[1]?.allocations).toEqual([]);
  });

  it('splits a pledge across requirements when the first is filled', () => {
    const requirements = [makeRequirement('r1', 60), makeRequirement('r2', 100, { priority: 2 })];
    const report = computeCoverage(requirements, [certain(makePledge('fr', { quantity: qty(100) }))]);
    expect(report.requirements.map((r) => r.allocations)).toEqual([[{ pledge: 'fr', party: 'FR', min: 60, max: 60 }], [{ pledge: 'fr', party: 'FR', min: 40, max: 40 }]]);
  });

  it('only matching capabilities supply a requirement', () => {
    const report = computeCoverage(
      [makeRequirement('r1', 100)],
      [certain(makePledge('fr', { quantity: qty(50) })), certain(makePledge('gb', { party: 'GB', capability: 'air.fighters', quantity: qty(50) }))],
    );
    expect(report.requirements[0]).toMatchObject({ supplyMin: 50, supplyMax: 50 });
  });

  describe('areas', () => {
    it('a pledge allowing ua serves ua.rear; one allowing outside_ua does not', () => {
      const report = computeCoverage(
        [makeRequirement('r1', 1000, { area: 'ua.rear' })],
        [certain(makePledge('fr', { quantity: qty(300), areas: ['ua'] })), certain(makePledge('it', { party: 'IT', quantity: qty(500), areas: ['outside_ua'] }))],
      );
      expect(report.requirements[0]).toMatchObject({ supplyMin: 300, supplyMax: 300 });
      expect(report.requirements[0]?.allocations.map((a) => a.pledge)).toEqual(['fr']);
    });

    it('a pledge allowing ua.rear does not serve the whole of ua or ua.front', () => {
      const report = computeCoverage(
        [makeRequirement('whole', 1000, { area: 'ua' }), makeRequirement('front', 1000, { area: 'ua.front', priority: 2 })],
        [certain(makePledge('fr', { quantity: qty(300), areas: ['ua.rear'] }))],
      );
      expect(report.requirements.map((r) => r.supplyMax)).toEqual([0, 0]);
    });

    it('a pledge allowing any serves every area, and a requirement in any takes every pledge', () => {
      const anywhere = computeCoverage([makeRequirement('r1', 1000, { area: 'black_sea' })], [certain(makePledge('fr', { quantity: qty(300), areas: ['any'] }))]);
      expect(anywhere.requirements[0]?.supplyMin).toBe(300);

      const anyRequirement = computeCoverage(
        [makeRequirement('r1', 1000, { area: 'any' })],
        [certain(makePledge('fr', { quantity: qty(300), areas: ['outside_ua'] })), certain(makePledge('gb', { party: 'GB', quantity: qty(200), areas: ['ua.front'] }))],
      );
      expect(anyRequirement.requirements[0]?.supplyMin).toBe(500);
    });

    it('a pledge with several allowed areas serves each of them', () => {
      const report = computeCoverage(
        [makeRequirement('sea', 100, { area: 'black_sea' }), makeRequirement('out', 100, { area: 'outside_ua', priority: 2 })],
        [certain(makePledge('fr', { quantity: qty(150), areas: ['black_sea', 'outside_ua'] }))],
      );
      expect(report.requirements.map((r) => r.supplyMin)).toEqual([100, 50]);
    });
  });

  it('a requirement without a quantity takes the remaining supply and reports null shares', () => {
    const requirements = [makeRequirement('estimated', 100), makeRequirement('open', null, { priority: 2 })];
    const report = computeCoverage(requirements, [certain(makePledge('fr', { quantity: qty(250, 400) }))]);
    expect(row(report.requirements, 'open')).toMatchObject({
      demand: null,
      supplyMin: 150,
      supplyMax: 300,
      shortfallMin: null,
      shortfallMax: null,
      coveredMin: null,
      coveredMax: null,
    });
  });

  it('a demand of 0 is fully covered', () => {
    const report = computeCoverage([makeRequirement('r1', 0)], [certain(makePledge('fr'))]);
    expect(report.requirements[0]).toMatchObject({ supplyMin: 0, supplyMax: 0, coveredMin: 1, coveredMax: 1, shortfallMin: 0 });
  });

  it('lists matching certain or possible pledges without a figure; inactive ones are not listed', () => {
    const report = computeCoverage(
      [makeRequirement('r1', 100)],
      [
        certain(makePledge('a', { quantity: null })),
        possible(makePledge('b', { party: 'GB', quantity: null })),
        inactive(makePledge('c', { party: 'DE', quantity: null })),
        certain(makePledge('d', { party: 'PL', quantity: null, capability: 'air.fighters' })),
      ],
    );
    expect(report.requirements[0]?.unquantifiedPledges).toEqual(['a', 'b']);
    expect(report.requirements[0]).toMatchObject({ supplyMin: 0, supplyMax: 0 });
  });

  it('ranges: certain pledges at their minimum … certain and possible at their maximum; inactive adds nothing', () => {
    const report = computeCoverage(
      [makeRequirement('r1', 100000)],
      [
        certain(makePledge('fr', { quantity: qty(2000, 5000) })),
        possible(makePledge('gb', { party: 'GB', quantity: qty(1000, 3000) })),
        inactive(makePledge('de', { party: 'DE', quantity: qty(9000) })),
      ],
    );
    const r = report.requirements[0];
    expect(r).toMatchObject({ supplyMin: 2000, supplyMax: 8000, shortfallMin: 92000, shortfallMax: 98000, coveredMin: 0.02, coveredMax: 0.08 });
    expect(r?.allocations).toEqual([
      { pledge: 'fr', party: 'FR', min: 2000, max: 5000 },
      { pledge: 'gb', party: 'GB', min: 0, max: 3000 },
    ]);
  });

  it('uses the least flexible pledge first so flexible ones remain for other requirements', () => {
    const requirements = [makeRequirement('rear', 100, { area: 'ua.rear' }), makeRequirement('front', 100, { area: 'ua.front', priority: 2 })];
    const report = computeCoverage(requirements, [
      certain(makePledge('flex', { quantity: qty(100), areas: ['ua'] })),
      certain(makePledge('rear-only', { party: 'GB', quantity: qty(100), areas: ['ua.rear'] })),
    ]);
    expect(row(report.requirements, 'rear').allocations.map((a) => a.pledge)).toEqual(['rear-only']);
    expect(row(report.requirements, 'front').allocations.map((a) => a.pledge)).toEqual(['flex']);
  });

  it('summarises per capability (with unallocated supply) and per package', () => {
    const requirements = [
      makeRequirement('r1', 100, { package: 'day-after' }),
      makeRequirement('r2', null, { package: 'day-after', capability: 'air.fighters', area: 'ua.airspace' }),
      makeRequirement('r3', 50, { package: 'purl-1', area: 'ua.front', priority: 2 }),
    ];
    const report = computeCoverage(requirements, [
      certain(makePledge('fr', { quantity: qty(150, 200) })),
      certain(makePledge('gb', { party: 'GB', quantity: qty(20), areas: ['any'], capability: 'air.fighters' })),
    ]);
    expect(report.capabilities).toEqual([
      { id: 'air.fighters', demand: 0, supplyMin: 20, supplyMax: 20, requirements: 1, unestimatedRequirements: 1, unallocatedMin: 0, unallocatedMax: 0 },
      { id: 'land.personnel', demand: 150, supplyMin: 100, supplyMax: 100, requirements: 2, unestimatedRequirements: 0, unallocatedMin: 50, unallocatedMax: 100 },
    ]);
    expect(report.packages).toEqual([
      { id: 'day-after', demand: 100, supplyMin: 120, supplyMax: 120, requirements: 2, unestimatedRequirements: 1 },
      { id: 'purl-1', demand: 50, supplyMin: 0, supplyMax: 0, requirements: 1, unestimatedRequirements: 0 },
    ]);
    expect(row(report.requirements, 'r1').package).toBe('day-after');
  });
});

// Random small models for the invariants.
const requirementsArbitrary: fc.Arbitrary<Requirement[]> = fc
  .array(
    fc.record({
      capability: fc.constantFrom(...CAPABILITIES),
      area: fc.constantFrom(...AREAS),
      priority: fc.integer({ min: 1, max: 3 }),
      quantity: fc.option(fc.integer({ min: 0, max: 15 }), { nil: null }),
    }),
    { maxLength: 5 },
  )
  .map((rows) => rows.map((r, i) => makeRequirement(`r${i}`, r.quantity, { capability: r.capability, area: r.area, priority: r.priority })));

const coveragePledgesArbitrary: fc.Arbitrary<CoveragePledge[]> = fc
  .array(
    fc.record({
      party: fc.constantFrom(...PARTIES),
      capability: fc.constantFrom(...CAPABILITIES),
      quantity: quantityArbitrary,
      areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 2 }),
      state: fc.constantFrom('certain' as const, 'possible' as const, 'inactive' as const),
    }),
    { maxLength: 8 },
  )
  .map((rows) =>
    rows.map((r, i) => ({
      pledge: makePledge(`p${i}`, { party: r.party, capability: r.capability, quantity: r.quantity, areas: r.areas }),
      state: r.state,
    })),
  );

describe('computeCoverage invariants on random models', () => {
  it('supplyMin ≤ supplyMax ≤ demand; allocations sum to supply; no pledge gives more than it has', () => {
    fc.assert(
      fc.property(requirementsArbitrary, coveragePledgesArbitrary, (requirements, pledges) => {
        const report = computeCoverage(requirements, pledges);
        expect(report.requirements).toHaveLength(requirements.length);
        const givenMin = new Map<string, number>();
        const givenMax = new Map<string, number>();
        for (const r of report.requirements) {
          expect(r.supplyMin).toBeGreaterThanOrEqual(0);
          expect(r.supplyMin).toBeLessThanOrEqual(r.supplyMax);
          if (r.demand !== null) {
            expect(r.supplyMax).toBeLessThanOrEqual(r.demand);
            expect(r.shortfallMin).toBe(r.demand - r.supplyMax);
            expect(r.shortfallMax).toBe(r.demand - r.supplyMin);
          } else {
            expect(r.coveredMin).toBeNull();
            expect(r.coveredMax).toBeNull();
          }
          expect(r.allocations.reduce((s, a) => s + a.min, 0)).toBe(r.supplyMin);
          expect(r.allocations.reduce((s, a) => s + a.max, 0)).toBe(r.supplyMax);
          for (const a of r.allocations) {
            givenMin.set(a.pledge, (givenMin.get(a.pledge) ?? 0) + a.min);
            givenMax.set(a.pledge, (givenMax.get(a.pledge) ?? 0) + a.max);
          }
        }
        for (const { pledge, state } of pledges) {
          const min = givenMin.get(pledge.id) ?? 0;
          const max = givenMax.get(pledge.id) ?? 0;
          // Only certain pledges count at the minimum; only active ones at the maximum.
          expect(min).toBeLessThanOrEqual(state === 'certain' ? (pledge.quantity?.min ?? 0) : 0);
          expect(max).toBeLessThanOrEqual(state === 'inactive' ? 0 : (pledge.quantity?.max ?? 0));
        }
      }),
      { numRuns: 3_000 },
    );
  });

  it('does not depend on the order of the pledges', () => {
    fc.assert(
      fc.property(requirementsArbitrary, coveragePledgesArbitrary, (requirements, pledges) => {
        const forward = computeCoverage(requirements, pledges).requirements.map((r) => [r.requirement, r.supplyMin, r.supplyMax]);
        const backward = computeCoverage(requirements, [...pledges].reverse()).requirements.map((r) => [r.requirement, r.supplyMin, r.supplyMax]);
        expect(backward).toEqual(forward);
      }),
      { numRuns: 1_000 },
    );
  });
});
