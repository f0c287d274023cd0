import { describe, expect, it } from 'vitest';
import { activationPledge as pledge, factMap } from '../../../test/support/model-builders.js';
import { evaluateActivation } from './evaluate-activation.js';

// Waiting groups follow only the leaves that make a gap pledge wait, not those of an "or" that holds anyway.

describe('waiting groups', () => {
  it('a failing branch of an "or" that holds adds no wait', () => {
    const pledges = [
      pledge('fr', 'FR', '(active(CA) or ceasefire) and active(GB)'),
      pledge('gb', 'GB', 'active(FR)'),
      pledge('ca', 'CA', 'active(FR)'),
    ];
    const result = evaluateActivation(pledges, factMap({ ceasefire: true }));
    expect(result.assuranceGap).toEqual(['fr', 'gb', 'ca']);
    expect(result.waitingGroups).toEqual([['fr', 'gb']]);
  });

  it('"all other parties" of a threshold links every other contributor, not the own party', () => {
    const pledges = [
      pledge('fr', 'FR', 'total(land.personnel) >= 2000'),
      pledge('fr-2', 'FR', 'total(land.personnel) >= 2000'),
      pledge('gb', 'GB', 'total(land.personnel) >= 2000'),
      pledge('de', 'DE', 'total(land.personnel) >= 2000'),
      pledge('pl', 'PL', 'active(DE)', { capability: 'air.fighters' }),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(result.assuranceGap).toEqual(['fr', 'fr-2', 'gb', 'de', 'pl']);
    expect(result.waitingGroups).toEqual([['de', 'fr', 'fr-2', 'gb']]);
  });

  it('lists each group in id order and the groups by their first ids, whatever the input order', () => {
    const pledges = [
      pledge('z-2', 'ZA', 'active(ZB)'),
      pledge('b-10', 'BA', 'active(BB)'),
      pledge('z-1', 'ZB', 'active(ZA)'),
      pledge('b-9', 'BB', 'active(BA)'),
      pledge('B-1', 'BC', 'active(BA)'),
    ];
    const result = evaluateActivation(pledges, factMap({}));
    expect(result.waitingGroups).toEqual([
      ['b-10', 'b-9'],
      ['z-1', 'z-2'],
    ]);
  });
});
