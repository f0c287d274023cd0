import { date, doublePrecision, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { KNOWN_AREAS } from '../../core/areas.js';
import { INCIDENT_KINDS, INCIDENT_SEVERITIES, INCIDENT_STATUSES } from '../../core/incidents/incident-types.js';
import { areaIdSchema, freeTextSchema, idSchema, isoDateSchema, partyIdSchema, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, partsField } from './declare-record-type.js';

// One entry of the monitoring log (DESIGN.md §3, docs/incidents.md): what happened where and when, who reported
// it, and whether it was verified. `verified` is reached only through four-eyes (two coordinators); the service
// keeps `verifiedOn`.

const oneOf = (values: readonly string[]) => ({ error: `must be one of ${values.join(', ')}` });
const PLACE_AREAS = KNOWN_AREAS.filter((area) => area !== 'any');

const incidentAreaSchema = areaIdSchema.refine(
  (area) => PLACE_AREAS.some((known) => area === known || area.startsWith(`${known}.`)),
  `must be one of ${PLACE_AREAS.join(', ')} or an area below one (ua.front.donetsk)`,
);

export const incidentType = declareRecordType({
  name: 'incidents',
  table: 'incidents',
  description: 'An incident of the monitoring log: date, place, kind, severity, who reported it, and its verification status',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the incident'),
    title: field(text, textColumn('title').notNull(), { exchange: 'what happened, in a line' }),
    date: field(isoDateSchema, date('date', { mode: 'string' }).notNull(), { index: true, exchange: 'day it happened (YYYY-MM-DD, UTC)' }),
    time: field(
      z
        .string({ error: 'must be a time HH:MM' })
        .regex(/^([01][0-9]|2[0-3]):[0-5][0-9]$/, 'must be a time HH:MM (00:00–23:59, UTC)')
        .optional(),
      textColumn('time'),
      { exchange: 'time of day (HH:MM, UTC), where known' },
    ),
    area: field(incidentAreaSchema, textColumn('area').notNull(), { filter: true, exchange: `area (${PLACE_AREAS.join(', ')}, or one below them)` }),
    location: partsField(
      z.strictObject({ lat: z.number({ error: 'must be a number' }).min(-90, 'must be -90 to 90').max(90, 'must be -90 to 90'), lon: z.number({ error: 'must be a number' }).min(-180, 'must be -180 to 180').max(180, 'must be -180 to 180') }).optional(),
      { lat: doublePrecision('location_lat'), lon: doublePrecision('location_lon') },
      { together: 'give both lat and lon, or neither', exchange: { lat: 'latitude (WGS 84), where known', lon: 'longitude (WGS 84), where known' } },
    ),
    kind: field(z.enum(INCIDENT_KINDS, oneOf(INCIDENT_KINDS)), textColumn('kind').notNull(), { filter: true, exchange: INCIDENT_KINDS.join(', ') }),
    severity: field(z.enum(INCIDENT_SEVERITIES, oneOf(INCIDENT_SEVERITIES)), textColumn('severity').notNull(), { filter: true, exchange: INCIDENT_SEVERITIES.join(', ') }),
    reportedBy: field(partyIdSchema, textColumn('reported_by').notNull(), { filter: true, references: 'parties', exchange: 'party that reported it' }),
    status: field(z.enum(INCIDENT_STATUSES, oneOf(INCIDENT_STATUSES)).default('reported'), textColumn('status').notNull().default('reported'), {
      filter: true,
      exchange: 'reported, verified, disputed or dismissed (default reported; verified takes two coordinators)',
    }),
    verifiedOn: field(isoDateSchema.optional(), date('verified_on', { mode: 'string' }), { exchange: 'day the verification was confirmed (kept by the service)' }),
    sources: sourcesField(),
    note: field(freeTextSchema().optional(), textColumn('note'), { exchange: 'free text' }),
  },
});
