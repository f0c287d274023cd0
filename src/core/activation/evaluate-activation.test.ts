import { describe, expect, it } from 'vitest';
import { activationPledge as pledge, factMap } from '../../../test/support/model-builders.js';
import type { ActivationPledge } from './compile-network.js';
import { type DescribedPledge, describePledge } from './describe-reasons.js';
import { type ActivationResult, evaluateActivation, type PledgeActivation } from './evaluate-activation.js';

// Activation on small hand-made models with exact expected results (DESIGN.md §4).

function byId(result: ActivationResult, id: string): PledgeActivation {
  const entry = result.pledges.find((p) => p.id === id);
  if (!entry) throw new Error(`no pledge ${id}`);
  return entry;
}

function states(result: ActivationResult): Record<string, string> {
  return Object.fromEntries(result.pledges.map((p) => [p.id, p.state]));
}

function explain(result: ActivationResult, id: string): string | undefined {
  const lookup = (other: string): DescribedPledge | undefined => result.pledges.find((p) => p.id === other);
  return describePledge(byId(result, id), lookup);
}

const flag = (set: Uint8Array): number[] => [...set];

describe('evaluateActivation: fixed points', () => {
  it('an unconditional pledge is certain and active without coordination', () => {
    const result = evaluateActivation([pledge('fr', 'FR', 'true')], factMap({}));
    expect(byId(result, 'fr')).toEqual({ id: 'fr', state: 'certain', withoutCoordination: true, inAssuranceGap: false, reasons: [], waitsFor: [] });
    expect(result.assuranceGap).toEqual([]);
    expect(result.waitingGroups).toEqual([]);
  });

  it('handles an empty model', () => {
    const result = evaluateActivation([], factMap({}));
    expect(result.pledges).toEqual([]);
    expect(result.assuranceGap).toEqual([]);
    expect(result.waitingGroups).toEqual([]);
  });

  it('mutual dependency FR ↔ GB: in the greatest fixed point, not the least → assurance gap and a waiting group', () => {
    const pledges = [pledge('fr', 'FR', 'active(GB)'), pledge('gb', 'GB', 'active(FR)')];
    const result = evaluateActivation(pledges, factMap({}));
    expect(states(result)).toEqual({ fr: 'certain', gb: 'certain' });
    expect(flag(result.sets.certain)).toEqual([1, 1]);
    expect(flag(result.sets.withoutCoordination)).toEqual([0, 0]);
    for (const id of ['fr', 'gb']) {
      expect(byId(result, id).withoutCoordination).toBe(false);
      expect(byId(result, id).inAssuranceGap).toBe(true);
      expect(byId(result, id).reasons).toEqual([]);
    }
    expect(byId(result, 'fr').waitsFor).toEqual([{ kind: 'waits', party: 'GB', pledges: ['gb'], more: 0 }]);
    expect(byId(result, 'gb').waitsFor).toEqual([{ kind: 'waits', party: 'FR', pledges: ['fr'], more: 0 }]);
    expect(result.assuranceGap).toEqual(['fr', 'gb']);
    expect(result.waitingGroups).toEqual([['fr', 'gb']]);
    expect(explain(result, 'fr')).toBe('fr certain only if the coalition commits together: waits for GB (gb waits for the coalition to move together)');
  });

  it('a pledge that only rides on the mutual pair is in the gap but not in the group', () => {
    const pledges = [pledge('fr', 'FR', 'active(GB)'), pledge('gb', 'GB', 'active(FR)'), pledge('ca', 'CA', 'active(FR) and active(GB)')];
    const result = evaluateActivation(pledges, factMap({}));
    expect(states(result)).toEqual({ fr: 'certain', gb: 'certain', ca: 'certain' });
    expect(result.assuranceGap).toEqual(['fr', 'gb', 'ca']);
    expect(result.waitingGroups).toEqual([['fr', 'gb']]);
  });

  it('mutual dependency that a fact blocks is inactive, not a gap', () => {
    const pledges = [pledge('fr', 'FR', 'ceasefire and active(GB)'), pledge('gb', 'GB', 'active(FR)')];
    const result = evaluateActivation(pledges, factMap({ ceasefire: false }));
    expect(states(result)).toEqual({ fr: 'inactive', gb: 'inactive' });
    expect(result.assuranceGap).toEqual([]);
    expect(result.waitingGroups).toEqual([]);
  });

  it('once one side is unconditional, the pair activates without coordination', () => {
    const pledges = [pledge('fr', 'FR', 'true'), pledge('gb', 'GB', 'active(FR)')];
    const result = evaluateActivation(pledges, factMap({}));
    expect(byId(result, 'gb')).toMatchObject({ state: 'certain', withoutCoordination: true, inAssuranceGap: false });
    expect(result.assuranceGap).toEqual([]);
  });

  it('active() ignores the evaluating pledge itself but counts another pledge of the same party', () => {
    const alone = evaluateActivation([pledge('fr-1', 'FR', 'active(FR)')], factMap({}));
    expect(byId(alone, 'fr-1').state).toBe('inactive');
    expect(byId(alone, 'fr-1').reasons).toEqual([{ kind: 'waits', party: 'FR', pledges: [], more: 0 }]);

    const two = evaluateActivation([pledge('fr-1', 'FR', 'active(FR)'), pledge('fr-2', 'FR', 'true')], factMap({}));
    expect(states(two)).toEqual({ 'fr-1': 'certain', 'fr-2': 'certain' });
  });

  it('active(party, capability) needs an active pledge of that capability', () => {
    const pledges = [pledge('gb', 'GB', 'active(FR, logistics.hub)'), pledge('fr', 'FR', 'true')];
    const result = evaluateActivation(pledges, factMap({}));
    expect(byId(result, 'gb').state).toBe('inactive');
    expect(byId(result, 'gb').reasons).toEqual([{ kind: 'waits', party: 'FR', capability: 'logistics.hub', pledges: [], more: 0 }]);
    expect(explain(result, 'gb')).toBe('gb inactive: waits for FR (logistics.hub) (no pledge from FR)');
  });
});

