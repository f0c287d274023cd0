import { describe, expect, it } from 'vitest';
import { buildAlignmentMatrix, cellOf } from './alignment-matrix.js';
import type { SanctionsMeasureInput, SanctionsPackageInput, SanctionsRecords } from './sanctions-types.js';

// The matrix's rules on small records: unknown is not absent, proposals and later application are their own
// statuses, the latest applying level wins, undated records are dated by their sources and say so.

const pkg = (id: string, jurisdiction: string, adoptedOn?: string, sources: string[] = []): SanctionsPackageInput => ({ id, jurisdiction, adoptedOn, title: id, sources });
const measure = (id: string, fields: Partial<SanctionsMeasureInput> & Pick<SanctionsMeasureInput, 'package'>): SanctionsMeasureInput => ({
  id,
  status: 'adopted',
  description: id,
  exemptions: [],
  sources: [],
  ...fields,
});

const records: SanctionsRecords = {
  packages: [pkg('eu-1', 'EU', '2025-01-10'), pkg('eu-2', 'EU', '2025-06-01'), pkg('eu-3', 'EU'), pkg('jp-1', 'JP', '2025-03-01'), pkg('xx-1', 'XX', '2025-02-01')],
  measures: [
    measure('cap-1', { package: 'eu-1', type: 'oil_price_cap', level: 'USD 60' }),
    measure('cap-2', { package: 'eu-2', type: 'oil_price_cap', level: 'USD 47.60', appliesFrom: '2025-09-03' }),
    measure('lng-p', { package: 'eu-3', type: 'lng_ban', status: 'proposed', proposedOn: '2025-04-01' }),
    measure('lng-jp', { package: 'jp-1', type: 'lng_ban', status: 'not_adopted' }),
    measure('late', { package: 'eu-3', type: 'bank_bans', sources: ['s-1', 's-2'] }),
    measure('note', { package: 'eu-1' }),
    measure('xx', { package: 'xx-1', type: 'listings', exemptions: [{ party: 'HU', description: 'pipeline', until: '2025-05-01' }, { party: 'SK', description: 'later', since: '2025-06-01' }] }),
  ],
  sourceDates: new Map([
    ['s-1', '2025-05-05'],
    ['s-2', '2025-04-04'],
  ]),
};

describe('buildAlignmentMatrix', () => {
  it('gives each status its own cell state and keeps unknown apart from absent', () => {
    const matrix = buildAlignmentMatrix(records, '2025-12-31');
    expect(matrix.jurisdictions).toEqual(['EU', 'US', 'UK', 'CA', 'JP', 'CH', 'NO', 'AU', 'XX']);
    expect(cellOf(matrix, 'lng_ban', 'EU')).toMatchObject({ status: 'proposed', since: { date: '2025-04-01', basis: 'proposed' } });
    expect(cellOf(matrix, 'lng_ban', 'JP')).toMatchObject({ status: 'absent', since: { date: '2025-03-01', basis: 'adopted' } });
    expect(cellOf(matrix, 'lng_ban', 'US')).toMatchObject({ status: 'unknown', since: null, measures: [] });
    expect(matrix.untyped).toEqual(['note']);
  });

  it('takes the latest applying level, and the earliest date as since', () => {
    expect(cellOf(buildAlignmentMatrix(records, '2025-12-31'), 'oil_price_cap', 'EU')).toMatchObject({
      status: 'in_force',
      since: { date: '2025-01-10', basis: 'adopted' },
      level: { text: 'USD 47.60', measure: 'cap-2', on: { date: '2025-09-03', basis: 'applies' } },
    });
    expect(cellOf(buildAlignmentMatrix(records, '2025-07-01'), 'oil_price_cap', 'EU')?.level?.text).toBe('USD 60');
    expect(cellOf(buildAlignmentMatrix(records, '2025-01-09'), 'oil_price_cap', 'EU')?.status).toBe('unknown');
  });

  it('dates an undated measure by its earliest source and leaves it out before then', () => {
    expect(cellOf(buildAlignmentMatrix(records, '2025-04-04'), 'bank_bans', 'EU')).toMatchObject({ status: 'in_force', since: { date: '2025-04-04', basis: 'source' } });
    expect(cellOf(buildAlignmentMatrix(records, '2025-04-03'), 'bank_bans', 'EU')?.status).toBe('unknown');
  });

  it('shows exemptions from their start, ended from their end', () => {
    const at = (date: string) => cellOf(buildAlignmentMatrix(records, date), 'listings', 'XX')?.exemptions.map((e) => `${e.party}${e.ended ? ' ended' : ''}`);
    expect(at('2025-04-30')).toEqual(['HU']);
    expect(at('2025-05-01')).toEqual(['HU ended']);
    expect(at('2025-06-01')).toEqual(['HU ended', 'SK']);
  });
});
