import { anyAreaCovers } from '../../src/core/areas.js';
import type { Condition } from '../../src/core/conditions/ast.js';
import type { ActivationPledge } from '../../src/core/activation/compile-network.js';
import { evaluateFact } from '../../src/core/activation/fixed-point-state.js';
import type { FactValue } from '../../src/core/types.js';

// A brute-force reference for activation: evaluates every condition from scratch each round, straight from
// the definitions in DESIGN.md §4. Slow and obviously right; the engine is tested against it.

interface Mode {
  optimistic: boolean;
}

function quantity(pledge: ActivationPledge, mode: Mode): number {
  return mode.optimistic ? (pledge.quantity?.max ?? 0) : (pledge.quantity?.min ?? 0);
}

/** Evaluate pledge `self`'s condition against the active set, directly. */
export function evaluateDirectly(
  condition: Condition,
  self: number,
  pledges: readonly ActivationPledge[],
  active: ReadonlySet<number>,
  facts: ReadonlyMap<string, FactValue>,
  mode: Mode,
): boolean {
  const me = pledges[self] as ActivationPledge;
  const others = [...active].filter((i) => i !== self).map((i) => pledges[i] as ActivationPledge);
  const walk = (node: Condition): boolean => {
    switch (node.kind) {
      case 'and':
        return node.items.every(walk);
      case 'or':
        return node.items.some(walk);
      case 'const':
        return node.value;
      case 'fact':
        return evaluateFact(facts.get(node.fact), node.negated, mode.optimistic);
      case 'total': {
        const sum = others
          .filter((q) => q.party !== me.party && q.capability === node.capability)
          .filter((q) => node.area === undefined || anyAreaCovers(q.areas, node.area))
          .reduce((acc, q) => acc + quantity(q, mode), 0);
        return node.op === '>' ? sum > node.threshold : sum >= node.threshold;
      }
      case 'count': {
        const parties = new Set(others.filter((q) => q.party !== me.party && q.capability === node.capability).map((q) => q.party));
        return node.op === '>' ? parties.size > node.threshold : parties.size >= node.threshold;
      }
      case 'active':
        return others.some((q) => q.party === node.party && (node.capability === undefined || q.capability === node.capability));
    }
  };
  return walk(condition);
}

/** The greatest (start from all) or least (start from none) fixed point, by plain iteration. */
export function referenceFixedPoint(
  pledges: readonly ActivationPledge[],
  facts: ReadonlyMap<string, FactValue>,
  mode: Mode & { greatest: boolean },
): Set<number> {
  let current = new Set<number>(mode.greatest ? pledges.map((_, i) => i) : []);
  for (;;) {
    const next = new Set<number>();
    pledges.forEach((pledge, i) => {
      if (evaluateDirectly(pledge.condition, i, pledges, current, facts, mode)) next.add(i);
    });
    if (next.size === current.size && [...next].every((i) => current.has(i))) return current;
    current = next;
  }
}
