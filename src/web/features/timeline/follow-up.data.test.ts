import { describe, expect, it } from 'vitest';
import { describeHistory, type FollowUpItem, followUpPath, itemsByMeeting, openItems, ownerOf } from './follow-up.data.js';

const item = (id: string, extra: Partial<FollowUpItem> = {}): FollowUpItem => ({
  id,
  meeting: 'paris',
  meetingDate: '2026-01-06',
  meetingTitle: 'Paris',
  text: id,
  status: 'open',
  overdue: false,
  daysOverdue: 0,
  ownParty: false,
  history: [],
  ...extra,
});

describe('follow-up on the timeline', () => {
  it('keeps the open items in the API order and counts the overdue ones', () => {
    const items = [item('own', { ownParty: true }), item('late', { overdue: true, daysOverdue: 3 }), item('done', { status: 'done' }), item('later')];
    const open = openItems(items);
    expect(open.items.map((entry) => entry.id)).toEqual(['own', 'late', 'later']);
    expect(open.overdue).toBe(1);
    expect([...itemsByMeeting([...items, item('kyiv-1', { meeting: 'kyiv' })])].map(([meeting, list]) => [meeting, list.length])).toEqual([
      ['paris', 4],
      ['kyiv', 1],
    ]);
  });

  it('names the owner by person and party name, and writes the status history', () => {
    const names = (id: string) => ({ DE: 'Germany', UA: 'Ukraine' })[id] ?? id;
    expect(ownerOf(item('a', { owner: 'DE' }), names)).toBe('Germany');
    expect(ownerOf(item('a', { owner: 'UA', ownerPerson: 'NSDC Secretary Umerov' }), names)).toBe('NSDC Secretary Umerov (Ukraine)');
    expect(ownerOf(item('a'), names)).toBeNull();
    const history = [
      { at: '2026-01-06T10:00:00Z', actor: 'demo', from: null, to: 'open' },
      { at: '2026-02-01T09:00:00Z', actor: 'coordinator', from: 'open', to: 'done' },
    ];
    expect(describeHistory(item('a', { history }), (status) => status.toUpperCase())).toBe('OPEN → DONE (2026-02-01)');
    expect(followUpPath('2026-03-01')).toBe('/api/follow-up?on=2026-03-01');
    expect(followUpPath(undefined)).toBe('/api/follow-up');
  });
});
