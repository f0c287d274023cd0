import { describe, expect, it } from 'vitest';
import { type DescribedPledge, describeExclusion, describePledge } from './describe-reasons.js';

// Sentences from structured reasons, following "waits for" chains to a limited depth.

function lookupIn(entries: DescribedPledge[]): (id: string) => DescribedPledge | undefined {
  const byId = new Map(entries.map((entry) => [entry.id, entry]));
  return (id) => byId.get(id);
}

describe('describePledge', () => {
  it('says nothing for a plainly certain pledge', () => {
    expect(describePledge({ id: 'fr', state: 'certain', reasons: [] }, lookupIn([]))).toBeUndefined();
  });

  it('describes facts, negated facts and false', () => {
    const entry: DescribedPledge = {
      id: 'it',
      state: 'inactive',
      reasons: [
        { kind: 'fact', fact: 'ceasefire', negated: false, value: false },
        { kind: 'fact', fact: 'violation', negated: true, value: true },
        { kind: 'false' },
      ],
    };
    expect(describePledge(entry, lookupIn([]))).toBe('it inactive: needs ceasefire (false); needs not violation (violation is true); condition is false');
  });

  it('describes thresholds for total (with area) and count (singular and plural)', () => {
    const entry: DescribedPledge = {
      id: 'de',
      state: 'possible',
      reasons: [
        { kind: 'threshold', aggregate: 'total', capability: 'land.personnel', area: 'ua.rear', op: '>=', threshold: 25000, value: 12000 },
        { kind: 'threshold', aggregate: 'count', capability: 'air.fighters', op: '>', threshold: 2, value: 1 },
        { kind: 'threshold', aggregate: 'count', capability: 'air.isr', op: '>=', threshold: 3, value: 2 },
      ],
    };
    expect(describePledge(entry, lookupIn([]))).toBe(
      'de possible: needs total(land.personnel, area=ua.rear) >= 25000, others have 12000; ' +
        'needs count(air.fighters) > 2, 1 other party has one; needs count(air.isr) >= 3, 2 other parties have one',
    );
  });

  it('follows a chain of waits two levels deep, then stops', () => {
    const entries: DescribedPledge[] = [
      { id: 'ca', state: 'inactive', reasons: [{ kind: 'waits', party: 'DE', pledges: ['de'], more: 0 }] },
      { id: 'de', state: 'inactive', reasons: [{ kind: 'waits', party: 'FR', pledges: ['fr'], more: 0 }] },
      { id: 'fr', state: 'inactive', reasons: [{ kind: 'fact', fact: 'us_backstop', negated: false, value: false }] },
    ];
    const lookup = lookupIn(entries);
    expect(describePledge(entries[1] as DescribedPledge, lookup)).toBe('de inactive: waits for FR (fr inactive: needs us_backstop (false))');
    expect(describePledge(entries[0] as DescribedPledge, lookup)).toBe('ca inactive: waits for DE (de inactive: waits for FR (fr inactive))');
  });

  it('says how many more pledges of the party it waits for', () => {
    const entries: DescribedPledge[] = [
      { id: 'gb', state: 'inactive', reasons: [{ kind: 'waits', party: 'FR', capability: 'land.personnel', pledges: ['fr-1', 'fr-2'], more: 3 }] },
      { id: 'fr-1', state: 'inactive', reasons: [{ kind: 'fact', fact: 'ceasefire', negated: false, value: false }] },
    ];
    expect(describePledge(entries[0] as DescribedPledge, lookupIn(entries))).toBe(
      'gb inactive: waits for FR (land.personnel) (fr-1 inactive: needs ceasefire (false); 4 more)',
    );
  });

  it('marks a cycle instead of looping', () => {
    const entries: DescribedPledge[] = [
      { id: 'fr', state: 'possible', reasons: [{ kind: 'waits', party: 'GB', pledges: ['gb'], more: 0 }] },
      { id: 'gb', state: 'possible', reasons: [{ kind: 'waits', party: 'FR', pledges: ['fr'], more: 0 }] },
    ];
    const text = describePledge(entries[0] as DescribedPledge, lookupIn(entries));
    expect(text).toMatch(/^fr possible: waits for GB \(gb possible: waits for FR \(fr/);
  });

  it('explains the assurance gap with what the pledge waits for', () => {
    const entries: DescribedPledge[] = [
      { id: 'fr', state: 'certain', inAssuranceGap: true, reasons: [], waitsFor: [{ kind: 'waits', party: 'GB', pledges: ['gb'], more: 0 }] },
      { id: 'gb', state: 'certain', inAssuranceGap: true, reasons: [], waitsFor: [{ kind: 'waits', party: 'FR', pledges: ['fr'], more: 0 }] },
    ];
    expect(describePledge(entries[0] as DescribedPledge, lookupIn(entries))).toBe(
      'fr certain only if the coalition commits together: waits for GB (gb waits for the coalition to move together)',
    );
  });

  it('describes a wait for a party without pledges', () => {
    const entry: DescribedPledge = { id: 'it', state: 'inactive', reasons: [{ kind: 'waits', party: 'US', pledges: [], more: 0 }] };
    expect(describePledge(entry, lookupIn([]))).toBe('it inactive: waits for US (no pledge from US)');
  });
});

describe('describeExclusion', () => {
  it('describes every kind of exclusion', () => {
    expect(describeExclusion({ kind: 'withdrawn' })).toBe('withdrawn');
    expect(describeExclusion({ kind: 'withdrawn', on: '2025-12-01' })).toBe('withdrawn on 2025-12-01');
    expect(describeExclusion({ kind: 'superseded', by: 'fr-2' })).toBe('superseded by fr-2');
    expect(describeExclusion({ kind: 'not_yet_announced', announcedOn: '2026-01-06', asOf: '2025-12-31' })).toBe(
      'announced on 2026-01-06, after 2025-12-31',
    );
    expect(describeExclusion({ kind: 'below_min_status', status: 'offered', minStatus: 'committed' })).toBe(
      'status offered is below the minimum committed',
    );
  });
});
