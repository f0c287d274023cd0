import { asc, eq } from 'drizzle-orm';
import ical from 'ical-generator';
import { isUser, type Principal } from '../../core/access/principal.js';
import { buildCalendarEvents } from '../../core/meetings/calendar-events.js';
import { type FollowUpItem, listFollowUp, statusHistory } from '../../core/meetings/follow-up.js';
import type { IsoDate } from '../../core/types.js';
import { actionItemEntity, meetingEntity } from '../../db/entities/meeting-entities.js';
import { partyEntity } from '../../db/entities/dataset-entities.js';
import type { Store } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { auditLog } from '../../db/schema/index.js';

// Following up meetings: action items with their owner, due date and status history (from the audit log), the
// overdue ones on a day the caller names (default today), a delegate's own party first; and the calendar of
// meetings and due dates as iCalendar. Meetings and action items are not confidential: everyone logged in sees them.

export interface ActionItemView extends FollowUpItem {
  history: { at: string; actor: string; from: string | null; to: string | null }[];
}

export interface FollowUpQuery {
  /** The day to judge by (default today). */
  on?: IsoDate | undefined;
  /** Only open items past their due date. */
  overdue?: boolean | undefined;
  /** Put this party's items first (a delegate's own party by default). */
  party?: string | undefined;
}

export class FollowUpService {
  constructor(
    private readonly store: Store,
    private readonly now: () => Date,
  ) {}

  /** Action items in reading order, with their status history; `overdue` keeps the open ones past their due date. */
  async actionItems(principal: Principal, query: FollowUpQuery = {}): Promise<{ on: IsoDate; items: ActionItemView[] }> {
    const on = query.on ?? this.now().toISOString().slice(0, 10);
    const db = this.store.db;
    const items = (await listAllRecords(db, actionItemEntity)).map((entry) => entry.record);
    const meetings = (await listAllRecords(db, meetingEntity)).map((entry) => entry.record);
    const party = query.party ?? (isUser(principal) && principal.role === 'delegate' ? principal.party : null);
    const listed = listFollowUp(items, { today: on, party, meetings: new Map(meetings.map((meeting) => [meeting.id, { date: meeting.date, title: meeting.title }])) });
    const histories = await this.histories();
    const views = listed.map((item) => ({ ...item, history: statusHistory(histories.get(item.id) ?? []) }));
    return { on, items: query.overdue ? views.filter((item) => item.overdue) : views };
  }

  /** The calendar (iCalendar text): every meeting and every open action item's due date. */
  async calendar(): Promise<string> {
    const db = this.store.db;
    const meetings = (await listAllRecords(db, meetingEntity)).map((entry) => entry.record);
    const actionItems = (await listAllRecords(db, actionItemEntity)).map((entry) => entry.record);
    const names = new Map((await listAllRecords(db, partyEntity)).map((entry) => [entry.record.id, entry.record.name.en]));
    const events = buildCalendarEvents({ meetings, actionItems, partyName: (id) => names.get(id) ?? id });
    const calendar = ical({ name: 'Coalition Ledger: meetings and due dates', prodId: { company: 'Coalition Ledger', product: 'coalition-ledger', language: 'EN' }, ttl: 3600 });
    for (const event of events) {
      const start = new Date(`${event.date}T00:00:00Z`);
      calendar.createEvent({
        id: event.uid,
        start,
        end: new Date(start.getTime() + 86_400_000),
        allDay: true,
        stamp: this.now(),
        summary: event.summary,
        description: event.description,
        ...(event.location === null ? {} : { location: event.location }),
        categories: event.categories.map((name) => ({ name })),
      });
    }
    return calendar.toString();
  }

  // Every action item's audited statuses, oldest first.
  private async histories(): Promise<Map<string, { at: string; actor: string; status: string | null }[]>> {
    const rows = await this.store.db
      .select({ entityId: auditLog.entityId, at: auditLog.at, actor: auditLog.actor, after: auditLog.after })
      .from(auditLog)
      .where(eq(auditLog.entity, actionItemEntity.name))
      .orderBy(asc(auditLog.seq));
    const result = new Map<string, { at: string; actor: string; status: string | null }[]>();
    for (const row of rows) {
      const after = row.after as { status?: unknown } | null;
      const status = after && typeof after.status === 'string' ? after.status : null;
      result.set(row.entityId, [...(result.get(row.entityId) ?? []), { at: row.at.toISOString(), actor: row.actor, status }]);
    }
    return result;
  }
}
