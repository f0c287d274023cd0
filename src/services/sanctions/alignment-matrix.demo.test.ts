import { beforeAll, describe, expect, it } from 'vitest';
import { type AlignmentMatrix, buildAlignmentMatrix, type CellStatus, cellOf } from '../../core/sanctions/alignment-matrix.js';
import type { SanctionsMeasureType, SanctionsRecords } from '../../core/sanctions/sanctions-types.js';
import { demoDataDirectory } from '../load-dataset.js';
import { readDatasetRecords } from '../provenance/collect-figures.js';

// Issue 29's done-when: the alignment matrix on the demo data matches FACTS.md for every cell it fills. The table
// below is read from FACTS.md by hand, each cell with the section that states it; every cell the matrix fills
// (any status but `unknown`) must be in it, and every cell in it must be filled exactly so. A date with basis
// `source` is the date of the earliest cited source: FACTS.md gives the record no date of its own.

interface ExpectedCell {
  measure: SanctionsMeasureType;
  jurisdiction: string;
  status: CellStatus;
  since: string | null;
  level?: string;
  /** Exemptions as `party since..until` (open ends empty), in the order of the records. */
  exemptions?: string[];
  facts: string;
}

const TODAY = '2026-12-07';

const EXPECTED: ExpectedCell[] = [
  {
    measure: 'oil_embargo',
    jurisdiction: 'EU',
    status: 'in_force',
    since: '2022-05-28 (source)',
    exemptions: ['HU ..', 'SK ..', 'CZ ..2025-07-18 (ended)', 'HU 2026-02-18..'],
    facts: '§4.3 (6th package embargo, Druzhba exemption; Czechia removed 2025-07-18; Adria exception 2026-02-18)',
  },
  { measure: 'oil_price_cap', jurisdiction: 'EU', status: 'in_force', since: '2025-09-03 (applies)', level: 'USD 47.60/bbl', facts: '§4.1 (18th package)' },
  { measure: 'oil_price_cap', jurisdiction: 'UK', status: 'in_force', since: '2025-07-18 (adopted)', level: 'the lower, dynamic cap', facts: '§4.2 (UK joined the lower dynamic cap)' },
  {
    measure: 'refined_products_ban',
    jurisdiction: 'EU',
    status: 'in_force',
    since: '2025-07-18 (adopted)',
    exemptions: ['CA ..', 'NO ..', 'CH ..', 'GB ..', 'US ..'],
    facts: '§4.1 (18th package: exempt CA, NO, CH, UK, US)',
  },
  { measure: 'maritime_services_ban', jurisdiction: 'EU', status: 'proposed', since: '2026-02-06 (proposed)', facts: '§4.1 (20th package proposal: basis for a future full maritime services ban)' },
  {
    measure: 'vessel_listings',
    jurisdiction: 'EU',
    status: 'in_force',
    since: '2025-05-20 (adopted)',
    level: '632 vessels in total (single secondary source)',
    facts: '§4.1 (17th: 342, 18th: 444, 19th: ~557–558, 18 Dec 2025: 597, 20th as adopted: 632, S)',
  },
  {
    measure: 'lng_ban',
    jurisdiction: 'EU',
    status: 'in_force',
    since: '2025-10-23 (adopted)',
    level: 'short-term contracts end within six months (about April 2026), long-term contracts by 1 January 2027',
    facts: '§4.1 (19th package)',
  },
  { measure: 'bank_bans', jurisdiction: 'EU', status: 'in_force', since: '2025-07-18 (adopted)', level: '22 banks', facts: '§4.1 (18th package: 22 banks)' },
  { measure: 'listings', jurisdiction: 'EU', status: 'in_force', since: '2025-05-20 (adopted)', facts: '§4.1 (17th: ~75 listings; 18th: Nayara, 14 persons, 41 entities)' },
  { measure: 'listings', jurisdiction: 'UK', status: 'in_force', since: '2025-10-15 (adopted)', facts: '§4.2 (UK asset freeze on Rosneft and Lukoil)' },
  { measure: 'listings', jurisdiction: 'US', status: 'in_force', since: '2025-10-22 (adopted)', facts: '§4.2 (OFAC designates Rosneft, Lukoil and 34 subsidiaries)' },
  {
    measure: 'export_controls',
    jurisdiction: 'EU',
    status: 'in_force',
    since: '2026-04-23 (source)',
    level: 'anti-circumvention tool: exports to Kyrgyzstan',
    facts: '§4.1 (20th package as adopted, S; adoption date U)',
  },
  {
    measure: 'central_bank_assets',
    jurisdiction: 'EU',
    status: 'in_force',
    since: '2025-12-12 (adopted)',
    level: 'about EUR 210 bn, immobilised indefinitely',
    facts: '§3 row 7, §6.2 (Reg. 2025/2600)',
  },
];

