import { describe, expect, it } from 'vitest';
import { makePledge } from '../../../test/support/model-builders.js';
import type { Pledge, PledgeStatus } from '../types.js';
import { selectCandidates, STATUS_RANK } from './candidates.js';

// Which pledges take part in an evaluation (DESIGN.md §4).

const pledge = makePledge;

const candidateIds = (pledges: Pledge[], options: Parameters<typeof selectCandidates>[1] = {}): string[] =>
  selectCandidates(pledges, options).candidates.map((p) => p.id);

describe('selectCandidates', () => {
  it('keeps every live pledge, in input order, when nothing excludes them', () => {
    const pledges = [pledge('b'), pledge('a'), pledge('c', { status: 'announced' })];
    const selection = selectCandidates(pledges);
    expect(selection.candidates.map((p) => p.id)).toEqual(['b', 'a', 'c']);
    expect(selection.excluded.size).toBe(0);
  });

  describe('supersedes', () => {
    const original = pledge('fr-1', { announcedOn: '2025-09-04', quantity: { min: 2000, max: 2000 } });
    const revision = pledge('fr-1b', { announcedOn: '2026-01-06', supersedes: 'fr-1', quantity: { min: 5000, max: 5000 } });

    it('a revision hides the pledge it replaces', () => {
      const selection = selectCandidates([original, revision]);
      expect(selection.candidates.map((p) => p.id)).toEqual(['fr-1b']);
      expect(selection.excluded.get('fr-1')).toEqual({ kind: 'superseded', by: 'fr-1b' });
    });

    it('does not depend on whether the revision comes first in the input', () => {
      const selection = selectCandidates([revision, original]);
      expect(selection.candidates.map((p) => p.id)).toEqual(['fr-1b']);
      expect(selection.excluded.get('fr-1')).toEqual({ kind: 'superseded', by: 'fr-1b' });
    });

    it('as of a date before the revision was announced, the old pledge is still the candidate', () => {
      const selection = selectCandidates([original, revision], { asOf: '2025-12-31' });
      expect(selection.candidates.map((p) => p.id)).toEqual(['fr-1']);
      expect(selection.excluded.get('fr-1b')).toEqual({ kind: 'not_yet_announced', announcedOn: '2026-01-06', asOf: '2025-12-31' });
    });

    it('on the day the revision is announced, the revision replaces the old pledge', () => {
      expect(candidateIds([original, revision], { asOf: '2026-01-06' })).toEqual(['fr-1b']);
    });

    it('a chain of revisions leaves only the newest known one', () => {
      const third = pledge('fr-1c', { announcedOn: '2026-02-01', supersedes: 'fr-1b' });
      expect(candidateIds([original, revision, third])).toEqual(['fr-1c']);
      expect(candidateIds([original, revision, third], { asOf: '2026-01-15' })).toEqual(['fr-1b']);
      expect(candidateIds([original, revision, third], { asOf: '2025-10-01' })).toEqual(['fr-1']);
    });

    it('a revision without an announcement date always hides the old pledge', () => {
      const undated = pledge('fr-2', { supersedes: 'fr-1' });
      expect(candidateIds([original, undated], { asOf: '2025-10-01' })).toEqual(['fr-2']);
    });
  });

  describe('withdrawn', () => {
    it('excludes a pledge withdrawn on or before the as-of date, with the date', () => {
      const withdrawn = pledge('gb-1', { announcedOn: '2025-09-01', withdrawnOn: '2025-12-01', status: 'withdrawn' });
      expect(selectCandidates([withdrawn], { asOf: '2025-12-01' }).excluded.get('gb-1')).toEqual({ kind: 'withdrawn', on: '2025-12-01' });
      expect(candidateIds([withdrawn], { asOf: '2026-01-01' })).toEqual([]);
      expect(candidateIds([withdrawn])).toEqual([]);
    });

    it('keeps a pledge that was withdrawn only after the as-of date', () => {
      const withdrawn = pledge('gb-1', { announcedOn: '2025-09-01', withdrawnOn: '2025-12-01', status: 'withdrawn' });
      expect(candidateIds([withdrawn], { asOf: '2025-11-30' })).toEqual(['gb-1']);
    });

    it('a pledge withdrawn later counts as announced for the minimum status', () => {
      const withdrawn = pledge('gb-1', { withdrawnOn: '2025-12-01', status: 'withdrawn' });
      expect(candidateIds([withdrawn], { asOf: '2025-11-01', minStatus: 'announced' })).toEqual(['gb-1']);
      expect(selectCandidates([withdrawn], { asOf: '2025-11-01', minStatus: 'committed' }).excluded.get('gb-1')).toEqual({
        kind: 'below_min_status',
        status: 'withdrawn',
        minStatus: 'committed',
      });
    });

    it('excludes a pledge with status withdrawn and no date, at any as-of date', () => {
      const withdrawn = pledge('gb-1', { status: 'withdrawn' });
      expect(selectCandidates([withdrawn]).excluded.get('gb-1')).toEqual({ kind: 'withdrawn' });
      expect(candidateIds([withdrawn], { asOf: '2020-01-01' })).toEqual([]);
    });

    it('excludes a pledge with a past withdrawal date even if its status was not updated', () => {
      const stale = pledge('gb-1', { status: 'committed', withdrawnOn: '2025-12-01' });
      expect(selectCandidates([stale]).excluded.get('gb-1')).toEqual({ kind: 'withdrawn', on: '2025-12-01' });
      expect(candidateIds([stale], { asOf: '2025-11-01' })).toEqual(['gb-1']);
    });
  });

  describe('not yet announced', () => {
    it('excludes pledges announced after the as-of date and keeps those announced on or before it', () => {
      const pledges = [
        pledge('early', { announcedOn: '2025-08-19' }),
        pledge('same-day', { announcedOn: '2025-09-04' }),
        pledge('late', { announcedOn: '2025-09-05' }),
        pledge('undated'),
      ];
      const selection = selectCandidates(pledges, { asOf: '2025-09-04' });
      expect(selection.candidates.map((p) => p.id)).toEqual(['early', 'same-day', 'undated']);
      expect(selection.excluded.get('late')).toEqual({ kind: 'not_yet_announced', announcedOn: '2025-09-05', asOf: '2025-09-04' });
    });

    it('without an as-of date, every recorded pledge is known', () => {
      expect(candidateIds([pledge('future', { announcedOn: '2099-01-01' })])).toEqual(['future']);
    });
  });

  describe('minimum status', () => {
    const statuses: Exclude<PledgeStatus, 'withdrawn'>[] = ['announced', 'offered', 'committed', 'approved', 'delivered'];
    const pledges = statuses.map((status) => pledge(status, { status }));

    it('ranks statuses announced < offered < committed < approved < delivered', () => {
      const ranks = statuses.map((status) => STATUS_RANK[status]);
      expect([...ranks].sort((a, b) => a - b)).toEqual(ranks);
      expect(new Set(ranks).size).toBe(statuses.length);
    });

    it('defaults to announced: every status takes part', () => {
      expect(candidateIds(pledges)).toEqual(statuses);
    });

    it.each(statuses.map((minStatus, i) => [minStatus, statuses.slice(i)] as const))('minStatus %s keeps %j', (minStatus, expected) => {
      const selection = selectCandidates(pledges, { minStatus });
      expect(selection.candidates.map((p) => p.id)).toEqual(expected);
      for (const status of statuses.filter((s) => !expected.includes(s))) {
        expect(selection.excluded.get(status)).toEqual({ kind: 'below_min_status', status, minStatus });
      }
    });
  });

  it('reports each excluded pledge exactly once, with the first reason that applies', () => {
    const pledges = [
      pledge('a', { announcedOn: '2026-03-01', status: 'announced' }),
      pledge('b', { status: 'withdrawn', supersedes: 'c' }),
      pledge('c', { status: 'announced' }),
    ];
    const selection = selectCandidates(pledges, { asOf: '2026-01-01', minStatus: 'committed' });
    expect(selection.candidates).toEqual([]);
    expect(selection.excluded.get('a')?.kind).toBe('not_yet_announced');
    expect(selection.excluded.get('b')?.kind).toBe('withdrawn');
    expect(selection.excluded.get('c')?.kind).toBe('superseded');
    expect(selection.excluded.size).toBe(3);
  });
});
