import { describe, expect, it } from 'vitest';
import { formatMoney } from '../purl/purl.data.js';
import { changesPageHref, changesPath, type ChangesNames, type ChangesReport, countChanges, describeFieldChanges, formatCoverage, formatShortfall, parsePoint, sortMeetings } from './changes.data.js';

// The Changes page's words: points from and to the URL, names instead of ids, old → new per field.

const names: ChangesNames = {
  party: (id) => ({ FR: 'France', DE: 'Germany' })[id] ?? id,
  capability: (id) => ({ 'land.personnel': 'Ground personnel' })[id] ?? id,
  requirement: (id) => id,
  meeting: (id) => id,
  fund: (id) => id,
  pledge: (id) => id,
  number: (value) => new Intl.NumberFormat('en-GB').format(value),
  money: (minorUnits, currency) => formatMoney('en', minorUnits, currency),
};

describe('changes page data', () => {
  it('writes a changed amount as money in its currency, rounded, never as raw minor units', () => {
    const fields = describeFieldChanges([{ field: 'amount', before: 58_012_345_600, after: 60_000_000_000 }], names, 'DKK');
    const plain = (text: string) => text.replace(/\s/g, ' ');
    expect(fields.map((change) => [plain(change.before), plain(change.after)])).toEqual([['DKK 580m', 'DKK 600m']]);
    const recurrenced = describeFieldChanges(
      [
        { field: 'amount', before: 100_000_000, after: 2_315_365_280_900 },
        { field: 'currency', before: 'DKK', after: 'EUR' },
      ],
      names,
      'EUR',
    );
    expect([plain(recurrenced[0]?.before ?? ''), plain(recurrenced[0]?.after ?? '')]).toEqual(['DKK 1m', '€23.2bn']);
    // Without a known currency an amount stays a plain number rather than a guessed currency.
    expect(describeFieldChanges([{ field: 'amount', before: 5, after: 6 }], names)[0]).toEqual({ field: 'amount', before: '5', after: '6' });
  });

  it('reads and writes the points a report runs between', () => {
    expect(parsePoint('2026-01-03')).toEqual({ kind: 'date', date: '2026-01-03' });
    expect(parsePoint('meeting:paris-2026-01-06')).toEqual({ kind: 'meeting', meeting: 'paris-2026-01-06' });
    expect(parsePoint('meeting:')).toBeUndefined();
    expect(parsePoint('yesterday')).toBeUndefined();
    expect(parsePoint(null)).toBeUndefined();
    expect(changesPath({ kind: 'meeting', meeting: 'kyiv-nsa-2026-01-03' }, { kind: 'date', date: '2026-01-06' })).toBe('/api/changes?since=meeting%3Akyiv-nsa-2026-01-03&until=2026-01-06');
    expect(changesPath({ kind: 'date', date: '2025-09-04' })).toBe('/api/changes?since=2025-09-04');
    expect(changesPageHref({ kind: 'meeting', meeting: 'paris-2026-01-06' })).toBe('/changes?since=meeting%3Aparis-2026-01-06');
  });

  it('writes changed fields with names, ranges and – for none', () => {
    const fields = describeFieldChanges(
      [
        { field: 'party', before: 'FR', after: 'DE' },
        { field: 'quantity', before: { min: 2000, max: 9999 }, after: { min: 5000, max: 5000 } },
        { field: 'status', before: 'offered', after: 'committed' },
        { field: 'withdrawnOn', before: null, after: '2026-01-05' },
        { field: 'sharedWith', before: ['FR'], after: ['FR', 'DE'] },
        { field: 'capability', before: 'land.personnel', after: 'land.personnel' },
      ],
      names,
    );
    expect(fields).toEqual([
      { field: 'party', before: 'France', after: 'Germany' },
      { field: 'quantity', before: '2,000–9,999', after: '5,000' },
      { field: 'status', before: 'offered', after: 'committed' },
      { field: 'withdrawnOn', before: '–', after: '2026-01-05' },
      { field: 'sharedWith', before: 'France', after: 'France, Germany' },
      { field: 'capability', before: 'Ground personnel', after: 'Ground personnel' },
    ]);
  });

  it('writes coverage then and now, and counts the changes', () => {
    const then = { demand: 30000, supplyMin: 0, supplyMax: 15000, shortfallMin: 15000, shortfallMax: 30000, unquantified: 0 };
    expect(formatCoverage(then, names)).toBe('0–15,000 / 30,000');
    expect(formatCoverage({ ...then, demand: null }, names)).toBe('0–15,000');
    expect(formatCoverage(null, names)).toBe('–');
    expect(formatShortfall(then, names)).toBe('15,000–30,000');
    expect(formatShortfall({ ...then, shortfallMin: null }, names)).toBe('–');
    const empty = { added: [], changed: [], removed: [] };
    const report: ChangesReport = {
      since: '2026-01-03',
      until: '2026-01-06',
      pledges: { added: [{ id: 'a', party: 'FR', capability: 'land.personnel', quantity: null, areas: [], status: 'offered' }], changed: [], removed: [], withdrawn: [{ id: 'b', party: 'FR', on: null }], superseded: [] },
      namedPledges: [{ id: 'b', party: 'FR', capability: 'land.personnel', quantity: null }],
      coverage: [
        { requirement: 'r1', then, now: then, changed: false },
        { requirement: 'r2', then: null, now: then, changed: true },
      ],
      requirements: empty,
      facts: { added: [], changed: [{ id: 'ceasefire', fields: [{ field: 'value', before: false, after: true }] }], removed: [] },
      contributions: empty,
      decisions: { added: [{ id: 'd', meeting: 'm', text: 'x' }], changed: [], removed: [] },
      sinceMeeting: null,
      untilMeeting: null,
    };
    expect(countChanges(report)).toEqual({ pledges: 2, coverage: 1, contributions: 0, decisions: 1, facts: 1, requirements: 0, total: 5 });
    expect(sortMeetings([{ id: 'a', date: '2026-01-03' }, { id: 'b', date: '2026-01-06' }]).map((meeting) => meeting.id)).toEqual(['b', 'a']);
  });
});
