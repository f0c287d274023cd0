import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../core/scenario/evaluate-scenario.js';
import { preparedSmallDataset } from '../test-support/small-dataset.js';
import { createExplainer, wordsFor } from './explanations.data.js';

describe('explanations with names', () => {
  const dataset = preparedSmallDataset();
  const result = evaluateScenario(dataset);

  it('names parties and facts when given their names, ids otherwise', () => {
    const named = createExplainer(result.pledges, wordsFor('de', { party: (id) => (id === 'GB' ? 'Vereinigtes Königreich' : id), fact: (id) => (id === 'ceasefire' ? 'Waffenruhe' : id) }));
    const plain = createExplainer(result.pledges, wordsFor('de'));
    const fr = result.pledges.find((pledge) => pledge.id === 'fr-1');
    if (!fr) throw new Error('fr-1 missing');
    expect(named(fr)).toContain('Waffenruhe');
    expect(named(fr)).toContain('Vereinigtes Königreich');
    expect(named(fr)).not.toMatch(/\bceasefire\b|\bGB\b/);
    expect(plain(fr)).toMatch(/ceasefire/);
  });
});
