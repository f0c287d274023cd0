import { describe, expect, it } from 'vitest';
import { activationPledge } from '../../../test/support/model-builders.js';
import { buildModelFromPledges } from './analysis-model.js';
import { computeUnlockers } from './compute-unlockers.js';

// Unlockers on a hand-made model: ranking by the highest priority first, the sentences, the cascade.

describe('computeUnlockers', () => {
  const model = buildModelFromPledges(
    [
      activationPledge('us-1', 'US', 'us_backstop', { quantity: { min: 5000, max: 8000 } }),
      activationPledge('fr-1', 'FR', 'active(US)', { quantity: { min: 7000, max: 7000 } }),
      activationPledge('de-1', 'DE', 'mandate.DE', { capability: 'air.fighters', quantity: { min: 4, max: 6 }, areas: ['ua.airspace'] }),
      activationPledge('gb-1', 'GB', 'true', { quantity: { min: 1000, max: 1000 } }),
    ],
    [
      { id: 'land', capability: 'land.personnel', quantity: 30000, estimate: false, priority: 1, area: 'ua.rear', sources: [] },
      { id: 'air', capability: 'air.fighters', quantity: 10, estimate: false, priority: 2, area: 'ua.airspace', sources: [] },
    ],
    [
      { id: 'mandate.DE', value: false, sources: [] },
      { id: 'us_backstop', value: 'unknown', sources: [] },
      { id: 'ceasefire', value: true, sources: [] },
    ],
  );

  it('ranks facts by gains on priority 1 first, and says what each activates', () => {
    const { facts } = computeUnlockers(model);
    expect(facts.map((f) => f.fact)).toEqual(['us_backstop', 'mandate.DE']);
    expect(facts[0]).toMatchObject({
      fact: 'us_backstop',
      from: 'unknown',
      pledgesImproved: ['fr-1', 'us-1'],
      coverage: [{ requirement: 'land', supplyMinDelta: 12000, supplyMaxDelta: 0 }],
      capabilities: [{ capability: 'land.personnel', supplyMinDelta: 12000, supplyMaxDelta: 0 }],
      explanation: 'us_backstop (unknown → true): land.personnel in ua.rear (+12,000 certain, maximum unchanged); activates fr-1, us-1',
    });
    expect(facts[1]?.explanation).toBe('mandate.DE (false → true): +4–6 air.fighters in ua.airspace; activates de-1');
  });

  it('ranks parties by what their absence costs, the cascade included', () => {
    const { parties } = computeUnlockers(model);
    expect(parties.map((p) => p.party)).toEqual(['US', 'FR', 'GB', 'DE']);
    expect(parties[0]).toMatchObject({ party: 'US', pledgesLost: ['fr-1', 'us-1'], cascade: ['fr-1'], coverage: [{ requirement: 'land', supplyMinDelta: 0, supplyMaxDelta: -15000 }] });
    expect(parties[0]?.explanation).toBe('without US: −0–15,000 land.personnel in ua.rear; loses fr-1, us-1, by cascade fr-1');
    expect(parties[3]).toMatchObject({ party: 'DE', pledgesLost: [], explanation: 'without DE: no change' });
  });
});
