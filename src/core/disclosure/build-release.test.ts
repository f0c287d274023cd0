import { describe, expect, it } from 'vitest';
import type { Pledge } from '../types.js';
import { buildRelease, type PublicSummary, type ReleaseContent } from './build-release.js';
import { DEFAULT_DISCLOSURE_RULE, failsPrimaryRule } from './primary-rule.js';
import { knownMasks, type RowBasis } from './row-basis.js';
import { protectRow } from './protect-row.js';

// The attacks of issue 21 item 8, and the rules they broke, on the pure release builder.

const pledge = (id: string, party: string, min: number, extra: Partial<Pledge> = {}): Pledge => ({
  id, party, capability: 'land.personnel', quantity: { min, max: min }, areas: ['any'], status: 'committed', confidentiality: 'coalition', condition: 'true', sources: [], ...extra,
});
const publicPledges = [pledge('fr-1', 'FR', 2000, { confidentiality: 'public' }), pledge('gb-1', 'GB', 1, { confidentiality: 'public' })];

function publish(pledgeSets: Pledge[][]): ReleaseContent[] {
  const releases: ReleaseContent[] = [];
  for (const pledges of pledgeSets) releases.push(buildRelease({ pledges, unitOf: () => 'persons', previous: releases }));
  return releases;
}

function land(summary: PublicSummary): PublicSummary['capabilities'][number] {
  const row = summary.capabilities.find((item) => item.capability === 'land.personnel');
  if (!row) throw new Error('no land.personnel row');
  return row;
}

/** Every published figure of the land row across releases (cells only), as numbers. */
function publishedFigures(releases: readonly ReleaseContent[]): number[] {
  return releases.flatMap((release) => [land(release.summary).total, ...land(release.summary).stages].flatMap((cell) => (cell.value === null ? [] : [cell.value])));
}

describe('public releases: the attacks of issue 21', () => {
  it('primary rule: public figures count as known, only non-public parties protect a figure', () => {
    const figures = (entries: [string, number][]): Map<string, number> => new Map(entries);
    expect(failsPrimaryRule(figures([]))).toBe(false);
    expect(failsPrimaryRule(figures([['A', 10], ['B', 10]]))).toBe(true);
    expect(failsPrimaryRule(figures([['A', 10], ['B', 10], ['C', 10]]))).toBe(false);
    expect(failsPrimaryRule(figures([['A', 86], ['B', 7], ['C', 7]]))).toBe(true);
    expect(failsPrimaryRule(figures([['A', 85], ['B', 7.5], ['C', 7.5]]))).toBe(false);
    expect(failsPrimaryRule(figures([['A', 5], ['B', -5], ['C', 1]]))).toBe(false);
    expect(failsPrimaryRule(figures([['A', 5], ['B', -1]]))).toBe(true);
    expect(DEFAULT_DISCLOSURE_RULE).toEqual({ minParties: 3, maxShare: 0.85 });
  });

  it('one snapshot: 7001 minus the public 2000 and 1 would give the delegate’s 5000, so 7001 is not published', () => {
    const [release] = publish([[...publicPledges, pledge('de-1', 'DE', 5000)]]);
    const row = land(release?.summary as PublicSummary);
    expect(row.total).toEqual({ value: null, parties: null, suppressed: true });
    expect(JSON.stringify(release?.summary)).not.toContain('7001');
    expect(JSON.stringify(release?.summary)).not.toContain('5000');
  });

  it('two snapshots: a new pledge of 5000 by one party is not exposed by comparing releases', () => {
    const before = [...publicPledges, pledge('a', 'NL', 1000), pledge('b', 'PL', 1000), pledge('c', 'SE', 1000)];
    const after = [...before, pledge('de-1', 'DE', 5000)];
    const releases = publish([before, after]);
    expect(land(releases[0]?.summary as PublicSummary).total.value).toBe(5001);
    // 8001 alone would pass (4 non-public parties, DE 62.5 %), but 8001 − 5001 = DE's 5000.
    expect(land(releases[1]?.summary as PublicSummary).total.suppressed).toBe(true);
    expect(land(releases[1]?.summary as PublicSummary).stages.find((cell) => cell.stage === 'committed')?.suppressed).toBe(true);
    const figures = publishedFigures(releases);
    for (const a of figures) for (const b of figures) expect(a - b).not.toBe(5000);
    // Nothing else changes: later releases compare against every earlier one, so the change stays hidden.
    const third = buildRelease({ pledges: after, unitOf: () => 'persons', previous: releases });
    expect(land(third.summary).total.suppressed).toBe(true);
  });

  it('a change spread over three parties, none dominating, is published', () => {
    const before = [...publicPledges, pledge('a', 'NL', 1000), pledge('b', 'PL', 1000), pledge('c', 'SE', 1000)];
    const after = [...before, pledge('d', 'DE', 400), pledge('e', 'IT', 300), pledge('f', 'ES', 300)];
    const releases = publish([before, after]);
    expect(land(releases[1]?.summary as PublicSummary).total).toEqual({ value: 6001, parties: 8, suppressed: false });
  });

  it('a suppressed stage (an offered 300) is not recovered as the total minus the other stages', () => {
    const pledges = [
      ...publicPledges,
      pledge('a', 'NL', 1000), pledge('b', 'PL', 2000), pledge('c', 'SE', 2000), pledge('d', 'DE', 2000, { status: 'delivered' }), pledge('e', 'IT', 1000, { status: 'delivered' }), pledge('f', 'ES', 1000, { status: 'delivered' }),
      pledge('offer', 'CZ', 300, { status: 'offered' }),
    ];
    const [release] = publish([pledges]);
    const row = land(release?.summary as PublicSummary);
    expect(row.stages.find((cell) => cell.stage === 'planned')?.suppressed).toBe(true);
    const figures = publishedFigures(release ? [release] : []);
    for (const a of figures) for (const b of figures) for (const c of [0, ...figures]) expect(a - b - c).not.toBe(300);
  });

  it('restricted and bilateral pledges never enter a public figure', () => {
    const pledges = [pledge('a', 'FR', 1000), pledge('b', 'GB', 1000), pledge('c', 'DE', 1000), pledge('secret', 'PL', 99_999, { confidentiality: 'restricted' }), pledge('side', 'NL', 777, { confidentiality: 'bilateral', sharedWith: ['DE'] })];
    const [release] = publish([pledges]);
    expect(land(release?.summary as PublicSummary).total).toEqual({ value: 3000, parties: 3, suppressed: false });
    expect(JSON.stringify(release)).not.toContain('99999');
    expect(JSON.stringify(release)).not.toContain('PL');
    expect(release?.summary.contributingParties).toBe(3);
  });

  it('two published stages whose difference moves fewer than 3 parties are not both published', () => {
    // planned {A 5, B 1, C 1} and committed {B 1, C 1, D 1} each pass; planned − committed = A 5 − D 1.
    const row: RowBasis = {
      stages: [
        { public: {}, nonPublic: { A: 5, B: 1, C: 1 } },
        { public: {}, nonPublic: { B: 1, C: 1, D: 1 } },
        { public: {}, nonPublic: {} },
      ],
    };
    const pattern = protectRow({ row, earlier: [] });
    const masks = knownMasks(pattern);
    expect(masks.includes(1) && masks.includes(2)).toBe(false);
  });
});
