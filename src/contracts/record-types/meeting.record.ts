import { date, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { idSchema, isoDateSchema, MEETING_FORMATS, partyListSchema, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A meeting of the coalition (DESIGN.md §3): date, format, place, who was there in person and online.

export const meetingType = declareRecordType({
  name: 'meetings',
  table: 'meetings',
  description: 'A meeting: date, format, place and who took part in person or online',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the meeting'),
    date: field(isoDateSchema, date('date', { mode: 'string' }).notNull(), { exchange: 'date of the meeting (YYYY-MM-DD)' }),
    format: field(z.enum(MEETING_FORMATS, { error: `must be one of ${MEETING_FORMATS.join(', ')}` }), textColumn('format').notNull(), {
      filter: true,
      exchange: MEETING_FORMATS.join(', '),
    }),
    place: field(text.optional(), textColumn('place'), { filter: true, exchange: 'where it took place' }),
    title: field(text, textColumn('title').notNull(), { exchange: 'title' }),
    inPerson: field(partyListSchema.default([]), textColumn('in_person').array().notNull().default([]), {
      filter: true,
      references: 'parties',
      exchange: 'parties there in person, separated by ;',
    }),
    online: field(partyListSchema.default([]), textColumn('online').array().notNull().default([]), {
      filter: true,
      references: 'parties',
      exchange: 'parties there online, separated by ;',
    }),
    sources: sourcesField(),
  },
  check: (meeting, ctx) => {
    const inPerson = new Set(meeting.inPerson);
    meeting.online.forEach((party, i) => {
      if (inPerson.has(party)) ctx.addIssue({ code: 'custom', path: ['online', i], message: `'${party}' is also listed in person` });
    });
  },
});
