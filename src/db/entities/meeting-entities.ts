import { type ActionItem, actionItemSchema, type Meeting, type MeetingDecision, meetingDecisionSchema, meetingSchema } from '../../contracts/records.schema.js';
import { actionItems, meetingDecisions, meetings } from '../schema/index.js';
import { type EntityDefinition, withoutEmpty } from './entity-definition.js';
import { findReferrers, findUnknownReferences, listReferences, referrer } from './funding-entities.js';

// Meetings (date, format, place, who was there in person and online), their decisions and action items,
// linked to pledges and requirements (DESIGN.md §3).

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const meetingEntity: EntityDefinition<Meeting, Row<typeof meetings>> = {
  name: 'meetings',
  table: meetings,
  schema: meetingSchema,
  toRecord: (row) => {
    const record: Meeting = {
      id: row.id,
      date: row.date,
      format: row.format as Meeting['format'],
      title: row.title,
      inPerson: row.inPerson,
      online: row.online,
      sources: row.sources,
    };
    return Object.assign(record, withoutEmpty({ place: row.place }));
  },
  toRow: (record) => ({
    id: record.id,
    date: record.date,
    format: record.format,
    place: record.place ?? null,
    title: record.title,
    inPerson: record.inPerson,
    online: record.online,
    sources: record.sources,
  }),
  filters: {
    format: { column: meetings.format },
    place: { column: meetings.place },
    inPerson: { column: meetings.inPerson, array: true },
    online: { column: meetings.online, array: true },
  },
  async checkReferences(db, { record, deletedId }) {
    if (deletedId !== undefined) {
      return findReferrers(db, 'meeting', deletedId, [
        referrer('meeting-decisions', 'meeting', meetingDecisions, meetingDecisions.meetingId),
        referrer('action-items', 'meeting', actionItems, actionItems.meetingId),
      ]);
    }
    if (!record) return [];
    return findUnknownReferences(db, [
      ['party', listReferences('inPerson', record.inPerson)],
      ['party', listReferences('online', record.online)],
      ['source', listReferences('sources', record.sources)],
    ]);
  },
};

export const meetingDecisionEntity: EntityDefinition<MeetingDecision, Row<typeof meetingDecisions>> = {
  name: 'meeting-decisions',
  table: meetingDecisions,
  schema: meetingDecisionSchema,
  toRecord: (row) => ({
    id: row.id,
    meeting: row.meetingId,
    text: row.text,
    pledges: row.pledges,
    requirements: row.requirements,
    sources: row.sources,
  }),
  toRow: (record) => ({
    id: record.id,
    meetingId: record.meeting,
    text: record.text,
    pledges: record.pledges,
    requirements: record.requirements,
    sources: record.sources,
  }),
  filters: {
    meeting: { column: meetingDecisions.meetingId },
    pledge: { column: meetingDecisions.pledges, array: true },
    requirement: { column: meetingDecisions.requirements, array: true },
  },
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['meeting', [{ path: 'meeting', id: record.meeting }]],
      ['pledge', listReferences('pledges', record.pledges)],
      ['requirement', listReferences('requirements', record.requirements)],
      ['source', listReferences('sources', record.sources)],
    ]);
  },
};

export const actionItemEntity: EntityDefinition<ActionItem, Row<typeof actionItems>> = {
  name: 'action-items',
  table: actionItems,
  schema: actionItemSchema,
  toRecord: (row) => {
    const record: ActionItem = {
      id: row.id,
      meeting: row.meetingId,
      text: row.text,
      status: row.status as ActionItem['status'],
      pledges: row.pledges,
      requirements: row.requirements,
    };
    return Object.assign(record, withoutEmpty({ owner: row.owner, ownerPerson: row.ownerPerson, due: row.due }));
  },
  toRow: (record) => ({
    id: record.id,
    meetingId: record.meeting,
    text: record.text,
    owner: record.owner ?? null,
    ownerPerson: record.ownerPerson ?? null,
    due: record.due ?? null,
    status: record.status,
    pledges: record.pledges,
    requirements: record.requirements,
  }),
  filters: {
    meeting: { column: actionItems.meetingId },
    status: { column: actionItems.status },
    owner: { column: actionItems.owner },
    ownerPerson: { column: actionItems.ownerPerson },
    pledge: { column: actionItems.pledges, array: true },
    requirement: { column: actionItems.requirements, array: true },
  },
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['meeting', [{ path: 'meeting', id: record.meeting }]],
      ['party', record.owner === undefined ? [] : [{ path: 'owner', id: record.owner }]],
      ['pledge', listReferences('pledges', record.pledges)],
      ['requirement', listReferences('requirements', record.requirements)],
    ]);
  },
};

/** Meeting records in load order: meetings before their decisions and action items. */
export const MEETING_ENTITIES = [meetingEntity, meetingDecisionEntity, actionItemEntity] as const;
