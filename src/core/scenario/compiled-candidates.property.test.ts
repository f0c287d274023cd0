import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { makeDataset, makePledge, makeRequirement, prepareModel } from '../../../test/support/model-builders.js';
import type { CandidateOptions } from '../activation/candidates.js';
import { type DatasetChange, prepareChangedDataset } from '../dataset/prepare-change.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Dataset, Fact, Pledge } from '../types.js';
import { type CompiledCandidates, compiledCandidates, inheritCompiled, networkCounts } from './compiled-candidates.js';
import { evaluateScenario } from './evaluate-scenario.js';

// After a write the new dataset's compiled form (network, coverage index, candidates) is patched from the one
// compiled before (compiled-candidates.ts). On random sequences of writes — pledges created, updated (any fields,
// one field, or only a note) and deleted, facts created and deleted, requirements created, moved, re-quantified and
// deleted (reindex-requirements.ts) — with scenarios evaluated at
// random steps (so the form is patched across one write or several), the patched form equals a fresh compile of
// the same dataset, part by part, and so does a scenario's result. Creates exercise appendToCoverage (remap-coverage.ts).

const IDS = ['p0', 'p1', 'p2', 'p3', 'p4', 'p5'];
const CONDITIONS = ['true', 'f1', 'f1 and active(A)', 'not f2 or count(air.fighters) >= 1', 'total(land.personnel, area=zone.x) >= 3', 'active(B, land.personnel)'];
const NOW: CandidateOptions = {};
const OPTIONS: CandidateOptions[] = [NOW, NOW, { minStatus: 'committed' }, { asOf: '2026-03-01' }];

const pledgeArbitrary = fc.record({
  id: fc.constantFrom(...IDS),
  party: fc.constantFrom('A', 'B', 'C'),
  capability: fc.constantFrom('land.personnel', 'air.fighters'),
  quantity: fc.option(fc.integer({ min: 1, max: 4 }).map((min) => ({ min, max: min + 2 })), { nil: null, freq: 4 }),
  areas: fc.uniqueArray(fc.constantFrom('any', 'ua.rear', 'zone.x'), { minLength: 1, maxLength: 2 }),
  status: fc.constantFrom('announced', 'committed', 'withdrawn'),
  announcedOn: fc.option(fc.constantFrom('2026-01-01', '2026-06-01'), { nil: undefined }),
  supersedes: fc.option(fc.constantFrom(...IDS), { nil: undefined, freq: 4 }),
  condition: fc.constantFrom(...CONDITIONS),
});

type Step = { collection: string; change: DatasetChange };

const withNote = (pledge: Pledge, note: string): Pledge => ({ ...pledge, note });
const withField = (pledge: Pledge, field: keyof Pledge, value: unknown): Pledge => {
  const record: Record<string, unknown> = { ...pledge, [field]: value };
  if (value === undefined) delete record[field];
  return record as unknown as Pledge;
};
const fact = (id: string): Fact => ({ id, value: true, sources: [] });

