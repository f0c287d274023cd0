import { describe, expect, it } from 'vitest';
import { activationPledge } from '../../../../test/support/model-builders.js';
import { buildModelFromPledges } from '../../../core/analyses/analysis-model.js';
import { computeUnlockers } from '../../../core/analyses/compute-unlockers.js';
import type { Requirement } from '../../../core/types.js';
import { capabilityName } from '../../i18n/capabilities.data.js';
import { formatNumber, type Language, translate } from '../../i18n/messages.js';
import { describeAllocation, describeDelta, describeFactUnlocker, describePartyUnlocker, describeRisk, type SentenceContext } from './analysis-sentences.js';

// The Analysis page's sentences from the analyses' structured answers, in English and German. With ids for names
// the English ones read exactly as the core's `explanation`.

const requirements: Requirement[] = [
  { id: 'land', capability: 'land.personnel', quantity: 30000, estimate: false, priority: 1, area: 'ua.rear', sources: [] },
  { id: 'air', capability: 'air.fighters', quantity: 10, estimate: false, priority: 2, area: 'ua.airspace', sources: [] },
];
const model = buildModelFromPledges(
  [
    activationPledge('us-1', 'US', 'us_backstop', { quantity: { min: 5000, max: 8000 } }),
    activationPledge('fr-1', 'FR', 'active(US)', { quantity: { min: 7000, max: 7000 } }),
    activationPledge('de-1', 'DE', 'mandate.DE', { capability: 'air.fighters', quantity: { min: 4, max: 6 }, areas: ['ua.airspace'] }),
    activationPledge('gb-1', 'GB', 'true', { quantity: { min: 1000, max: 1000 } }),
    ...['a', 'b', 'c', 'd', 'e'].map((id) => activationPledge(`us-${id}`, 'US', 'us_backstop', { quantity: { min: 1, max: 1 } })),
  ],
  requirements,
  [
    { id: 'mandate.DE', value: false, sources: [] },
    { id: 'us_backstop', value: 'unknown', sources: [] },
    { id: 'ceasefire', value: true, sources: [] },
  ],
);

function contextFor(language: Language, names: 'ids' | 'catalogue'): SentenceContext {
  const byId = new Map(requirements.map((requirement) => [requirement.id, requirement]));
  return {
    t: (key, vars) => translate(language, key, vars),
    n: (value) => formatNumber(language, value),
    capability: names === 'ids' ? (id) => id : (id) => capabilityName(language, id),
    requirementOf: (id) => byId.get(id),
  };
}

describe('analysis sentences', () => {
  const result = computeUnlockers(model);

  it('in English with ids, every unlocker reads as the core’s explanation', () => {
    const context = contextFor('en', 'ids');
    for (const entry of result.facts) expect(describeFactUnlocker(entry, context)).toBe(entry.explanation);
    for (const entry of result.parties) expect(describePartyUnlocker(entry, context)).toBe(entry.explanation);
    expect(result.parties.length).toBe(4);
  });

  it('in German: fact values, changes, cascades and “more” in German, numbers with German separators', () => {
    const context = contextFor('de', 'catalogue');
    const backstop = result.facts.find((entry) => entry.fact === 'us_backstop');
    const us = result.parties.find((entry) => entry.party === 'US');
    const de = result.parties.find((entry) => entry.party === 'DE');
    expect(backstop && describeFactUnlocker(backstop, context)).toBe(
      `us_backstop (unbekannt → wahr): ${capabilityName('de', 'land.personnel')} in ua.rear (+12.005 sicher, Maximum unverändert); aktiviert fr-1, us-1, us-a, us-b … (3 weitere)`,
    );
    expect(us && describePartyUnlocker(us, context)).toBe(
      `ohne US: −0–15.005 ${capabilityName('de', 'land.personnel')} in ua.rear; verliert fr-1, us-1, us-a, us-b … (3 weitere), davon durch Kaskade fr-1`,
    );
    expect(de && describePartyUnlocker(de, context)).toBe('ohne DE: keine Änderung');
  });

  it('describes changes at minimum and maximum as one range or both named', () => {
    const en = contextFor('en', 'ids');
    const de = contextFor('de', 'ids');
    expect(describeDelta(12000, 15000, en)).toBe('+12,000–15,000');
    expect(describeDelta(0, -17498, en)).toBe('−0–17,498');
    expect(describeDelta(3, 3, en)).toBe('+3');
    expect(describeDelta(5, -2, en)).toBe('+5 certain, −2 at most');
    expect(describeDelta(5, -2, de)).toBe('+5 sicher, höchstens −2');
    expect(describeDelta(-4, 0, de)).toBe('−4 sicher, Maximum unverändert');
  });

  it('says a requirement’s P(met), exact or sampled with its interval, in both languages', () => {
    const row = { requirement: 'land', priority: 1, demand: 30000, pMetMin: 0.3, pMetMax: 0.55, ciMin: [0.25, 0.35] as [number, number], ciMax: null, quantilesMin: { p5: 0, p50: 0, p95: 30000 }, distributionMin: [] };
    expect(describeRisk(row, 'monte-carlo', contextFor('en', 'ids'))).toBe('land (30,000 needed): met with probability 30 % at the pledged minimums (95 % interval 25 %–35 %), 55 % at the maximums');
    expect(describeRisk(row, 'exact', contextFor('de', 'ids'))).toBe('land (30.000 benötigt): gedeckt mit Wahrscheinlichkeit 30 % bei den zugesagten Mindestmengen, 55 % bei den Höchstmengen');
    expect(describeRisk({ ...row, demand: null, pMetMin: null, pMetMax: null }, 'exact', contextFor('en', 'ids'))).toBeNull();
  });

  it('the allocation’s shadow-price sentence, in English as the core says it and in German', () => {
    const row = { requirement: 'land', priority: 1, demand: 30000, filled: 17498, shortfall: 12502, shadowPrice: 1, explanation: '' };
    expect(describeAllocation(row, contextFor('en', 'ids'))).toBe('land: 17,498 of 30,000 filled, 12,502 short; one more unit of land.personnel for ua.rear would fill 1 more');
    expect(describeAllocation(row, contextFor('de', 'catalogue'))).toBe(
      `land: 17.498 von 30.000 gedeckt, 12.502 fehlen; eine Einheit ${capabilityName('de', 'land.personnel')} mehr für ua.rear würde 1 mehr decken`,
    );
    expect(describeAllocation({ ...row, filled: 30000, shortfall: 0, shadowPrice: 0 }, contextFor('de', 'ids'))).toBe('land: 30.000 von 30.000 gedeckt, erfüllt');
    expect(describeAllocation({ ...row, requirement: 'gone' }, contextFor('en', 'ids'))).toBe('gone: 17,498 of 30,000 filled, 12,502 short; one more unit that can serve it would fill 1 more');
  });
});
