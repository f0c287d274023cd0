import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { buildPledgeRows, filterPledgeRows, NO_FILTERS } from './pledges.data.js';

describe('pledge list', () => {
  const dataset = preparedSmallDataset();
  const rows = buildPledgeRows(dataset.pledges, evaluateScenario(dataset, { facts: new Map([['ceasefire', true]]) }));

  it('filters by party, capability, state and text', () => {
    expect(filterPledgeRows(rows, NO_FILTERS)).toHaveLength(4);
    expect(filterPledgeRows(rows, { ...NO_FILTERS, party: 'DE' }).map((row) => row.id)).toEqual(['de-1', 'de-2']);
    expect(filterPledgeRows(rows, { ...NO_FILTERS, capability: 'land.personnel', state: 'certain' }).map((row) => row.id)).toEqual(['fr-1', 'gb-1']);
    expect(filterPledgeRows(rows, { ...NO_FILTERS, text: 'US_BACKSTOP' }).map((row) => row.id)).toEqual(['de-1']);
  });
});
