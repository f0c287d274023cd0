import { describe, expect, it } from 'vitest';
import { activationPledge as pledge } from '../../../test/support/model-builders.js';
import { type ActivationPledge, compileNetwork, LEAF_ACTIVE, LEAF_TOTAL, type Network } from './compile-network.js';
import { tabulateFactLiterals } from './fixed-point-state.js';
import { IntList } from './int-list.js';
import { COUNTS, createFailureRecords, FAILS, recordFailures } from './record-failures.js';
import { runFixedPoint } from './run-fixed-point.js';

// What an evaluation records about a failing condition: which nodes fail, the values failing thresholds saw, and
// which failing leaves make a pledge wait (none under an OR that holds).

function recordAt(pledges: ActivationPledge[], id: string, greatest: boolean, facts: Record<string, boolean>) {
  const network = compileNetwork(pledges);
  const factValues = network.factIds.map((fact) => facts[fact]);
  const state = runFixedPoint(network, factValues, { optimistic: false, greatest });
  const factHolds = tabulateFactLiterals(factValues, false);
  const records = createFailureRecords(network);
  const failing = new IntList();
  const p = network.pledgeIds.indexOf(id);
  recordFailures(network, state, factHolds, records, p, failing);
  const first = p === 0 ? 0 : (network.rootNode[p - 1] as number) + 1;
  const nodes = Array.from({ length: (network.rootNode[p] as number) - first + 1 }, (_, i) => first + i);
  return { network, records, failing: [...failing.view()], nodes };
}

const leavesOf = (network: Network, nodes: number[], type: number): number[] => nodes.filter((n) => network.leafType[n] === type);

describe('recordFailures', () => {
  it('marks failing nodes and records what a failing threshold saw', () => {
    const pledges = [
      pledge('gb', 'GB', 'true', { quantity: { min: 300, max: 300 } }),
      pledge('de', 'DE', 'ceasefire and total(land.personnel) >= 1000'),
    ];
    const { network, records, failing, nodes } = recordAt(pledges, 'de', true, { ceasefire: true });
    const [threshold] = leavesOf(network, nodes, LEAF_TOTAL);
    const root = nodes[nodes.length - 1] as number;
    expect(records.nodeFlags[root]! & FAILS).toBe(FAILS);
    expect(records.nodeFlags[threshold as number]! & FAILS).toBe(FAILS);
    expect(records.thresholdValue[network.leafAux[threshold as number] as number]).toBe(300);
    // The fact holds: it is not marked.
    const fact = nodes.find((n) => network.leafType[n] !== LEAF_TOTAL && n !== root) as number;
    expect(records.nodeFlags[fact]).toBe(0);
    expect(failing).toEqual([threshold]);
  });

  it('a failing leaf under an OR that holds does not make the pledge wait', () => {
    const pledges = [
      pledge('fr', 'FR', 'active(GB) and (ceasefire or active(IT))'),
      pledge('gb', 'GB', 'active(FR)'),
      pledge('it', 'IT', 'false'),
    ];
    // At the least fixed point nothing is active; ceasefire holds, so active(IT) fails under an OR that holds.
    const { network, records, failing, nodes } = recordAt(pledges, 'fr', false, { ceasefire: true });
    const [waitsForGb, waitsForIt] = leavesOf(network, nodes, LEAF_ACTIVE) as [number, number];
    expect(records.nodeFlags[waitsForGb]! & (FAILS | COUNTS)).toBe(FAILS | COUNTS);
    expect(records.nodeFlags[waitsForIt]! & (FAILS | COUNTS)).toBe(FAILS);
    expect(failing).toEqual([waitsForGb]);
  });

  it('a failing OR counts all its failing leaves, in node order', () => {
    const pledges = [pledge('fr', 'FR', 'active(GB) or active(IT)'), pledge('gb', 'GB', 'active(FR)'), pledge('it', 'IT', 'active(FR)')];
    const { network, failing, nodes } = recordAt(pledges, 'fr', false, {});
    expect(failing).toEqual(leavesOf(network, nodes, LEAF_ACTIVE));
  });

  it('records nothing to wait for when the condition holds', () => {
    const { failing, records, nodes } = recordAt([pledge('fr', 'FR', 'ceasefire or false')], 'fr', false, { ceasefire: true });
    expect(failing).toEqual([]);
    expect(records.nodeFlags[nodes[nodes.length - 1] as number]).toBe(0);
  });
});
