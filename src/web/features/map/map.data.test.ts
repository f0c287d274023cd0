import { describe, expect, it } from 'vitest';
import { aggregatePartyDomains } from '../../../core/party-domains/aggregate-party-domains.js';
import { compiledCandidates } from '../../../core/scenario/compiled-candidates.js';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { hoverFigure, levelOfFeature, shadePartiesByDomain } from './map.data.js';

describe('map data', () => {
  const dataset = preparedSmallDataset();
  const aggregate = (facts: Map<string, boolean>, pledgesPerCell = 10) =>
    aggregatePartyDomains({ pledges: dataset.pledges, states: evaluateScenario(dataset, { facts }).states, candidateOf: compiledCandidates(dataset, {}).candidateOf, pledgesPerCell });

  it('shades each party by its strongest pledge in the chosen domain', () => {
    const shades = aggregate(new Map([['ceasefire', true]]));
    expect(shades.domains).toEqual(['air', 'land']);
    const land = shadePartiesByDomain(shades, 'land');
    expect(land.get('FR')?.level).toBe('certain');
    expect(land.get('DE')?.level).toBe('possible');
    expect(land.get('DE')?.totals).toEqual([{ capability: 'land.personnel', min: 1000, max: 1000 }]);
    const all = shadePartiesByDomain(shades, 'all');
    expect(all.get('DE')?.level).toBe('certain');
    expect(all.get('DE')?.pledges.map((pledge) => pledge.id)).toEqual(['de-1', 'de-2']);
    expect(all.get('DE')?.more).toBe(0);
  });

  it('says how many pledges the hover box leaves out', () => {
    const all = shadePartiesByDomain(aggregate(new Map([['ceasefire', true]]), 1), 'all');
    expect(all.get('DE')?.pledges.map((pledge) => pledge.id)).toEqual(['de-1']);
    expect(all.get('DE')?.more).toBe(1);
  });

  it('maps world-atlas numeric ids to parties', () => {
    const shades = shadePartiesByDomain(aggregate(new Map()), 'land');
    expect(levelOfFeature('276', shades)).toEqual({ party: 'DE', level: 'inactive' });
    expect(levelOfFeature(8, shades)).toEqual({ party: 'AL', level: 'none' });
    expect(levelOfFeature(undefined, shades)).toEqual({ party: undefined, level: 'none' });
  });

  it('gives a fixed quantity as one number in the hover box, a range as a range, with the unit', () => {
    const all = shadePartiesByDomain(aggregate(new Map([['ceasefire', true]])), 'all');
    const figures = (party: string, language: 'en' | 'de') => all.get(party)?.pledges.map((pledge) => hoverFigure(language, pledge));
    expect(figures('DE', 'en')).toEqual(['1,000 persons', 'no number']);
    expect(figures('DE', 'de')).toEqual(['1.000 Personen', 'keine Zahl']);
    expect(figures('GB', 'en')).toEqual(['3,000 persons']);
    expect(figures('FR', 'en')).toEqual(['2,000–5,000 persons']);
  });
});
