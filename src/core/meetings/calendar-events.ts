import type { IsoDate } from '../types.js';
import { ownerLabel } from './follow-up.js';

// The events of the coalition's calendar (GET /api/calendar.ics): every meeting, and the due date of every
// open action item, as all-day events with stable ids (a calendar program updates them in place). Pure.

export interface CalendarEvent {
  /** Stable across feeds: `meeting-<id>@coalition-ledger`, `action-<id>@coalition-ledger`. */
  uid: string;
  date: IsoDate;
  summary: string;
  description: string;
  location: string | null;
  categories: string[];
}

export interface CalendarInput {
  meetings: readonly { id: string; date: IsoDate; title: string; format: string; place?: string | undefined; inPerson: readonly string[]; online: readonly string[] }[];
  actionItems: readonly { id: string; meeting: string; text: string; owner?: string | undefined; ownerPerson?: string | undefined; due?: IsoDate | undefined; status: string }[];
  /** A party's display name (English), for the participants. */
  partyName: (id: string) => string;
}

/** The calendar's events, by date then id. */
export function buildCalendarEvents(input: CalendarInput): CalendarEvent[] {
  const titles = new Map(input.meetings.map((meeting) => [meeting.id, meeting.title]));
  const events: CalendarEvent[] = input.meetings.map((meeting) => {
    const lines = [`Format: ${meeting.format}`];
    if (meeting.inPerson.length > 0) lines.push(`In person: ${meeting.inPerson.map(input.partyName).join(', ')}`);
    if (meeting.online.length > 0) lines.push(`Online: ${meeting.online.map(input.partyName).join(', ')}`);
    return { uid: `meeting-${meeting.id}@coalition-ledger`, date: meeting.date, summary: meeting.title, description: lines.join('\n'), location: meeting.place ?? null, categories: ['meeting'] };
  });
  for (const item of input.actionItems) {
    if (item.status !== 'open' || item.due === undefined) continue;
    const owner = ownerLabel(item);
    events.push({
      uid: `action-${item.id}@coalition-ledger`,
      date: item.due,
      summary: `Due: ${item.text}`,
      description: [`Action item of ${titles.get(item.meeting) ?? item.meeting}`, owner === null ? 'Owner: not named' : `Owner: ${owner}`].join('\n'),
      location: null,
      categories: ['action item'],
    });
  }
  return events.sort((a, b) => a.date.localeCompare(b.date) || a.uid.localeCompare(b.uid));
}
