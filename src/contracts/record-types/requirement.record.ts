import { bigint, boolean, date, integer, text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { areaIdSchema, capabilityIdSchema, freeTextSchema, idSchema, timeWindowSchema, wholeNumber } from '../field-schemas.js';
import { datasetSourcesField, derivedField, idField, localizedField } from './common-fields.js';
import { declareRecordType, field, keyedField, partsField } from './declare-record-type.js';

// What the beneficiary needs (DESIGN.md §3): a capability, a quantity, a priority and an area.

export const requirementType = declareRecordType({
  name: 'requirements',
  table: 'requirements',
  description: 'A capability the beneficiary needs, with a quantity, priority and area',
  exchanged: true,
  fields: {
    id: idField(idSchema, 'unique id of the requirement'),
    name: localizedField('name', 'short name'),
    capability: field(capabilityIdSchema, text('capability').notNull(), {
      filter: true,
      index: true,
      references: 'capabilities',
      exchange: 'capability required (domain.kind)',
    }),
    quantity: field(wholeNumber.nullable(), bigint('quantity', { mode: 'number' }), { exchange: 'quantity required; empty = no public figure' }),
    estimate: field(z.boolean().default(false), boolean('estimate').notNull().default(false), {
      exchange: 'true when the figure is a public estimate (default false)',
    }),
    priority: field(z.number().int().min(1, 'must be 1 (highest) or more').max(99).default(1), integer('priority').notNull().default(1), {
      exchange: '1 = highest (default 1)',
    }),
    area: field(areaIdSchema.default('any'), text('area').notNull().default('any'), {
      filter: true,
      exchange: 'area (ua.rear, ua.front, ua.airspace, black_sea, outside_ua, any; default any)',
    }),
    package: keyedField(idSchema.optional(), 'packageId', text('package_id'), { filter: true, references: 'packages', exchange: 'id of the requirement package' }),
    window: partsField(
      timeWindowSchema.optional(),
      { from: date('window_from', { mode: 'string' }), to: date('window_to', { mode: 'string' }) },
      { exchange: { from: 'start of the time window (YYYY-MM-DD)', to: 'end of the time window (YYYY-MM-DD)' } },
    ),
    title: field(freeTextSchema().optional(), text('title'), { exchange: 'short description' }),
    sources: datasetSourcesField(),
    /** Which figure is used and why, other estimates beside it, caveats. */
    note: field(freeTextSchema().optional(), text('note'), { exchange: 'which figure is used and why, other estimates, caveats' }),
    derived: derivedField(),
  },
});