const stepArbitrary: fc.Arbitrary<(current: Dataset) => Step> = fc.oneof(
  { weight: 4, arbitrary: pledgeArbitrary.map((shape) => (current: Dataset): Step => {
    const existing = current.pledges.some((pledge) => pledge.id === shape.id);
    const { supersedes, announcedOn, ...fields } = shape;
    const record: Pledge = makePledge(shape.id, fields);
    if (supersedes !== undefined) record.supersedes = supersedes;
    if (announcedOn !== undefined) record.announcedOn = announcedOn;
    return { collection: 'pledges', change: { kind: existing ? 'update' : 'create', record } };
  }) },
  // What most writes are: a field the network and the coverage do not read (a note, a source).
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...IDS), fc.string({ maxLength: 4 })).map(([id, note]) => (current: Dataset): Step => {
    const existing = current.pledges.find((pledge) => pledge.id === id);
    return existing ? { collection: 'pledges', change: { kind: 'update', record: withNote(existing, note) } } : { collection: 'pledges', change: { kind: 'create', record: makePledge(id, { party: 'C' }) } };
  }) },
  // One field of an existing pledge changed, the rest as it was.
  { weight: 4, arbitrary: fc.tuple(fc.constantFrom(...IDS), pledgeArbitrary, fc.constantFrom('party', 'capability', 'quantity', 'areas', 'status', 'condition', 'announcedOn')).map(([id, shape, field]) => (current: Dataset): Step => {
    const existing = current.pledges.find((pledge) => pledge.id === id);
    if (!existing) return { collection: 'pledges', change: { kind: 'create', record: makePledge(id, { party: 'B' }) } };
    return { collection: 'pledges', change: { kind: 'update', record: withField(existing, field, shape[field]) } };
  }) },
  { weight: 1, arbitrary: fc.constantFrom(...IDS).map((id) => (current: Dataset): Step => ({ collection: 'pledges', change: current.pledges.some((pledge) => pledge.id === id) ? { kind: 'delete', id } : { kind: 'create', record: makePledge(id, { party: 'A' }) } })) },
  { weight: 1, arbitrary: fc.constantFrom('f3', 'f4').map((id) => (current: Dataset): Step => ({ collection: 'facts', change: current.facts.some((fact) => fact.id === id) ? { kind: 'delete', id } : { kind: 'create', record: fact(id) } })) },
  // Requirements created, deleted, moved (capability, area, priority) or given another quantity only.
  { weight: 2, arbitrary: fc.tuple(fc.constantFrom('r1', 'r2', 'r3'), fc.constantFrom('zone.x', 'ua.rear', 'any'), fc.constantFrom('land.personnel', 'air.fighters'), fc.integer({ min: 1, max: 3 }), fc.integer({ min: 1, max: 8 }), fc.constantFrom('write', 'quantity', 'delete')).map(([id, area, capability, priority, quantity, kind]) => (current: Dataset): Step => {
    const existing = current.requirements.find((requirement) => requirement.id === id);
    if (existing && kind === 'delete') return { collection: 'requirements', change: { kind: 'delete', id } };
    const record = existing && kind === 'quantity' ? { ...existing, quantity } : makeRequirement(id, quantity, { area, capability, priority });
    return { collection: 'requirements', change: { kind: existing ? 'update' : 'create', record } };
  }) },
);

// Pledges that first use every name the written ones may use (parties, capabilities, area lists, facts, aggregate
// keys): with them in front, the network of most writes is spliced rather than compiled (splice-network.ts).
const AREA_LISTS = [['any'], ['ua.rear'], ['zone.x'], ['any', 'ua.rear'], ['any', 'zone.x'], ['ua.rear', 'any'], ['ua.rear', 'zone.x'], ['zone.x', 'any'], ['zone.x', 'ua.rear']];
const naming = (): Pledge[] => AREA_LISTS.map((areas, i) => makePledge(`n${i}`, {
  party: ['A', 'B', 'C'][i % 3] as string,
  capability: i % 2 === 0 ? 'land.personnel' : 'air.fighters',
  areas,
  condition: i === 0 ? 'f1 or active(A) or not f2 or count(air.fighters) >= 1 or total(land.personnel, area=zone.x) >= 3 or active(B, land.personnel)' : 'true',
}));

function start(named: boolean): PreparedDataset {
  return prepareModel(makeDataset({
    parties: ['A', 'B', 'C'],
    facts: { f1: true, f2: false },
    pledges: [
      ...(named ? naming() : []),
      makePledge('p0', { party: 'A', condition: 'f1', areas: ['zone.x'] }),
      makePledge('p1', { party: 'B', condition: 'total(land.personnel, area=zone.x) >= 3', supersedes: 'p0', announcedOn: '2026-06-01' }),
      makePledge('p2', { party: 'C', condition: 'active(A)', capability: 'air.fighters', quantity: null }),
    ],
    requirements: [makeRequirement('r1', 5, { area: 'zone.x' })],
  }));
}

// Everything of a compiled form, as plain values (the same Map/typed array contents compare equal).
const parts = (entry: CompiledCandidates) => ({ ...entry, excluded: [...entry.excluded], candidateById: [...entry.candidateById] });

