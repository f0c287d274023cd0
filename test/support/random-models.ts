import fc from 'fast-check';
import type { ActivationPledge } from '../../src/core/activation/compile-network.js';
import type { Condition } from '../../src/core/conditions/ast.js';
import type { FactValue } from '../../src/core/types.js';

// fast-check generators for small random models: few parties, capabilities, areas and facts, so that
// conditions actually interact.

export const PARTIES = ['A', 'B', 'C', 'D'];
export const CAPABILITIES = ['land.personnel', 'air.fighters'];
export const AREAS = ['any', 'ua', 'ua.rear', 'ua.front', 'outside_ua'];
export const FACTS = ['ceasefire', 'us_backstop', 'mandate.DE'];

const at = 0;

export const conditionArbitrary: fc.Arbitrary<Condition> = fc.letrec<{ node: Condition; leaf: Condition }>((tie) => ({
  leaf: fc.oneof(
    fc.boolean().map((value): Condition => ({ kind: 'const', value })),
    fc.record({ fact: fc.constantFrom(...FACTS), negated: fc.boolean() }).map((f): Condition => ({ kind: 'fact', ...f, at })),
    fc
      .record({
        capability: fc.constantFrom(...CAPABILITIES),
        area: fc.option(fc.constantFrom(...AREAS), { nil: undefined }),
        op: fc.constantFrom('>=' as const, '>' as const),
        threshold: fc.integer({ min: 0, max: 12 }),
      })
      .map((t): Condition => {
        const node: Condition = { kind: 'total', capability: t.capability, op: t.op, threshold: t.threshold, at, capabilityAt: at };
        if (t.area !== undefined) {
          node.area = t.area;
          node.areaAt = at;
        }
        return node;
      }),
    fc
      .record({ capability: fc.constantFrom(...CAPABILITIES), op: fc.constantFrom('>=' as const, '>' as const), threshold: fc.integer({ min: 0, max: 4 }) })
      .map((c): Condition => ({ kind: 'count', ...c, at, capabilityAt: at })),
    fc
      .record({ party: fc.constantFrom(...PARTIES), capability: fc.option(fc.constantFrom(...CAPABILITIES), { nil: undefined }) })
      .map((a): Condition => {
        const node: Condition = { kind: 'active', party: a.party, at, partyAt: at };
        if (a.capability !== undefined) {
          node.capability = a.capability;
          node.capabilityAt = at;
        }
        return node;
      }),
  ),
  node: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tie('leaf'),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items): Condition => ({ kind: 'and', items: flat('and', items) })),
    fc.array(tie('node'), { minLength: 2, maxLength: 3 }).map((items): Condition => ({ kind: 'or', items: flat('or', items) })),
  ),
})).node;

function flat(kind: 'and' | 'or', items: Condition[]): Condition[] {
  return items.flatMap((item) => (item.kind === kind ? item.items : [item]));
}

export const quantityArbitrary = fc.oneof(
  fc.constant(null),
  fc.tuple(fc.integer({ min: 0, max: 6 }), fc.integer({ min: 0, max: 4 })).map(([min, extra]) => ({ min, max: min + extra })),
);

export const pledgesArbitrary: fc.Arbitrary<ActivationPledge[]> = fc
  .array(
    fc.record({
      party: fc.constantFrom(...PARTIES),
      capability: fc.constantFrom(...CAPABILITIES),
      quantity: quantityArbitrary,
      areas: fc.uniqueArray(fc.constantFrom(...AREAS), { minLength: 1, maxLength: 2 }),
      condition: conditionArbitrary,
    }),
    { maxLength: 9 },
  )
  .map((pledges) => pledges.map((pledge, i) => ({ id: `p${i}`, ...pledge })));

export const factsArbitrary: fc.Arbitrary<Map<string, FactValue>> = fc
  .tuple(...FACTS.map(() => fc.constantFrom<FactValue>(true, false, 'unknown')))
  .map((values) => new Map(FACTS.map((fact, i) => [fact, values[i] as FactValue])));
