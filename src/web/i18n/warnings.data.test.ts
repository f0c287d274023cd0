import { describe, expect, it } from 'vitest';
import { computeFinancingShares } from '../../core/funding/compute-financing-shares.js';
import { translateWarning } from './warnings.data.js';

describe('funding warnings in the UI’s language', () => {
  const party = (id: string): string => (id === 'HU' ? 'Ungarn' : id);

  it('says every warning the core writes in German, parties by name', () => {
    const samples = [
      "contribution 'c1' is earmarked for unknown package 'p9': it joins the pool",
      "contribution 'c1' exceeds what package 'p1' still needed: the rest joins the pool",
      "package 'p1' is recorded as funded but the contributions cover only 5 of 10",
      'a custom key needs keyWeights: nobody carries this option',
      'no GNI figures are available: GDP is used as the key instead',
      'HU has no weight in the custom key: it carries nothing',
      'HU has no GDP figure: it carries nothing',
      'no participant has a key figure: the amount is not shared',
    ];
    for (const sample of samples) {
      const result = translateWarning('de', sample, party);
      expect(result.translated, sample).toBe(true);
      expect(result.text, sample).not.toMatch(/ the | is | has /);
    }
    expect(translateWarning('de', 'HU has no GDP figure: it carries nothing', party).text).toContain('Ungarn');
  });

  it('keeps a sentence it does not know as it is', () => {
    expect(translateWarning('de', 'something new', party)).toEqual({ text: 'something new', translated: false });
  });

  it('knows the sentences the core writes as it writes them', () => {
    const options = computeFinancingShares({
      needAmount: 100,
      options: [{ id: 'bi', kind: 'bilateral', title: 'Bilateral', key: 'gni' }],
      parties: [
        { id: 'DE', kind: 'state', groups: ['coalition'] },
        { id: 'HU', kind: 'state', groups: ['coalition'] },
      ],
      keyFigures: new Map([['DE', 4]]),
    });
    const warnings = options.flatMap((option) => option.warnings);
    expect(warnings.length).toBeGreaterThan(1);
    for (const warning of warnings) expect(translateWarning('de', warning, party).translated, warning).toBe(true);
  });
});
