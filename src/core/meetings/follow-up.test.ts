import { describe, expect, it } from 'vitest';
import { buildCalendarEvents } from './calendar-events.js';
import { type ActionItemInput, groupByOwner, isOverdue, listFollowUp, statusHistory } from './follow-up.js';

// Following up action items on a day passed in: overdue, reading order (own party first), owners, status
// history; and the calendar's events.

const item = (id: string, extra: Partial<ActionItemInput> = {}): ActionItemInput => ({ id, meeting: 'm1', text: `do ${id}`, status: 'open', ...extra });
const meetings = new Map([['m1', { date: '2026-01-06', title: 'Paris' }]]);

describe('follow-up', () => {
  it('an open item is overdue from the day after its due date; done, dropped and undated ones never are', () => {
    expect(isOverdue({ status: 'open', due: '2026-01-10' }, '2026-01-10')).toBe(false);
    expect(isOverdue({ status: 'open', due: '2026-01-10' }, '2026-01-11')).toBe(true);
    expect(isOverdue({ status: 'done', due: '2026-01-10' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'dropped', due: '2026-01-10' }, '2026-02-01')).toBe(false);
    expect(isOverdue({ status: 'open' }, '2030-01-01')).toBe(false);
  });

  it("lists the caller's party first, then overdue, then by due date, with days overdue and the meeting", () => {
    const items = [
      item('a', { owner: 'FR', due: '2026-01-20' }),
      item('b', { owner: 'GB', due: '2026-01-08' }),
      item('c', { owner: 'DE', due: '2026-03-01' }),
      item('d', { ownerPerson: 'Umerov' }),
      item('e', { owner: 'FR', due: '2026-01-09', status: 'done' }),
    ];
    const listed = listFollowUp(items, { today: '2026-01-15', party: 'DE', meetings });
    expect(listed.map((entry) => entry.id)).toEqual(['c', 'b', 'e', 'a', 'd']);
    expect(listed[1]).toMatchObject({ overdue: true, daysOverdue: 7, meetingTitle: 'Paris', meetingDate: '2026-01-06', ownParty: false });
    expect(listed[0]?.ownParty).toBe(true);
    expect(listFollowUp(items, { today: '2026-01-15', meetings }).map((entry) => entry.id)).toEqual(['b', 'e', 'a', 'c', 'd']);
  });

  it('groups by owner (party and person), unowned last', () => {
    const groups = groupByOwner([item('a'), item('b', { owner: 'FR' }), item('c', { owner: 'FR', ownerPerson: 'Élysée' }), item('d', { owner: 'FR' })]);
    expect(groups.map((group) => [group.owner, group.items.map((entry) => entry.id)])).toEqual([
      ['FR', ['b', 'd']],
      ['FR (Élysée)', ['c']],
      [null, ['a']],
    ]);
  });

  it('keeps the status changes of the audited versions only', () => {
    const history = statusHistory([
      { at: '1', actor: 'x', status: 'open' },
      { at: '2', actor: 'y', status: 'open' },
      { at: '3', actor: 'z', status: 'done' },
      { at: '4', actor: 'z', status: null },
    ]);
    expect(history).toEqual([
      { at: '1', actor: 'x', from: null, to: 'open' },
      { at: '3', actor: 'z', from: 'open', to: 'done' },
      { at: '4', actor: 'z', from: 'done', to: null },
    ]);
  });

  it('puts every meeting and every open dated action item in the calendar', () => {
    const events = buildCalendarEvents({
      meetings: [{ id: 'm1', date: '2026-01-06', title: 'Paris', format: 'leaders', place: 'Paris', inPerson: ['FR'], online: ['US'] }],
      actionItems: [item('a', { due: '2026-02-01', owner: 'GB' }), item('b', { due: '2026-02-02', status: 'done' }), item('c')],
      partyName: (id) => ({ FR: 'France', US: 'United States' })[id] ?? id,
    });
    expect(events.map((event) => event.uid)).toEqual(['meeting-m1@coalition-ledger', 'action-a@coalition-ledger']);
    expect(events[0]?.description).toBe('Format: leaders\nIn person: France\nOnline: United States');
    expect(events[1]).toMatchObject({ date: '2026-02-01', summary: 'Due: do a', description: 'Action item of Paris\nOwner: GB' });
  });
});