function describeDate(on: { date: string; basis: string } | null): string | null {
  return on === null ? null : `${on.date} (${on.basis})`;
}

function describeExemption(exemption: { party: string; since?: string | undefined; until?: string | undefined; ended: boolean }): string {
  return `${exemption.party} ${exemption.since ?? ''}..${exemption.until ?? ''}${exemption.ended ? ' (ended)' : ''}`;
}

describe('the alignment matrix on the demo data', () => {
  let records: SanctionsRecords;
  let matrix: AlignmentMatrix;

  beforeAll(async () => {
    const demo = await readDatasetRecords(demoDataDirectory());
    records = { packages: demo.sanctionsPackages, measures: demo.sanctionsMeasures, sourceDates: new Map(demo.sources.map((source) => [source.id, source.date])) };
    matrix = buildAlignmentMatrix(records, TODAY);
  });

  it('fills exactly the cells of the table, each as FACTS.md states it', () => {
    const filled = matrix.cells.filter((cell) => cell.status !== 'unknown').map((cell) => `${cell.type}/${cell.jurisdiction}`);
    expect(filled.sort()).toEqual(EXPECTED.map((cell) => `${cell.measure}/${cell.jurisdiction}`).sort());
    for (const expected of EXPECTED) {
      const cell = cellOf(matrix, expected.measure, expected.jurisdiction);
      const what = `${expected.measure}/${expected.jurisdiction} (${expected.facts})`;
      expect(cell?.status, what).toBe(expected.status);
      expect(describeDate(cell?.since ?? null), what).toBe(expected.since);
      expect(cell?.level?.text, what).toBe(expected.level);
      expect(cell?.exemptions.map(describeExemption), what).toEqual(expected.exemptions ?? []);
      expect(cell?.sources.length, what).toBeGreaterThan(0);
    }
  });

  it('shows every other cell of the default columns as unknown, not as absent', () => {
    expect(matrix.jurisdictions).toEqual(['EU', 'US', 'UK', 'CA', 'JP', 'CH', 'NO', 'AU']);
    expect(matrix.cells).toHaveLength(matrix.types.length * matrix.jurisdictions.length);
    expect(matrix.cells.filter((cell) => cell.status === 'absent')).toEqual([]);
    expect(cellOf(matrix, 'oil_price_cap', 'JP')).toMatchObject({ status: 'unknown', since: null, level: null, measures: [] });
  });

  it('as of an earlier date shows what was known then: the cap adopted but not applying, Czechia still exempt', () => {
    const before = buildAlignmentMatrix(records, '2025-08-01');
    expect(cellOf(before, 'oil_price_cap', 'EU')).toMatchObject({ status: 'adopted', since: { date: '2025-09-03', basis: 'applies' }, level: { text: 'USD 47.60/bbl' } });
    expect(cellOf(before, 'oil_embargo', 'EU')?.exemptions.map(describeExemption)).toEqual(['HU ..', 'SK ..', 'CZ ..2025-07-18 (ended)']);
    expect(cellOf(before, 'vessel_listings', 'EU')?.level?.text).toBe('444 vessels in total');
    expect(cellOf(before, 'lng_ban', 'EU')?.status).toBe('unknown');
    expect(cellOf(buildAlignmentMatrix(records, '2025-07-17'), 'oil_embargo', 'EU')?.exemptions.map(describeExemption)).toEqual(['HU ..', 'SK ..', 'CZ ..2025-07-18']);
  });
});