describe('evaluateActivation: explanations', () => {
  it('a chain: DE waits for FR, which needs us_backstop (false)', () => {
    const pledges = [pledge('de', 'DE', 'active(FR)'), pledge('fr', 'FR', 'us_backstop')];
    const result = evaluateActivation(pledges, factMap({ us_backstop: false }));
    expect(states(result)).toEqual({ de: 'inactive', fr: 'inactive' });
    expect(byId(result, 'fr').reasons).toEqual([{ kind: 'fact', fact: 'us_backstop', negated: false, value: false }]);
    expect(byId(result, 'de').reasons).toEqual([{ kind: 'waits', party: 'FR', pledges: ['fr'], more: 0 }]);
    const text = explain(result, 'de') ?? '';
    expect(text).toContain('waits for FR');
    expect(text).toContain('needs us_backstop (false)');
    expect(text).toBe('de inactive: waits for FR (fr inactive: needs us_backstop (false))');
  });

  it('a negated fact that is true explains with the fact value', () => {
    const result = evaluateActivation([pledge('it', 'IT', 'not violation')], factMap({ violation: true }));
    expect(byId(result, 'it').state).toBe('inactive');
    expect(explain(result, 'it')).toBe('it inactive: needs not violation (violation is true)');
  });

  it('a threshold failure says what was needed and what the others have', () => {
    const pledges = [
      pledge('de', 'DE', 'total(land.personnel) >= 25000'),
      pledge('fr', 'FR', 'true', { quantity: { min: 7000, max: 7000 } }),
      pledge('gb', 'GB', 'true', { quantity: { min: 5000, max: 5000 } }),
      // DE's own other pledge must not count towards DE's total.
      pledge('de-2', 'DE', 'true', { quantity: { min: 10000, max: 10000 } }),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(byId(result, 'de').state).toBe('inactive');
    expect(byId(result, 'de').reasons).toEqual([
      { kind: 'threshold', aggregate: 'total', capability: 'land.personnel', op: '>=', threshold: 25000, value: 12000 },
    ]);
    expect(explain(result, 'de')).toBe('de inactive: needs total(land.personnel) >= 25000, others have 12000');
  });

  it('a threshold with an area names the area and only counts pledges allowed there', () => {
    const pledges = [
      pledge('de', 'DE', 'total(land.personnel, area=ua.rear) >= 3000'),
      pledge('fr', 'FR', 'true', { quantity: { min: 2000, max: 2000 }, areas: ['ua'] }),
      pledge('it', 'IT', 'true', { quantity: { min: 5000, max: 5000 }, areas: ['outside_ua'] }),
      pledge('pl', 'PL', 'true', { quantity: { min: 500, max: 500 }, areas: ['ua.front'] }),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(byId(result, 'de').state).toBe('inactive');
    expect(explain(result, 'de')).toBe('de inactive: needs total(land.personnel, area=ua.rear) >= 3000, others have 2000');

    const withAny = evaluateActivation([...pledges, pledge('gb', 'GB', 'true', { quantity: { min: 1000, max: 1000 }, areas: ['any'] })], factMap({}));
    expect(byId(withAny, 'de').state).toBe('certain');
  });

  it('> is strict and >= is not', () => {
    const pledges = [
      pledge('a', 'DE', 'total(land.personnel) >= 1000'),
      pledge('b', 'IT', 'total(land.personnel) > 1000'),
      pledge('fr', 'FR', 'true'),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    // b sees FR (1000) and a (1000) once a is active: 2000 > 1000.
    expect(states(result)).toEqual({ a: 'certain', b: 'certain', fr: 'certain' });
    const strictAlone = evaluateActivation([pledge('b', 'IT', 'total(land.personnel) > 1000'), pledge('fr', 'FR', 'true')], factMap({}));
    expect(byId(strictAlone, 'b').state).toBe('inactive');
    expect(explain(strictAlone, 'b')).toBe('b inactive: needs total(land.personnel) > 1000, others have 1000');
  });

  it('own-party pledges are excluded from count()', () => {
    const pledges = [
      pledge('de', 'DE', 'count(land.personnel) >= 3'),
      pledge('de-2', 'DE', 'true'),
      pledge('fr', 'FR', 'true'),
      pledge('gb', 'GB', 'true'),
      pledge('gb-2', 'GB', 'true'),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(byId(result, 'de').state).toBe('inactive');
    expect(byId(result, 'de').reasons).toEqual([
      { kind: 'threshold', aggregate: 'count', capability: 'land.personnel', op: '>=', threshold: 3, value: 2 },
    ]);
    expect(explain(result, 'de')).toBe('de inactive: needs count(land.personnel) >= 3, 2 other parties have one');

    const oneMore = evaluateActivation([...pledges, pledge('pl', 'PL', 'true')], factMap({}));
    expect(byId(oneMore, 'de').state).toBe('certain');
  });

  it('an unknown fact makes a pledge possible, explained with "(unknown)"', () => {
    const result = evaluateActivation([pledge('fr', 'FR', 'ceasefire and us_backstop')], factMap({ ceasefire: true, us_backstop: 'unknown' }));
    expect(byId(result, 'fr').state).toBe('possible');
    expect(byId(result, 'fr').reasons).toEqual([{ kind: 'fact', fact: 'us_backstop', negated: false, value: 'unknown' }]);
    expect(explain(result, 'fr')).toBe('fr possible: needs us_backstop (unknown)');
  });

  it('a fact missing from the scenario counts as unknown', () => {
    const result = evaluateActivation([pledge('fr', 'FR', 'un_mandate')], factMap({}));
    expect(byId(result, 'fr').state).toBe('possible');
    expect(explain(result, 'fr')).toBe('fr possible: needs un_mandate (unknown)');
  });

  it('a negated unknown fact is false pessimistically and true optimistically', () => {
    const result = evaluateActivation([pledge('it', 'IT', 'not violation')], factMap({ violation: 'unknown' }));
    expect(byId(result, 'it').state).toBe('possible');
    expect(explain(result, 'it')).toBe('it possible: needs not violation (violation is unknown)');
  });

  it('quantity ranges: pessimistic uses the minimum, optimistic the maximum', () => {
    const pledges = [
      pledge('de', 'DE', 'total(land.personnel) >= 20'),
      pledge('fr', 'FR', 'true', { quantity: { min: 10, max: 30 } }),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(byId(result, 'de').state).toBe('possible');
    expect(explain(result, 'de')).toBe('de possible: needs total(land.personnel) >= 20, others have 10');

    const metAtMin = evaluateActivation([pledge('de', 'DE', 'total(land.personnel) >= 10'), pledges[1] as ActivationPledge], factMap({}));
    expect(byId(metAtMin, 'de').state).toBe('certain');

    const notEvenAtMax = evaluateActivation([pledge('de', 'DE', 'total(land.personnel) >= 31'), pledges[1] as ActivationPledge], factMap({}));
    expect(byId(notEvenAtMax, 'de').state).toBe('inactive');
    expect(explain(notEvenAtMax, 'de')).toBe('de inactive: needs total(land.personnel) >= 31, others have 10');
  });

  it('a pledge without a figure counts for count() and active() but adds nothing to total()', () => {
    const pledges = [
      pledge('de', 'DE', 'total(land.personnel) >= 1'),
      pledge('it', 'IT', 'count(land.personnel) >= 1'),
      pledge('fr', 'FR', 'true', { quantity: null }),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(states(result)).toEqual({ de: 'certain', it: 'certain', fr: 'certain' });
    // de needs IT's figure: IT has 1000 once IT is active (count of FR ≥ 1).
    const withoutIt = evaluateActivation([pledges[0] as ActivationPledge, pledges[2] as ActivationPledge], factMap({}));
    expect(byId(withoutIt, 'de').state).toBe('inactive');
  });

  it('an or explains every failing option', () => {
    const result = evaluateActivation([pledge('it', 'IT', 'ceasefire or active(US)')], factMap({ ceasefire: false }));
    expect(byId(result, 'it').reasons).toEqual([
      {
        kind: 'any_of',
        options: [[{ kind: 'fact', fact: 'ceasefire', negated: false, value: false }], [{ kind: 'waits', party: 'US', pledges: [], more: 0 }]],
      },
    ]);
    expect(explain(result, 'it')).toBe('it inactive: needs one of: [needs ceasefire (false)] or [waits for US (no pledge from US)]');
  });

  it('"false" explains as a false condition; "and" lists every failing part', () => {
    const result = evaluateActivation([pledge('a', 'FR', 'false'), pledge('b', 'GB', 'ceasefire and violation')], factMap({ ceasefire: false, violation: false }));
    expect(explain(result, 'a')).toBe('a inactive: condition is false');
    expect(explain(result, 'b')).toBe('b inactive: needs ceasefire (false); needs violation (false)');
  });

  it('describePledge returns undefined for a plainly certain pledge', () => {
    const result = evaluateActivation([pledge('fr', 'FR', 'true')], factMap({}));
    expect(explain(result, 'fr')).toBeUndefined();
  });
});

describe('evaluateActivation: waiting groups', () => {
  it('finds two separate groups and names them sorted', () => {
    const pledges = [
      pledge('gb', 'GB', 'active(FR)'),
      pledge('fr', 'FR', 'active(GB)'),
      pledge('pl', 'PL', 'active(EE)', { capability: 'air.fighters' }),
      pledge('ee', 'EE', 'active(PL)', { capability: 'air.fighters' }),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(result.assuranceGap).toEqual(['gb', 'fr', 'pl', 'ee']);
    expect(result.waitingGroups).toEqual([
      ['ee', 'pl'],
      ['fr', 'gb'],
    ]);
  });

  it('a group formed by thresholds: each needs the other party’s total', () => {
    const pledges = [
      pledge('fr', 'FR', 'total(land.personnel) >= 1000'),
      pledge('gb', 'GB', 'total(land.personnel) >= 1000'),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(states(result)).toEqual({ fr: 'certain', gb: 'certain' });
    expect(result.assuranceGap).toEqual(['fr', 'gb']);
    expect(result.waitingGroups).toEqual([['fr', 'gb']]);
    expect(byId(result, 'fr').waitsFor).toEqual([
      { kind: 'threshold', aggregate: 'total', capability: 'land.personnel', op: '>=', threshold: 1000, value: 0 },
    ]);
  });
});
