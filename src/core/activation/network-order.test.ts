import { describe, expect, it } from 'vitest';
import { activationPledge as pledge, factMap } from '../../../test/support/model-builders.js';
import { compileNetwork, LEAF_ACTIVE, LEAF_TOTAL } from './compile-network.js';
import { evaluateActivation } from './evaluate-activation.js';

// The network numbers pledges grouped by party; everything an evaluation returns stays in input order.

describe('network order', () => {
  const interleaved = [
    pledge('a1', 'A', 'total(land.personnel) >= 5'),
    pledge('b1', 'B', 'active(A) and ceasefire'),
    pledge('a2', 'A', 'active(A) or total(land.personnel) >= 7'),
    pledge('c1', 'C', 'us_backstop'),
    pledge('b2', 'B', 'count(land.personnel) > 1'),
  ];

  it('groups the pledges by party, keeping input order within a party, and keeps the way back', () => {
    const network = compileNetwork(interleaved);
    expect(network.pledgeIds).toEqual(['a1', 'a2', 'b1', 'b2', 'c1']);
    expect([...(network.inputIndex ?? [])]).toEqual([0, 2, 1, 4, 3]);
    expect(network.inputIds).toEqual(['a1', 'b1', 'a2', 'c1', 'b2']);
  });

  it('moves each pledge with its nodes: roots, active() leaves and thresholds point at the new numbers', () => {
    const network = compileNetwork(interleaved);
    for (let p = 0; p < network.pledgeIds.length; p++) {
      const root = network.rootNode[p] as number;
      expect(network.nodeParent[root]).toBe(-1 - p);
      const first = p === 0 ? 0 : (network.rootNode[p - 1] as number) + 1;
      for (let n = first; n < root; n++) expect((network.nodeParent[n] as number) >> 1).toBeGreaterThan(n);
    }
    // a2 (now pledge 1): its active(A) leaf names it, with the bit saying that a2 itself feeds active(A).
    const a2Leaves = [(network.rootNode[0] as number) + 1, (network.rootNode[0] as number) + 2];
    const activeLeaf = a2Leaves.find((n) => network.leafType[n] === LEAF_ACTIVE) as number;
    expect(network.leafAux[activeLeaf]).toBe(2 * 1 + 1);
    // Thresholds are numbered in node order: a1's bound 5, then a2's 7, then b2's 1.
    const bounds: number[] = [];
    for (let n = 0; n < network.nodeKind.length; n++) {
      if ((network.leafType[n] as number) >= LEAF_TOTAL && network.leafType[n] !== LEAF_ACTIVE) bounds.push(network.thresholdBound[network.leafAux[n] as number] as number);
    }
    expect(bounds).toEqual([5, 7, 1]);
  });

  it('leaves an input already grouped by party as it is', () => {
    const network = compileNetwork([pledge('a1', 'A', 'true'), pledge('a2', 'A', 'true'), pledge('b1', 'B', 'active(A)')]);
    expect(network.inputIndex).toBeUndefined();
    expect(network.inputIds).toBe(network.pledgeIds);
  });

  it('returns states, sets, reasons and the gap in input order', () => {
    const result = evaluateActivation(interleaved, factMap({ ceasefire: true, us_backstop: 'unknown' }));
    expect(result.pledgeIds).toEqual(['a1', 'b1', 'a2', 'c1', 'b2']);
    expect(result.pledges.map((p) => [p.id, p.state])).toEqual([
      ['a1', 'certain'],
      ['b1', 'certain'],
      ['a2', 'certain'],
      ['c1', 'possible'],
      ['b2', 'possible'],
    ]);
    expect([...result.sets.possible]).toEqual([1, 1, 1, 1, 1]);
    expect([...result.sets.certain]).toEqual([1, 1, 1, 0, 0]);
    expect(result.reasons[3]).toEqual([{ kind: 'fact', fact: 'us_backstop', negated: false, value: 'unknown' }]);
    // b2 counts the other parties with a pledge: A, and C only if us_backstop holds.
    expect(result.reasons[4]).toEqual([{ kind: 'threshold', aggregate: 'count', capability: 'land.personnel', op: '>', threshold: 1, value: 1 }]);
    expect(result.assuranceGap).toEqual(result.pledgeIds.filter((_, i) => result.sets.certain[i] === 1 && result.sets.withoutCoordination[i] === 0));
  });

  it('lists the assurance gap in input order, and waiting groups in id order', () => {
    const result = evaluateActivation(
      [pledge('x1', 'X', 'active(Y)'), pledge('y1', 'Y', 'active(X)'), pledge('x0', 'X', 'active(Y)')],
      factMap({}),
    );
    expect(result.assuranceGap).toEqual(['x1', 'y1', 'x0']);
    expect(result.waitingGroups).toEqual([['x0', 'x1', 'y1']]);
    expect(result.waitsFor[2]).toEqual([{ kind: 'waits', party: 'Y', pledges: ['y1'], more: 0 }]);
  });
});
