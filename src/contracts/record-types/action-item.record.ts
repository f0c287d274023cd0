import { date, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { ACTION_ITEM_STATUSES, idSchema, isoDateSchema, partyIdSchema, text } from '../field-schemas.js';
import { concernsField, idField } from './common-fields.js';
import { declareRecordType, field, keyedField } from './declare-record-type.js';

// Something a meeting asked someone to do (DESIGN.md §3): an owner, a due date, a status.

export const actionItemType = declareRecordType({
  name: 'action-items',
  table: 'action_items',
  description: 'A task a meeting gave a party or person, with a due date and status',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the action item'),
    meeting: keyedField(idSchema, 'meetingId', textColumn('meeting_id').notNull(), { filter: true, index: true, references: 'meetings', exchange: 'id of the meeting' }),
    text: field(text, textColumn('text').notNull(), { exchange: 'what is to be done' }),
    /** The party that owns the item. */
    owner: field(partyIdSchema.optional(), textColumn('owner'), { filter: true, references: 'parties', exchange: 'party that owns it' }),
    /** The person who owns it (a name or office, e.g. 'NSDC Secretary Umerov'), with or without a party. */
    ownerPerson: field(text.max(200, 'must be at most 200 characters').optional(), textColumn('owner_person'), {
      filter: true,
      exchange: 'person (name or office) that owns it',
    }),
    due: field(isoDateSchema.optional(), date('due', { mode: 'string' }), { exchange: 'due date (YYYY-MM-DD)' }),
    status: field(
      z.enum(ACTION_ITEM_STATUSES, { error: `must be one of ${ACTION_ITEM_STATUSES.join(', ')}` }).default('open'),
      textColumn('status').notNull().default('open'),
      { filter: true, exchange: `${ACTION_ITEM_STATUSES.join(', ')} (default open)` },
    ),
    pledges: concernsField('pledges'),
    requirements: concernsField('requirements'),
  },
});
