import { describe, expect, it } from 'vitest';
import type { AlignmentMatrix, MatrixCell, TimelineEvent } from './sanctions.data.js';
import { cellsWithExemptions, eventsByYear, jurisdictionParty, matrixRows, sanctionsPath, splitExemptions } from './sanctions.data.js';

const cell = (fields: Partial<MatrixCell> & Pick<MatrixCell, 'type' | 'jurisdiction' | 'status'>): MatrixCell => ({
  since: null,
  level: null,
  exemptions: [],
  measures: [],
  sources: [],
  ...fields,
});

const matrix: AlignmentMatrix = {
  asOf: '2026-03-01',
  types: ['oil_embargo', 'lng_ban'],
  jurisdictions: ['EU', 'UK'],
  cells: [
    cell({
      type: 'oil_embargo',
      jurisdiction: 'EU',
      status: 'in_force',
      exemptions: [
        { party: 'HU', description: 'pipeline', measure: 'm', ended: false },
        { party: 'CZ', description: 'pipeline', until: '2025-07-18', measure: 'm', ended: true },
      ],
    }),
    cell({ type: 'lng_ban', jurisdiction: 'UK', status: 'absent' }),
  ],
  untyped: [],
};

describe('the Sanctions page data', () => {
  it('lays the matrix out by row and column, unknown where the API sent no cell', () => {
    const rows = matrixRows(matrix);
    expect(rows.map((row) => row.cells.map((entry) => entry.status))).toEqual([
      ['in_force', 'unknown'],
      ['unknown', 'absent'],
    ]);
    expect(rows.map((row) => row.having)).toEqual([1, 0]);
  });

  it('splits exemptions into those in effect and those ended, and lists the cells that have any', () => {
    const [first] = cellsWithExemptions(matrix);
    expect(first?.jurisdiction).toBe('EU');
    const split = splitExemptions(first as MatrixCell);
    expect(split.active.map((entry) => entry.party)).toEqual(['HU']);
    expect(split.ended.map((entry) => entry.party)).toEqual(['CZ']);
  });

  it('names jurisdictions by their party, the UK by GB, the EU by itself', () => {
    expect([jurisdictionParty('EU'), jurisdictionParty('UK'), jurisdictionParty('JP')]).toEqual([null, 'GB', 'JP']);
  });

  it('builds the API paths and groups events by year, newest year first', () => {
    expect(sanctionsPath('alignment', undefined)).toBe('/api/sanctions/alignment');
    expect(sanctionsPath('timeline', '2025-08-01')).toBe('/api/sanctions/timeline?asOf=2025-08-01');
    const event = (date: string): TimelineEvent => ({ on: { date, basis: 'adopted' }, kind: 'package', jurisdiction: 'EU', package: date, text: date, future: false });
    expect(eventsByYear([event('2022-05-28'), event('2025-05-20'), event('2025-07-18')]).map((group) => [group.year, group.events.length])).toEqual([
      ['2025', 2],
      ['2022', 1],
    ]);
  });
});
