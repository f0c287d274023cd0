import { bigint, date, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import {
  areaIdSchema,
  capabilityIdSchema,
  confidentialitySchema,
  freeTextSchema,
  guaranteeSchema,
  idSchema,
  isoDateSchema,
  partyIdSchema,
  pledgeStatusSchema,
  quantitySchema,
  timeWindowSchema,
} from '../field-schemas.js';
import { datasetSourcesField, derivedField, idField } from './common-fields.js';
import { declareRecordType, field, partsField } from './declare-record-type.js';

// A party's conditional offer of a capability (DESIGN.md §3), written by the party's delegates.

export const pledgeType = declareRecordType({
  name: 'pledges',
  table: 'pledges',
  description: "A party's conditional pledge of a capability",
  exchanged: true,
  confidential: true,
  fields: {
    id: idField(idSchema, 'unique id of the pledge (letters, digits, _ . : -)'),
    party: field(partyIdSchema, text('party').notNull(), {
      filter: true,
      index: true,
      references: 'parties',
      exchange: 'party making the pledge (ISO 3166-1 alpha-2 or EU, EUCO, NATO)',
    }),
    capability: field(capabilityIdSchema, text('capability').notNull(), {
      filter: true,
      index: true,
      references: 'capabilities',
      exchange: 'capability pledged (domain.kind, e.g. land.personnel)',
    }),
    quantity: partsField(
      quantitySchema.nullable().default(null),
      { min: bigint('quantity_min', { mode: 'number' }), max: bigint('quantity_max', { mode: 'number' }) },
      {
        together: 'give both quantity_min and quantity_max (the same figure twice for a single number), or neither',
        exchange: {
          min: 'lower end of the quantity; empty with quantity_max empty = no figure given',
          max: 'upper end of the quantity (equal to quantity_min for a single figure)',
        },
      },
    ),
    areas: field(z.array(areaIdSchema).min(1, 'must name at least one area').default(['any']), text('areas').array().notNull().default(['any']), {
      exchange: 'allowed areas, separated by ; (default any)',
    }),
    window: partsField(
      timeWindowSchema.optional(),
      { from: date('window_from', { mode: 'string' }), to: date('window_to', { mode: 'string' }) },
      { exchange: { from: 'start of the time window (YYYY-MM-DD)', to: 'end of the time window (YYYY-MM-DD)' } },
    ),
    status: field(pledgeStatusSchema.default('committed'), text('status').notNull(), {
      filter: true,
      exchange: 'announced, offered, committed, approved, delivered or withdrawn (default committed)',
    }),
    supersedes: field(idSchema.optional(), text('supersedes'), { references: 'pledges', exchange: 'id of the pledge this revision replaces' }),
    announcedOn: field(isoDateSchema.optional(), date('announced_on', { mode: 'string' }), { exchange: 'date announced (YYYY-MM-DD)' }),
    withdrawnOn: field(isoDateSchema.optional(), date('withdrawn_on', { mode: 'string' }), { exchange: 'date withdrawn (YYYY-MM-DD)' }),
    confidentiality: field(confidentialitySchema.default('coalition'), text('confidentiality').notNull().default('coalition'), {
      filter: true,
      exchange: 'public, coalition, restricted or bilateral (default coalition)',
    }),
    sharedWith: field(z.array(partyIdSchema).optional(), text('shared_with').array(), {
      references: 'parties',
      exchange: 'parties a bilateral pledge is shared with, separated by ;',
    }),
    condition: field(freeTextSchema(4000).default('true'), text('condition').notNull().default('true'), {
      exchange: 'condition (DESIGN.md §4), e.g. ceasefire and us_backstop (default true)',
    }),
    sources: datasetSourcesField(),
    note: field(freeTextSchema().optional(), text('note'), { exchange: 'free text' }),
    /** Why the position may no longer hold (e.g. one report of April 2025 not restated since); absent: current. */
    stale: field(freeTextSchema(2000).min(1).optional(), text('stale'), { exchange: 'why the position may no longer hold (empty: current)' }),
    guarantee: partsField(
      guaranteeSchema.optional(),
      { trigger: text('guarantee_trigger'), responses: text('guarantee_responses').array(), responseTime: text('guarantee_response_time') },
      {
        together: 'give guarantee_trigger, guarantee_responses and guarantee_response_time together (a guarantee commitment), or none',
        exchange: {
          trigger: 'guarantee commitment: the fact whose turning true activates it (e.g. violation); the condition must require it',
          responses: 'guarantee commitment: response kinds, separated by ; (military, intelligence, air_defence, sanctions, financial, diplomatic; or unstated)',
          responseTime: "guarantee commitment: 'not stated' or a duration such as '72 hours' or '7 days'",
        },
      },
    ),
    derived: derivedField(),
  },
});
