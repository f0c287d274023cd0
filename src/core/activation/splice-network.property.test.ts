import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AREAS, CAPABILITIES, conditionArbitrary, FACTS, PARTIES, quantityArbitrary } from '../../../test/support/random-models.js';
import type { Condition } from '../conditions/ast.js';
import { type ActivationPledge, compileNetwork } from './compile-network.js';
import { type NetworkSplice, spliceNetwork } from './splice-network.js';

// A spliced network (a few pledges removed, inserted, replaced) equals compileNetwork of the new pledges, array for
// array, whenever the splice is made; it is refused only when the names would be numbered otherwise. Half of the
// models start with pledges naming everything, so that most splices are made.

const at = 0;
const pledgeArbitrary = fc.record({
  party: fc.constantFrom(...PARTIES),
  capability: fc.constantFrom(...CAPABILITIES),
  quantity: quantityArbitrary,
  areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 2 }),
  condition: conditionArbitrary,
});

// Every name the random conditions use, first used by these pledges (every key, fact, party, area list).
function namingPledges(): ActivationPledge[] {
  const atoms: Condition[] = [
    ...FACTS.map((fact): Condition => ({ kind: 'fact', fact, negated: false, at })),
    ...CAPABILITIES.flatMap((capability): Condition[] => [
      { kind: 'count', capability, op: '>=', threshold: 1, at, capabilityAt: at },
      { kind: 'total', capability, op: '>=', threshold: 1, at, capabilityAt: at },
      ...AREAS.map((area): Condition => ({ kind: 'total', capability, op: '>', threshold: 2, at, capabilityAt: at, area, areaAt: at })),
    ]),
    ...PARTIES.flatMap((party): Condition[] => [
      { kind: 'active', party, at, partyAt: at },
      ...CAPABILITIES.map((capability): Condition => ({ kind: 'active', party, capability, at, partyAt: at, capabilityAt: at })),
    ]),
  ];
  const lists = AREAS.flatMap((first) => [[first], ...AREAS.filter((second) => second !== first).map((second) => [first, second])]);
  return lists.map((areas, i) => ({
    id: `n${i}`,
    party: PARTIES[i % PARTIES.length] as string,
    capability: CAPABILITIES[i % CAPABILITIES.length] as string,
    quantity: { min: 1, max: 2 },
    areas,
    condition: i === 0 ? { kind: 'or', items: atoms } : { kind: 'const', value: true },
  }));
}

type Edit = { kind: 'remove'; at: number } | { kind: 'insert'; at: number; pledge: Omit<ActivationPledge, 'id'> } | { kind: 'replace'; at: number; pledge: Omit<ActivationPledge, 'id'> };

const editArbitrary: fc.Arbitrary<Edit> = fc.oneof(
  fc.nat().map((at): Edit => ({ kind: 'remove', at })),
  fc.tuple(fc.nat(), pledgeArbitrary).map(([at, pledge]): Edit => ({ kind: 'insert', at, pledge })),
  fc.tuple(fc.nat(), pledgeArbitrary).map(([at, pledge]): Edit => ({ kind: 'replace', at, pledge })),
);

// The edits applied to `pledges` after the first `kept`: the new list and the splice that describes it.
function applyEdits(pledges: readonly ActivationPledge[], edits: readonly Edit[], kept: number): { next: ActivationPledge[]; splice: NetworkSplice } {
  // Each entry: the old position it came from, or -1 for a new pledge.
  let entries: { from: number; pledge: ActivationPledge }[] = pledges.map((pledge, from) => ({ from, pledge }));
  let fresh = 0;
  for (const edit of edits) {
    if (edit.kind === 'insert') {
      const position = kept + (edit.at % (entries.length - kept + 1));
      entries = [...entries.slice(0, position), { from: -1, pledge: { id: `x${fresh++}`, ...edit.pledge } }, ...entries.slice(position)];
    } else if (entries.length > kept) {
      const position = kept + (edit.at % (entries.length - kept));
      const replaced = edit.kind === 'replace' ? [{ from: -1, pledge: { ...edit.pledge, id: (entries[position] as { pledge: ActivationPledge }).pledge.id } }] : [];
      entries = [...entries.slice(0, position), ...replaced, ...entries.slice(position + 1)];
    }
  }
  const oldToNew = new Int32Array(pledges.length).fill(-1);
  const inserted: NetworkSplice['inserted'][number][] = [];
  entries.forEach((entry, position) => {
    if (entry.from >= 0) oldToNew[entry.from] = position;
    else inserted.push({ position, pledge: entry.pledge });
  });
  const next = entries.map((entry) => entry.pledge);
  return { next, splice: { oldToNew, inserted, inputIds: next.map((pledge) => pledge.id) } };
}

describe('spliceNetwork', () => {
  it('equals a fresh compile of the edited pledges, on 1,000 random models and edits', () => {
    let made = 0;
    fc.assert(
      fc.property(fc.boolean(), fc.array(pledgeArbitrary, { maxLength: 12 }), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (named, shapes, edits) => {
        const naming = named ? namingPledges() : [];
        const pledges = [...naming, ...shapes.map((shape, i) => ({ id: `p${i}`, ...shape }))];
        const { next, splice } = applyEdits(pledges, edits, naming.length);
        const spliced = spliceNetwork(compileNetwork(pledges), splice);
        if (!spliced) return;
        made++;
        expect(spliced).toEqual(compileNetwork(next));
        // A splice of a splice: the names it keeps are numbered as a fresh compile's.
        const again = applyEdits(next, edits.slice().reverse(), 0);
        const twice = spliceNetwork(spliced, again.splice);
        if (twice) expect(twice).toEqual(compileNetwork(again.next));
      }),
      { numRuns: 1_000 },
    );
    expect(made).toBeGreaterThan(400);
  });

  it('merges the threshold order of keys watched by 33–80 leaves with equal bounds as a fresh compile sorts it, on 200 models', () => {
    // Many thresholds of few bounds on one capability's keys: larger keys are sorted another way than small ones
    // (compile-watches.ts), and ties must keep node order in both.
    const thresholdPledge = fc.record({
      party: fc.constantFrom(...PARTIES),
      capability: fc.constantFrom(...CAPABILITIES),
      quantity: quantityArbitrary,
      areas: fc.constant(['ua']),
      condition: fc.tuple(fc.constantFrom('total' as const, 'count' as const), fc.integer({ min: 0, max: 3 })).map(([kind, threshold]): Condition => ({ kind, capability: 'air.fighters', op: '>=', threshold, at, capabilityAt: at })),
    });
    let made = 0;
    fc.assert(
      fc.property(fc.array(thresholdPledge, { minLength: 70, maxLength: 160 }), fc.array(editArbitrary, { minLength: 1, maxLength: 4 }), (shapes, edits) => {
        const naming = namingPledges();
        const pledges = [...naming, ...shapes.map((shape, i) => ({ id: `p${i}`, ...shape }))];
        const { next, splice } = applyEdits(pledges, edits, naming.length);
        const spliced = spliceNetwork(compileNetwork(pledges), splice);
        if (!spliced) return;
        made++;
        expect(spliced.thresholds).toEqual(compileNetwork(next).thresholds);
      }),
      { numRuns: 200 },
    );
    expect(made).toBeGreaterThan(100);
  });
});