describe('a compiled form patched after writes equals a fresh compile', () => {
  it('on 500 random sequences of up to 14 writes, evaluated at random steps', () => {
    const kept = { network: 0, coverage: 0, compiled: 0 };
    const spliced = networkCounts.spliced;
    fc.assert(
      fc.property(fc.boolean(), fc.array(fc.tuple(stepArbitrary, fc.boolean(), fc.constantFrom(...OPTIONS)), { minLength: 1, maxLength: 14 }), (named, steps) => {
        let current = start(named);
        // The form last compiled per option set: what the next evaluation patches.
        const last = new Map<CandidateOptions, CompiledCandidates>([[NOW, compiledCandidates(current, NOW)]]);
        for (const [makeStep, evaluate, options] of steps) {
          const { collection, change } = makeStep(current);
          const next = prepareChangedDataset(current, collection, change);
          if (!next.ok) continue;
          inheritCompiled(current, next.value);
          current = next.value;
          if (!evaluate) continue;
          const before = last.get(options);
          const patched = compiledCandidates(current, options);
          last.set(options, patched);
          const fresh = compiledCandidates({ ...current }, options);
          expect(parts(patched)).toEqual(parts(fresh));
          // Both derive the parties from the network: against the candidates themselves.
          expect(patched.candidateParties).toEqual([...new Set(patched.candidates.map((pledge) => pledge.party))].sort());
          if (!before) continue;
          kept.compiled++;
          if (patched.network === before.network) kept.network++;
          if (patched.coverage.sourceStart === before.coverage.sourceStart) kept.coverage++;
          const facts = new Map([['f1', 'unknown' as const]]);
          expect(evaluateScenario(current, { ...options, facts }).toJSON()).toEqual(evaluateScenario({ ...current }, { ...options, facts }).toJSON());
        }
      }),
      { numRuns: 500 },
    );
    // Both ways are exercised: kept parts and parts compiled again.
    expect(kept.network).toBeGreaterThan(100);
    expect(kept.coverage).toBeGreaterThan(100);
    expect(kept.compiled - kept.network).toBeGreaterThan(200);
    expect(networkCounts.spliced - spliced).toBeGreaterThan(200);
  });
});

describe('a quantity change of the pledge that first used a name', () => {
  it('is spliced, not compiled anew, and equals a fresh compile', () => {
    // p2 (p0 is superseded by p1) is the first candidate to use party C, air.fighters and active(A); only its quantity changes.
    const current = start(false);
    compiledCandidates(current, NOW);
    const p2 = current.pledges.find((pledge) => pledge.id === 'p2') as Pledge;
    const next = prepareChangedDataset(current, 'pledges', { kind: 'update', record: withField(p2, 'quantity', { min: 7, max: 9 }) });
    if (!next.ok) throw new Error('the update is valid');
    inheritCompiled(current, next.value);
    const counts = { ...networkCounts };
    const patched = compiledCandidates(next.value, NOW);
    expect(networkCounts.spliced - counts.spliced).toBe(1);
    expect(networkCounts.compiled - counts.compiled).toBe(0);
    expect(parts(patched)).toEqual(parts(compiledCandidates({ ...next.value }, NOW)));
  });

  it('a condition change of that pledge naming other things is compiled anew (the names would be numbered otherwise)', () => {
    const current = start(false);
    compiledCandidates(current, NOW);
    const p2 = current.pledges.find((pledge) => pledge.id === 'p2') as Pledge;
    const next = prepareChangedDataset(current, 'pledges', { kind: 'update', record: withField(p2, 'condition', 'true') });
    if (!next.ok) throw new Error('the update is valid');
    inheritCompiled(current, next.value);
    const counts = { ...networkCounts };
    const patched = compiledCandidates(next.value, NOW);
    expect(networkCounts.compiled - counts.compiled).toBe(1);
    expect(parts(patched)).toEqual(parts(compiledCandidates({ ...next.value }, NOW)));
  });
});
