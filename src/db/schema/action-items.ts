import { date, index, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns } from './columns.js';

export const actionItems = pgTable(
  'action_items',
  {
    ...recordColumns(),
    meetingId: text('meeting_id').notNull(),
    text: text('text').notNull(),
    owner: text('owner'),
    /** A person (name or office) owning the item, besides or instead of a party. */
    ownerPerson: text('owner_person'),
    due: date('due', { mode: 'string' }),
    /** open, done, dropped. */
    status: text('status').notNull().default('open'),
    pledges: text('pledges').array().notNull().default([]),
    requirements: text('requirements').array().notNull().default([]),
  },
  (table) => [index('action_items_meeting_idx').on(table.meetingId)],
);
