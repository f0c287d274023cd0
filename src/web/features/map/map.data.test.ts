import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { levelOfFeature, listDomains, shadePartiesByDomain } from './map.data.js';

describe('map data', () => {
  const dataset = preparedSmallDataset();

  it('shades each party by its strongest pledge in the chosen domain', () => {
    const result = evaluateScenario(dataset, { facts: new Map([['ceasefire', true]]) });
    expect(listDomains(result.pledges)).toEqual(['air', 'land']);
    const land = shadePartiesByDomain(result.pledges, 'land');
    expect(land.get('FR')?.level).toBe('certain');
    expect(land.get('DE')?.level).toBe('possible');
    expect(land.get('DE')?.totals).toEqual([{ capability: 'land.personnel', min: 1000, max: 1000 }]);
    const all = shadePartiesByDomain(result.pledges, 'all');
    expect(all.get('DE')?.level).toBe('certain');
    expect(all.get('DE')?.pledges.map((pledge) => pledge.id)).toEqual(['de-1', 'de-2']);
  });

  it('maps world-atlas numeric ids to parties', () => {
    const shades = shadePartiesByDomain(evaluateScenario(dataset).pledges, 'land');
    expect(levelOfFeature('276', shades)).toEqual({ party: 'DE', level: 'inactive' });
    expect(levelOfFeature(8, shades)).toEqual({ party: 'AL', level: 'none' });
    expect(levelOfFeature(undefined, shades)).toEqual({ party: undefined, level: 'none' });
  });
});
