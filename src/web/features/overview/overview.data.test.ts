import { describe, expect, it } from 'vitest';
import type { FactValue } from '../../../core/types.js';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { createExplainer, wordsFor } from '../../i18n/explanations.data.js';
import { preparedSmallDataset, smallDataset } from '../../test-support/small-dataset.js';
import { buildCoverageBars, buildFactSwitches, buildHeadline, buildPackageSeries, explainedPledges, scenarioFacts } from './overview.data.js';

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

  it('draws the certain–possible range against the demand line', () => {
    const result = evaluateScenario(dataset, { facts: new Map([['ceasefire', true]]) });
    const bars = buildCoverageBars(result.coverage, smallDataset().requirements);
    const land = bars.find((bar) => bar.requirement === 'req-land');
    // FR and GB wait on each other but are certain together (5,000 at minimum); DE needs the unknown US backstop.
    expect(land).toMatchObject({ title: 'Reassurance force', demand: 10000, min: 5000, max: 9000, certainPct: 50, possiblePct: 40, demandPct: 100, coveredMin: 50, coveredMax: 90 });
    expect(land?.pledges.sort()).toEqual(['de-1', 'fr-1', 'gb-1']);
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
    const series = buildPackageSeries(result.packages, dataset.packages);
    expect(series.ids).toEqual(['day-after']);
    expect(series.demand).toEqual([10000]);
  });
});
