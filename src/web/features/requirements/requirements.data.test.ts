import { describe, expect, it } from 'vitest';
import { evaluateScenario } from '../../../core/scenario/evaluate-scenario.js';
import { preparedSmallDataset } from '../../test-support/small-dataset.js';
import { groupByPackage, parseDemand } from './requirements.data.js';

describe('requirements page data', () => {
  it('groups requirements by package with their coverage', () => {
    const dataset = preparedSmallDataset();
    const loose = { id: 'req-loose', capability: 'air.isr', quantity: 2, estimate: false, priority: 3, area: 'any', sources: [] };
    const groups = groupByPackage([...dataset.requirements, loose], dataset.packages, evaluateScenario(dataset).coverage);
    expect(groups.map((group) => [group.package?.id ?? null, group.rows.map((row) => row.requirement.id)])).toEqual([
      ['day-after', ['req-land', 'req-air']],
      [null, ['req-loose']],
    ]);
    expect(groups[0]?.rows[0]?.coverage?.demand).toBe(10000);
  });

  it('parses the demand field', () => {
    expect(parseDemand('')).toBeNull();
    expect(parseDemand(' 150000 ')).toBe(150000);
    expect(parseDemand('-1')).toBeUndefined();
    expect(parseDemand('1.5')).toBeUndefined();
  });
});
