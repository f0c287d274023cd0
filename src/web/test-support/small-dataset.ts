import { prepareDataset, type PreparedDataset } from '../../core/dataset/prepare-dataset.js';
import type { Dataset } from '../../core/types.js';

// A small coalition for the web data tests: two states wait on each other, one needs a ceasefire.

/** The raw dataset. */
export function smallDataset(): Dataset {
  return {
    parties: [
      { id: 'FR', kind: 'state', name: { en: 'France', de: 'Frankreich' }, groups: ['EU', 'coalition'] },
      { id: 'GB', kind: 'state', name: { en: 'United Kingdom', de: 'Vereinigtes Königreich' }, groups: ['coalition'] },
      { id: 'DE', kind: 'state', name: { en: 'Germany', de: 'Deutschland' }, groups: ['EU', 'coalition'] },
      { id: 'US', kind: 'state', name: { en: 'United States', de: 'Vereinigte Staaten' }, groups: ['NATO'] },
      { id: 'EU', kind: 'institution', name: { en: 'European Union', de: 'Europäische Union' }, groups: [] },
    ],
    capabilities: [],
    facts: [
      { id: 'ceasefire', value: false, sources: ['s1'] },
      { id: 'us_backstop', value: 'unknown', sources: ['s1'] },
    ],
    sources: [{ id: 's1', publisher: 'Example', date: '2025-09-04' }],
    packages: [{ id: 'day-after', title: 'The day-after package', sources: ['s1'] }],
    requirements: [
      { id: 'req-land', capability: 'land.personnel', quantity: 10000, estimate: true, priority: 1, area: 'ua.rear', package: 'day-after', title: 'Reassurance force', sources: ['s1'] },
      { id: 'req-air', capability: 'air.fighters', quantity: null, estimate: false, priority: 2, area: 'ua.airspace', package: 'day-after', sources: ['s1'] },
    ],
    pledges: [
      { id: 'fr-1', party: 'FR', capability: 'land.personnel', quantity: { min: 2000, max: 5000 }, areas: ['ua.rear'], status: 'offered', confidentiality: 'public', condition: 'ceasefire and active(GB, land.personnel)', sources: ['s1'] },
      { id: 'gb-1', party: 'GB', capability: 'land.personnel', quantity: { min: 3000, max: 3000 }, areas: ['ua'], status: 'offered', confidentiality: 'public', condition: 'ceasefire and active(FR, land.personnel)', sources: ['s1'] },
      { id: 'de-1', party: 'DE', capability: 'land.personnel', quantity: { min: 1000, max: 1000 }, areas: ['ua.rear'], status: 'announced', confidentiality: 'public', condition: 'ceasefire and us_backstop', sources: ['s1'] },
      { id: 'de-2', party: 'DE', capability: 'air.fighters', quantity: null, areas: ['ua.airspace'], status: 'announced', confidentiality: 'public', condition: 'true', sources: ['s1'] },
    ],
  };
}

/** The dataset checked and with its conditions parsed. */
export function preparedSmallDataset(): PreparedDataset {
  const prepared = prepareDataset(smallDataset());
  if (!prepared.ok) throw new Error(prepared.problems.map((problem) => problem.message).join('; '));
  return prepared.value;
}
