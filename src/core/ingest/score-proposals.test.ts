import { describe, expect, it } from 'vitest';
import { scoreArticle } from './score-proposals.js';
import type { Proposal } from './types.js';

const pledge = (party: string, domain: 'land' | 'air', negative = false, conditions: string[] = []): Proposal => ({
  kind: 'pledge', party, domain, quantity: null, unit: null, conditions: conditions as never[], negative, quote: 'q',
});
const meeting = (date: string | null, format: 'leaders' | 'nsa' = 'leaders'): Proposal => ({
  kind: 'meeting', date, format, place: null, online: [], participants: [], quote: 'q',
});

describe('scoring as ANNOTATION.md says', () => {
  it('matches one-to-one on key fields and drops extras that match optional entries', () => {
    const score = scoreArticle({
      article: 'q',
      proposals: [pledge('DE', 'land'), pledge('DE', 'land'), pledge('FR', 'land'), pledge('US', 'air', true)],
      gold: { proposals: [pledge('DE', 'land'), pledge('US', 'air')], optional: [pledge('FR', 'land')] },
    });
    expect(score.perKind.pledge).toEqual({ matched: 1, proposed: 3, gold: 2 });
    expect(score.missedGold).toEqual([pledge('US', 'air')]);
  });
  it('lets a null gold key match anything and pairs ties by secondary fields', () => {
    const score = scoreArticle({
      article: 'q',
      proposals: [meeting('2025-01-02', 'nsa'), meeting(null, 'leaders')],
      gold: { proposals: [meeting(null, 'leaders'), meeting(null, 'nsa')] },
    });
    expect(score.perKind.meeting).toEqual({ matched: 2, proposed: 2, gold: 2 });
    expect(score.fields['meeting.format']).toEqual({ agree: 2, total: 2 });
  });
  it('counts quotes that are not verbatim', () => {
    expect(scoreArticle({ article: 'x', proposals: [pledge('DE', 'land')], gold: { proposals: [] } }).badQuotes).toBe(1);
  });
});
