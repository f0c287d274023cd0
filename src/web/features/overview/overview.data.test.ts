import { describe, expect, it } from 'vitest';
import type { FactValue } from '../../../core/types.js';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { createExplainer, wordsFor } from '../../i18n/explanations.data.js';
import { preparedSmallDataset, smallDataset } from '../../test-support/small-dataset.js';
import { buildAnswer, buildCoverageBars, buildFactSwitches, buildHeadline, buildPackageSeries, derivedValues, explainedPledges, scenarioFacts } from './overview.data.js';

const dataset = preparedSmallDataset();

describe('overview data', () => {
  it('sends only the facts switched away from their recorded value', () => {
    const overrides = new Map<string, FactValue>([
      ['ceasefire', true],
      ['us_backstop', 'unknown'],
    ]);
    expect(scenarioFacts(dataset.facts, overrides)).toEqual([{ id: 'ceasefire', value: true }]);
    const switches = buildFactSwitches(dataset.facts, overrides);
    expect(switches.map((entry) => [entry.id, entry.value, entry.overridden])).toEqual([
      ['ceasefire', true, true],
      ['us_backstop', 'unknown', false],
    ]);
  });

  it('takes a derived fact at its derived value and sends every switch of it, even one equal to the stored value', () => {
    const facts = dataset.facts.map((fact) =>
      fact.id === 'ceasefire' ? { ...fact, value: false as FactValue, derivation: { kind: 'verified_incident' as const, kinds: ['drone' as const] } } : fact,
    );
    const derived = derivedValues([{ id: 'ceasefire', value: true, derived: { kind: 'verified_incident', since: '2026-02-10', basis: [] } }]);
    const unswitched = buildFactSwitches(facts, new Map(), derived).find((entry) => entry.id === 'ceasefire');
    expect(unswitched).toMatchObject({ recorded: true, value: true, overridden: false });
    expect(scenarioFacts(facts, new Map())).toEqual([]);

    const off = new Map<string, FactValue>([['ceasefire', false]]);
    expect(buildFactSwitches(facts, off, derived).find((entry) => entry.id === 'ceasefire')).toMatchObject({ recorded: true, value: false, overridden: true });
    // The server would derive true: the switch to the stored value false must reach it.
    expect(scenarioFacts(facts, off)).toEqual([{ id: 'ceasefire', value: false }]);
  });

  it('draws the certain–possible range against the demand line', () => {
    const result = evaluateScenario(dataset, { facts: new Map([['ceasefire', true]]) });
    const bars = buildCoverageBars(result.coverage, smallDataset().requirements);
    const land = bars.find((bar) => bar.requirement === 'req-land');
    // FR and GB wait on each other but are certain together (5,000 at minimum); DE needs the unknown US backstop.
    expect(land).toMatchObject({ title: 'Reassurance force', demand: 10000, min: 5000, max: 9000, certainPct: 50, possiblePct: 40, demandPct: 100, coveredMin: 50, coveredMax: 90 });
    expect(land?.pledges).toBe(3); // de-1, fr-1, gb-1
    const air = bars.find((bar) => bar.requirement === 'req-air');
    expect(air).toMatchObject({ demand: null, demandPct: null, unquantified: 1 });
  });

  it('counts the headline figures instead of typing them', () => {
    const without = buildHeadline(evaluateScenario(dataset), dataset.parties);
    expect(without).toMatchObject({ members: 3, pledging: 3, certain: 1, estimated: 1, metAtBest: 0 });
    const withCeasefire = buildHeadline(evaluateScenario(dataset, { facts: new Map([['ceasefire', true], ['us_backstop', true]]) }), dataset.parties);
    expect(withCeasefire).toMatchObject({ certain: 4, possible: 0, inactive: 0, contributingParties: 3, metAtBest: 0 });
  });

  it('lists the explanations, inactive first, and the package series', () => {
    const result = evaluateScenario(dataset);
    const explained = explainedPledges(result, createExplainer(result.pledges, wordsFor('en')));
    expect(explained[0]?.state).toBe('inactive');
    expect(explained.every((entry) => entry.explanation.length > 0)).toBe(true);
    expect(explained.every((entry) => entry.state !== 'certain')).toBe(true);
  });

  it('never adds requirements of different units in the package chart', () => {
    const result = evaluateScenario(dataset, { facts: new Map([['ceasefire', true]]) });
    const units: Record<string, string> = { 'land.personnel': 'persons', 'air.fighters': 'platforms' };
    const series = buildPackageSeries(result.coverage, (capability) => units[capability] ?? '?', (pkg, unit) => `${pkg} (${unit})`);
    expect(series.titles).toEqual(['day-after (persons)', 'day-after (platforms)']);
    expect(series.certain).toEqual([5000, 0]);
    // The fighters have no estimate: no demand marker rather than a demand of 0.
    expect(series.demand).toEqual([10000, null]);
  });

  it('answers first: what is missing per estimated requirement and which fact would add it; the rest apart', () => {
    const result = evaluateScenario(dataset);
    const unlockers = { facts: [{ fact: 'ceasefire', coverage: [{ requirement: 'req-land', supplyMinDelta: 5000, supplyMaxDelta: 9000 }] }, { fact: 'us_backstop', coverage: [{ requirement: 'req-land', supplyMinDelta: 0, supplyMaxDelta: 0 }] }] };
    const answer = buildAnswer(result.coverage, unlockers);
    expect(answer.missing).toEqual([{ requirement: 'req-land', capability: 'land.personnel', priority: 1, demand: 10000, supplyMin: 0, supplyMax: 0, missingCertain: 10000, missingAtBest: 10000, unlocks: [{ fact: 'ceasefire', certain: 5000, possible: 9000 }] }]);
    expect(answer.unestimated).toEqual([{ requirement: 'req-air', capability: 'air.fighters', priority: 2, supplyMin: 0, supplyMax: 0, pledges: 1 }]);
    expect(answer.unestimatedPledges).toBe(1);
    expect(buildAnswer(result.coverage, undefined).missing[0]?.unlocks).toEqual([]);
  });
});
