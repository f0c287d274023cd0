import { actionItemType } from '../../contracts/record-types/action-item.record.js';
import { meetingDecisionType } from '../../contracts/record-types/meeting-decision.record.js';
import { meetingType } from '../../contracts/record-types/meeting.record.js';
import type { ActionItem, Meeting, MeetingDecision } from '../../contracts/records.schema.js';
import { actionItems, meetingDecisions } from '../schema/index.js';
import { type EntityDefinition, entityOf } from './entity-definition.js';
import { findReferrers, findUnknownReferences, listReferences, referrer } from './funding-entities.js';

// Meetings (date, format, place, who was there in person and online), their decisions and action items,
// linked to pledges and requirements (DESIGN.md §3).

export const meetingEntity: EntityDefinition<Meeting> = entityOf(meetingType, {
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
});

export const meetingDecisionEntity: EntityDefinition<MeetingDecision> = entityOf(meetingDecisionType, {
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['meeting', [{ path: 'meeting', id: record.meeting }]],
      ['pledge', listReferences('pledges', record.pledges)],
      ['requirement', listReferences('requirements', record.requirements)],
      ['source', listReferences('sources', record.sources)],
    ]);
  },
});

export const actionItemEntity: EntityDefinition<ActionItem> = entityOf(actionItemType, {
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['meeting', [{ path: 'meeting', id: record.meeting }]],
      ['party', record.owner === undefined ? [] : [{ path: 'owner', id: record.owner }]],
      ['pledge', listReferences('pledges', record.pledges)],
      ['requirement', listReferences('requirements', record.requirements)],
    ]);
  },
});

/** Meeting records in load order: meetings before their decisions and action items. */
export const MEETING_ENTITIES = [meetingEntity, meetingDecisionEntity, actionItemEntity] as const;
