import { anyAreaCovers } from '../../src/core/areas.js';
import type { Condition } from '../../src/core/conditions/ast.js';
import type { ActivationPledge } from '../../src/core/activation/compile-network.js';
import type { FactValue } from '../../src/core/types.js';
import { evaluateDirectly, referenceFixedPoint } from './reference-activation.js';

// A brute-force reference for the waiting groups (DESIGN.md §4), straight from the definition: the assurance gap
// (certain, but not active without coordination), an explicit "waits for" edge from p to every gap pledge q that a
// leaf failing in p's condition at the pessimistic least fixed point would count (every ancestor of the leaf fails
// too, so no "or" above it holds), and the groups as sets of two or more pledges that reach each other.

const PESSIMISTIC = { optimistic: false };

/** The waiting groups of a model: ids in code-unit order within a group, groups by their first ids. */
export function referenceWaitingGroups(pledges: readonly ActivationPledge[], facts: ReadonlyMap<string, FactValue>): string[][] {
  const certain = referenceFixedPoint(pledges, facts, { ...PESSIMISTIC, greatest: true });
  const least = referenceFixedPoint(pledges, facts, { ...PESSIMISTIC, greatest: false });
  const gap = [...certain].filter((i) => !least.has(i)).sort((a, b) => a - b);
  const holds = (node: Condition, self: number): boolean => evaluateDirectly(node, self, pledges, least, facts, PESSIMISTIC);
  const waitsFor = new Map<number, number[]>();
  for (const p of gap) {
    const leaves = countingLeaves((pledges[p] as ActivationPledge).condition, (node) => holds(node, p));
    waitsFor.set(
      p,
      gap.filter((q) => leaves.some((leaf) => wouldCount(leaf, pledges[p] as ActivationPledge, p, pledges[q] as ActivationPledge, q))),
    );
  }
  const reach = new Map(gap.map((p) => [p, reachable(p, waitsFor)]));
  const groups: string[][] = [];
  const placed = new Set<number>();
  for (const p of gap) {
    if (placed.has(p)) continue;
    const group = gap.filter((q) => q === p || ((reach.get(p) as Set<number>).has(q) && (reach.get(q) as Set<number>).has(p)));
    for (const q of group) placed.add(q);
    if (group.length < 2) continue;
    const ids = group.map((q) => (pledges[q] as ActivationPledge).id);
    groups.push(ids.sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
  }
  return groups.sort((a, b) => (a[0] as string).localeCompare(b[0] as string));
}

// The aggregate leaves that fail with every ancestor failing: below a failing "and", its failing children; below a
// failing "or", all of them.
function countingLeaves(condition: Condition, holds: (node: Condition) => boolean): Condition[] {
  const found: Condition[] = [];
  const walk = (node: Condition): void => {
    if (holds(node)) return;
    if (node.kind === 'and' || node.kind === 'or') node.items.forEach(walk);
    else if (node.kind === 'total' || node.kind === 'count' || node.kind === 'active') found.push(node);
  };
  walk(condition);
  return found;
}

// Whether q's activation would add to leaf of pledge p: a total/count of q's capability (and area) from another
// party, or an active() of q's party (and capability) other than p itself.
function wouldCount(leaf: Condition, p: ActivationPledge, pIndex: number, q: ActivationPledge, qIndex: number): boolean {
  switch (leaf.kind) {
    case 'total':
      return q.party !== p.party && q.capability === leaf.capability && (leaf.area === undefined || anyAreaCovers(q.areas, leaf.area));
    case 'count':
      return q.party !== p.party && q.capability === leaf.capability;
    case 'active':
      return qIndex !== pIndex && q.party === leaf.party && (leaf.capability === undefined || q.capability === leaf.capability);
    default:
      return false;
  }
}

function reachable(from: number, edges: ReadonlyMap<number, readonly number[]>): Set<number> {
  const seen = new Set<number>();
  const stack = [...(edges.get(from) ?? [])];
  while (stack.length > 0) {
    const next = stack.pop() as number;
    if (seen.has(next)) continue;
    seen.add(next);
    stack.push(...(edges.get(next) ?? []));
  }
  return seen;
}
