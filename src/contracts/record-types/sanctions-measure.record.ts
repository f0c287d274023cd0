import { date, integer, jsonb, text as textColumn } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { idSchema, isoDateSchema, partyIdSchema, SANCTIONS_MEASURE_KINDS, SANCTIONS_MEASURE_STATUSES, SANCTIONS_MEASURE_TYPES, strictRecord, text } from '../field-schemas.js';
import { idField, sourcesField } from './common-fields.js';
import { declareRecordType, field, keyedField } from './declare-record-type.js';

// One measure of a sanctions package (DESIGN.md §3): listings, vessels, a sectoral ban, a price cap. Its `type`
// places it in the alignment matrix (docs/sanctions.md); `level`, `appliesFrom` and dated exemptions fill the cell.

/** An exemption from a measure: who, what, and the dates it applies from and ends on (when known). */
export const measureExemptionSchema = strictRecord({
  party: partyIdSchema,
  description: text,
  /** The first day it applies, when known. */
  since: isoDateSchema.optional(),
  /** The day it ends (no longer applies from this day), when known; absent: not ended as far as recorded. */
  until: isoDateSchema.optional(),
}).superRefine((exemption, ctx) => {
  if (exemption.since !== undefined && exemption.until !== undefined && exemption.until < exemption.since) {
    ctx.addIssue({ code: 'custom', path: ['until'], message: `ends (${exemption.until}) before it starts (${exemption.since})` });
  }
});

export const sanctionsMeasureType = declareRecordType({
  name: 'sanctions-measures',
  table: 'sanctions_measures',
  description: 'One measure of a sanctions package',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the measure'),
    package: keyedField(idSchema, 'packageId', textColumn('package_id').notNull(), {
      filter: true,
      index: true,
      references: 'sanctions-packages',
      exchange: 'id of the sanctions package',
    }),
    kind: field(z.enum(SANCTIONS_MEASURE_KINDS, { error: `must be one of ${SANCTIONS_MEASURE_KINDS.join(', ')}` }), textColumn('kind').notNull(), {
      filter: true,
      exchange: SANCTIONS_MEASURE_KINDS.join(', '),
    }),
    type: field(z.enum(SANCTIONS_MEASURE_TYPES, { error: `must be one of ${SANCTIONS_MEASURE_TYPES.join(', ')}` }).optional(), textColumn('type'), {
      filter: true,
      exchange: `its row in the alignment matrix: ${SANCTIONS_MEASURE_TYPES.join(', ')}`,
    }),
    status: field(z.enum(SANCTIONS_MEASURE_STATUSES, { error: `must be one of ${SANCTIONS_MEASURE_STATUSES.join(', ')}` }).default('adopted'), textColumn('status').notNull().default('adopted'), {
      filter: true,
      exchange: 'adopted, proposed or not_adopted (recorded as not having it) (default adopted)',
    }),
    description: field(text, textColumn('description').notNull(), { exchange: 'what the measure does' }),
    count: field(z.number({ error: 'must be a number' }).int('must be a whole number').nonnegative('must not be negative').optional(), integer('count'), {
      exchange: 'how many (listings, vessels)',
    }),
    level: field(text.optional(), textColumn('level'), { exchange: 'its level after it, as stated (USD 47.60/bbl; 444 vessels in total)' }),
    proposedOn: field(isoDateSchema.optional(), date('proposed_on', { mode: 'string' }), { exchange: 'date proposed (YYYY-MM-DD)' }),
    appliesFrom: field(isoDateSchema.optional(), date('applies_from', { mode: 'string' }), {
      exchange: "first day it applies, when later than the package's adoption (YYYY-MM-DD)",
    }),
    exemptions: field(z.array(measureExemptionSchema).default([]), jsonb('exemptions').notNull().default([]), {
      references: 'parties',
      exchange: {
        description: 'exemptions as JSON: [{"party":"CZ","description":"pipeline crude","until":"2025-07-18"}]',
        json: '[{"party": …, "description": …, "since": …, "until": …}]',
      },
    }),
    sources: sourcesField(),
  },
});
