import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, makeRequirement, prepareModel } from '../../../test/support/model-builders.js';
import type { Dataset, Fact, Pledge } from '../types.js';
import { applyDatasetChange, type DatasetChange, prepareChangedDataset } from './prepare-change.js';
import { type PreparedDataset, prepareDataset } from './prepare-dataset.js';

// A write checks only what it changes (prepare-change.ts): on random sequences of pledge creates, updates and
// deletes (some of them guarantee commitments, whose condition must require their trigger; and a few writes to facts
// and requirements), each step accepts exactly when the full check of the changed
// dataset does, with the same problems, and what it accepts equals the fully prepared dataset — conditions parsed,
// records, everything. Each next step starts from the incrementally prepared version, so what it passes on (the
// layered conditions, the vocabulary) is tested too.

const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const CONDITIONS = [
  'true',
  'f1',
  'f1 and active(A)',
  'not f2 or count(air.fighters) >= 1',
  'total(land.personnel, area=zone.x) >= 3',
  'total(land.personnel, area=zone.y) > 1',
  'f9',
  'f1 and (',
  'active(Z)',
  'total(bad.cap) >= 1',
];

const pledgeArbitrary = fc.record({
  id: fc.constantFrom(...IDS),
  party: fc.constantFrom('A', 'B', 'C', 'A', 'B', 'Z'),
  capability: fc.constantFrom('land.personnel', 'air.fighters', 'land.personnel', 'bad.cap'),
  areas: fc.uniqueArray(fc.constantFrom('any', 'ua.rear', 'zone.x', 'zone.y'), { minLength: 1, maxLength: 2 }),
  supersedes: fc.option(fc.constantFrom(...IDS, 'p9'), { nil: undefined, freq: 2 }),
  sharedWith: fc.option(fc.uniqueArray(fc.constantFrom('A', 'B', 'Z'), { maxLength: 2 }), { nil: undefined, freq: 3 }),
  sources: fc.uniqueArray(fc.constantFrom('s1', 's2', 's1', 's9'), { maxLength: 2 }),
  condition: fc.constantFrom(...CONDITIONS),
  keepCondition: fc.boolean(),
  // A guarantee commitment's condition must require its trigger: f1 is required by two of the conditions.
  trigger: fc.option(fc.constantFrom('f1', 'f2'), { nil: undefined, freq: 3 }),
});

type Step = { collection: string; change: DatasetChange };

const fact = (id: string): Fact => ({ id, value: true, sources: [] });

const stepArbitrary: fc.Arbitrary<(current: Dataset) => Step> = fc.oneof(
  { weight: 6, arbitrary: pledgeArbitrary.map((shape) => (current: Dataset): Step => {
    const existing = current.pledges.find((pledge) => pledge.id === shape.id);
    const { keepCondition, supersedes, sharedWith, trigger, ...fields } = shape;
    const record: Pledge = makePledge(shape.id, { ...fields, condition: keepCondition && existing ? existing.condition : shape.condition });
    if (supersedes !== undefined) record.supersedes = supersedes;
    if (sharedWith !== undefined) record.sharedWith = sharedWith;
    if (trigger !== undefined) record.guarantee = { trigger, responses: ['military'], responseTime: 'not stated' };
    return { collection: 'pledges', change: { kind: existing ? 'update' : 'create', record } };
  }) },
  { weight: 1, arbitrary: fc.constantFrom(...IDS).map((id) => (current: Dataset): Step => ({ collection: 'pledges', change: current.pledges.some((pledge) => pledge.id === id) ? { kind: 'delete', id } : { kind: 'create', record: makePledge(id, { party: 'A' }) } })) },
  { weight: 1, arbitrary: fc.constantFrom(...IDS).map((id) => (): Step => ({ collection: 'pledges', change: { kind: 'create', record: makePledge(id, { party: 'B' }) } })) },
  { weight: 1, arbitrary: fc.constantFrom('f1', 'f2').map((id) => (current: Dataset): Step => ({ collection: 'facts', change: current.facts.some((fact) => fact.id === id) ? { kind: 'delete', id } : { kind: 'create', record: fact(id) } })) },
  { weight: 1, arbitrary: fc.constantFrom('zone.x', 'zone.y', 'any').map((area) => (): Step => ({ collection: 'requirements', change: { kind: 'update', record: makeRequirement('r1', 5, { area }) } })) },
);

function start(): PreparedDataset {
  const dataset = makeDataset({
    parties: ['A', 'B', 'C'],
    facts: { f1: true, f2: false },
    pledges: [
      makePledge('p0', { party: 'A', condition: 'f1', areas: ['zone.x'] }),
      makePledge('p1', { party: 'B', condition: 'total(land.personnel, area=zone.x) >= 3', supersedes: 'p0' }),
      makePledge('p2', { party: 'C', condition: 'active(A)', capability: 'air.fighters' }),
    ],
    requirements: [makeRequirement('r1', 5, { area: 'zone.y' })],
  });
  const source = (id: string): Dataset['sources'][number] => ({ id, publisher: 'test', date: '2026-01-01' });
  return prepareModel({ ...dataset, sources: [source('s1'), source('s2')] });
}

const sorted = (dataset: PreparedDataset) => ({ ...dataset, conditions: [...dataset.conditions].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)) });

describe('incremental validation of a write equals the full check', () => {
  it('on 1,500 random sequences of up to 12 changes', () => {
    let accepted = 0;
    let refused = 0;
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 12 }), (steps) => {
        let current = start();
        for (const makeStep of steps) {
          const { collection, change } = makeStep(current);
          const expected = prepareDataset(applyDatasetChange(current, collection, change));
          const actual = prepareChangedDataset(current, collection, change);
          expect(actual.ok).toBe(expected.ok);
          if (!actual.ok || !expected.ok) {
            expect(actual).toEqual(expected);
            refused++;
            continue;
          }
          expect(sorted(actual.value)).toEqual(sorted(expected.value));
          expect(actual.value.conditions.size).toBe(expected.value.conditions.size);
          accepted++;
          current = actual.value;
        }
      }),
      { numRuns: 1500 },
    );
    // Both answers are exercised.
    expect(accepted).toBeGreaterThan(1000);
    expect(refused).toBeGreaterThan(1000);
  });
});

// applyDatasetChange finds the replaced record through a position index passed from list to list
// (record-positions.ts): on random accepted sequences it gives exactly what a map/filter over the list gives.
describe('a change applied through the position index equals one applied by scanning', () => {
  const naive = (dataset: Dataset, collection: string, change: DatasetChange): Dataset => {
    const key = collection as keyof Dataset;
    const list = dataset[key] as readonly { id: string }[];
    if (change.kind === 'create') return { ...dataset, [key]: [...list, change.record] };
    if (change.kind === 'update') return { ...dataset, [key]: list.map((item) => (item.id === change.record.id ? change.record : item)) };
    return { ...dataset, [key]: list.filter((item) => item.id !== change.id) };
  };
  it('on 500 random sequences of up to 16 changes', () => {
    fc.assert(
      fc.property(fc.array(stepArbitrary, { minLength: 1, maxLength: 16 }), (steps) => {
        let current = start();
        for (const makeStep of steps) {
          const { collection, change } = makeStep(current);
          expect(applyDatasetChange(current, collection, change)).toEqual(naive(current, collection, change));
          const next = prepareChangedDataset(current, collection, change);
          if (next.ok) current = next.value;
        }
      }),
      { numRuns: 500 },
    );
  });
});
