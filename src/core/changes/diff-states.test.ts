import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson } from '../audit/canonical-json.js';
import type { Pledge } from '../types.js';
import { type AsOfStateInput, buildAsOfState } from './as-of-state.js';
import { applyRecordDiff, diffFields, diffRecords } from './diff-records.js';
import { countChanges, diffStates } from './diff-states.js';

// The pure diff: field by field, applying it to the older state gives the newer one, and the pledge states
// (withdrawn, superseded) follow the engine's date rules.

const pledge = (id: string, extra: Partial<Pledge> = {}): Pledge => ({
  id,
  party: 'FR',
  capability: 'land.personnel',
  quantity: { min: 1, max: 1 },
  areas: ['any'],
  status: 'offered',
  confidentiality: 'coalition',
  condition: 'true',
  sources: [],
  ...extra,
});

const input = (date: string, pledges: Pledge[]): AsOfStateInput => ({
  date,
  pledges,
  facts: [],
  requirements: [],
  coverage: [],
  contributions: [{ id: 'c1', fund: 'f', date: '2026-01-05', donors: [{ party: 'FR' }], amount: 100, currency: 'EUR', status: 'pledged' }],
  decisions: [{ id: 'd1', meeting: 'm1', text: 'decided' }],
  meetingDates: new Map([['m1', '2026-01-06']]),
});

describe('diffStates', () => {
  it('reports added, changed (old → new), withdrawn and superseded pledges, and dated records once their date came', () => {
    const then = buildAsOfState(input('2026-01-03', [pledge('a'), pledge('b'), pledge('c', { announcedOn: '2026-01-06' }), pledge('d', { supersedes: 'a', announcedOn: '2026-01-06' })]));
    const now = buildAsOfState(
      input('2026-01-06', [
        pledge('a'),
        pledge('b', { status: 'withdrawn', withdrawnOn: '2026-01-05' }),
        pledge('c', { announcedOn: '2026-01-06', quantity: { min: 5, max: 9 } }),
        pledge('d', { supersedes: 'a', announcedOn: '2026-01-06' }),
      ]),
    );
    const report = diffStates(then, now);
    expect(report.pledges.added.map((p) => p.id)).toEqual(['c', 'd']);
    expect(report.pledges.changed).toEqual([
      { id: 'b', fields: [{ field: 'status', before: 'offered', after: 'withdrawn' }, { field: 'withdrawnOn', before: null, after: '2026-01-05' }] },
    ]);
    expect(report.pledges.withdrawn).toEqual([{ id: 'b', party: 'FR', on: '2026-01-05' }]);
    expect(report.pledges.superseded).toEqual([{ id: 'a', party: 'FR', by: 'd' }]);
    expect(report.contributions.added.map((c) => c.id)).toEqual(['c1']);
    expect(report.decisions.added.map((d) => d.id)).toEqual(['d1']);
    expect(countChanges(report)).toBe(7);
    expect(countChanges(diffStates(now, now))).toBe(0);
  });

  it('a withdrawal dated in advance shows once its date has come, with no edit in between', () => {
    const pledges = [pledge('a', { status: 'withdrawn', withdrawnOn: '2026-02-01' })];
    const report = diffStates(buildAsOfState(input('2026-01-15', pledges)), buildAsOfState(input('2026-02-15', pledges)));
    expect(report.pledges.changed).toEqual([]);
    expect(report.pledges.withdrawn).toEqual([{ id: 'a', party: 'FR', on: '2026-02-01' }]);
  });

  it('diffFields treats an absent field as null and compares values, not key order', () => {
    expect(diffFields({ a: { x: 1, y: 2 }, b: null }, { a: { y: 2, x: 1 } })).toEqual([]);
    expect(diffFields({ a: 1 }, { a: 1, note: 'n' })).toEqual([{ field: 'note', before: null, after: 'n' }]);
  });

  it('applying a diff to the older collection gives the newer one, and every reported field differs (2,000 random pairs)', () => {
    const value = fc.oneof(fc.constant(undefined), fc.integer({ min: 0, max: 3 }), fc.constantFrom('x', 'y'), fc.array(fc.nat(2), { maxLength: 2 }));
    const record = fc.record({ id: fc.constantFrom('a', 'b', 'c', 'd', 'e'), p: value, q: value, r: value });
    const collection = fc.uniqueArray(record, { selector: (item) => item.id, maxLength: 5 }).map((items) => new Map(items.map((item) => [item.id, item])));
    const clean = (map: ReadonlyMap<string, object>): string =>
      canonicalJson(Object.fromEntries([...map].map(([id, item]) => [id, Object.fromEntries(Object.entries(item).filter(([, v]) => v !== undefined && v !== null))])));
    fc.assert(
      fc.property(collection, collection, (before, after) => {
        const diff = diffRecords(before, after);
        expect(clean(applyRecordDiff(before, diff))).toBe(clean(after));
        for (const change of diff.changed) {
          expect(change.fields.length).toBeGreaterThan(0);
          for (const field of change.fields) expect(canonicalJson(field.before)).not.toBe(canonicalJson(field.after));
        }
        expect(diffRecords(after, after)).toEqual({ added: [], changed: [], removed: [] });
      }),
      { numRuns: 2_000 },
    );
  });
});
