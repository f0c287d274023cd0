import { describe, expect, it } from 'vitest';
import { activationPledge as pledge, factMap } from '../../../test/support/model-builders.js';
import { keyOfFeed } from './compile-feeds.js';
import { evaluateNetwork } from './evaluate-activation.js';
import { compileNetwork, KEY_ACTIVE, LEAF_ACTIVE, LEAF_FACT, LEAF_TOTAL, NODE_AND, NODE_OR, type Network } from './compile-network.js';
import { START_AND, START_FACT, START_OR, TRUE_AT_FULL_MAX, TRUE_AT_FULL_MIN, TRUE_AT_NONE } from './initial-leaf-truth.js';

// The two packed encodings the runs read: a start code per node, and one entry per feed (a slot, or an active() key).

const nodesOf = (network: Network, id: string): number[] => {
  const p = network.pledgeIds.indexOf(id);
  const first = p === 0 ? 0 : (network.rootNode[p - 1] as number) + 1;
  return Array.from({ length: (network.rootNode[p] as number) - first + 1 }, (_, i) => first + i);
};

const keysFedBy = (network: Network, id: string): number[] => {
  const p = network.pledgeIds.indexOf(id);
  const keys: number[] = [];
  for (let f = network.feedStart[p] as number; f < (network.feedStart[p + 1] as number); f++) keys.push(keyOfFeed(network.feed[f] as number, network.slotKey));
  return keys;
};

describe('start codes', () => {
  it('say AND, OR, a fact literal, or where an aggregate or constant leaf stands in each kind of run', () => {
    const network = compileNetwork([
      pledge('gb', 'GB', 'true', { quantity: { min: 300, max: 900 } }),
      pledge('de', 'DE', '(ceasefire and not us_backstop) or total(land.personnel) >= 500 or false'),
    ]);
    const nodes = nodesOf(network, 'de');
    const code = (n: number): number => network.startCode[n] as number;
    const and = nodes.find((n) => network.nodeKind[n] === NODE_AND) as number;
    const or = nodes.find((n) => network.nodeKind[n] === NODE_OR) as number;
    expect(code(and)).toBe(START_AND);
    expect(code(or)).toBe(START_OR);
    const facts = nodes.filter((n) => network.leafType[n] === LEAF_FACT);
    expect(facts.map(code)).toEqual([
      START_FACT + 2 * network.factIndex.get('ceasefire')!,
      START_FACT + 2 * network.factIndex.get('us_backstop')! + 1,
    ]);
    // Others have 300 at minimum and 900 at maximum with everyone active, none with no one.
    const threshold = nodes.find((n) => network.leafType[n] === LEAF_TOTAL) as number;
    expect(code(threshold)).toBe(TRUE_AT_FULL_MAX);
    // The constant false leaf is false in every run; GB's `true` is true in every run.
    expect(code(nodes[nodes.length - 2] as number)).toBe(0);
    expect(code(nodesOf(network, 'gb')[0] as number)).toBe(TRUE_AT_FULL_MIN | TRUE_AT_FULL_MAX | TRUE_AT_NONE);
    expect(network.startCode).toBeInstanceOf(Uint16Array);
  });

  it('take four bytes a node when there are too many fact literals for two, and still read the right literal', () => {
    // 40,000 facts: literal codes up to 80,009, past 0xffff. Pledge i needs fact f<i>; the last one also active(P0).
    const count = 40_000;
    const pledges = Array.from({ length: count }, (_, i) => pledge(`p${i}`, `P${i}`, i === count - 1 ? `f${i} and active(P0)` : `f${i}`));
    const network = compileNetwork(pledges);
    expect(network.startCode).toBeInstanceOf(Int32Array);
    const holds = (i: number): boolean => i % 3 !== 0;
    const result = evaluateNetwork(network, factMap(Object.fromEntries(pledges.map((_, i) => [`f${i}`, holds(i)]))));
    const wrong = pledges.slice(0, count - 1).filter((_, i) => (result.sets.certain[i] === 1) !== holds(i));
    expect(wrong).toEqual([]);
    // f39999 fails (39,999 is a multiple of 3), and so does P0's pledge.
    expect(result.sets.certain[count - 1]).toBe(0);
    expect(result.reasons[count - 1]?.length).toBeGreaterThan(0);
  });
});

describe('packed feeds', () => {
  it('name every key a pledge feeds, a slot per (key, party) for total/count keys', () => {
    const network = compileNetwork([
      pledge('fr-1', 'FR', 'true'),
      pledge('fr-2', 'FR', 'true'),
      pledge('de', 'DE', 'active(FR) and total(land.personnel) >= 1 and count(land.personnel) >= 2'),
    ]);
    const activeKey = network.leafRef[nodesOf(network, 'de').find((n) => network.leafType[n] === LEAF_ACTIVE) as number] as number;
    expect(network.keyType[activeKey]).toBe(KEY_ACTIVE);
    // FR's pledges feed active(FR), total and count; DE's feeds total and count.
    expect(keysFedBy(network, 'fr-1').sort()).toEqual([...keysFedBy(network, 'de'), activeKey].sort());
    expect(keysFedBy(network, 'fr-2').sort()).toEqual(keysFedBy(network, 'fr-1').sort());
    const slotsOf = (id: string): number[] => {
      const p = network.pledgeIds.indexOf(id);
      return [...network.feed.subarray(network.feedStart[p], network.feedStart[p + 1])].filter((entry) => entry >= 0);
    };
    // A party's pledges share its slots; another party has its own.
    expect(slotsOf('fr-1')).toEqual(slotsOf('fr-2'));
    expect(slotsOf('de').some((slot) => slotsOf('fr-1').includes(slot))).toBe(false);
    expect(network.slotCount).toBe(4);
    expect(network.slotKey.length).toBe(4);
  });
});
