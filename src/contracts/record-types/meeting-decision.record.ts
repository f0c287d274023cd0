import { text as textColumn } from 'drizzle-orm/pg-core';
import { idSchema, text } from '../field-schemas.js';
import { concernsField, idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, keyedField } from './declare-record-type.js';

// A decision taken at a meeting (DESIGN.md §3), linked to the pledges and requirements it concerns.

export const meetingDecisionType = declareRecordType({
  name: 'meeting-decisions',
  table: 'meeting_decisions',
  description: 'A decision taken at a meeting, linked to pledges and requirements',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the decision'),
    meeting: keyedField(idSchema, 'meetingId', textColumn('meeting_id').notNull(), { filter: true, index: true, references: 'meetings', exchange: 'id of the meeting' }),
    text: field(text, textColumn('text').notNull(), { exchange: 'what was decided' }),
    pledges: concernsField('pledges'),
    requirements: concernsField('requirements'),
    sources: sourcesField(),
  },
});
