import { index, pgTable, text } from 'drizzle-orm/pg-core';
import { recordColumns, sourcesColumn } from './columns.js';

export const meetingDecisions = pgTable(
  'meeting_decisions',
  {
    ...recordColumns(),
    meetingId: text('meeting_id').notNull(),
    text: text('text').notNull(),
    pledges: text('pledges').array().notNull().default([]),
    requirements: text('requirements').array().notNull().default([]),
    sources: sourcesColumn(),
  },
  (table) => [index('meeting_decisions_meeting_idx').on(table.meetingId)],
);
