import { text } from 'drizzle-orm/pg-core';
import { z } from 'zod';
import { capabilityIdSchema, localizedNameSchema } from '../field-schemas.js';
import { idField } from './common-fields.js';
import { declareRecordType, field, partsField } from './declare-record-type.js';

// A kind of contribution a requirement asks for and a pledge offers (DESIGN.md §3), counted in one unit.

export const capabilityType = declareRecordType({
  name: 'capabilities',
  table: 'capabilities',
  description: 'A capability that requirements ask for and pledges offer',
  fields: {
    id: idField(capabilityIdSchema, 'domain.kind in lower case (land.personnel)'),
    unit: field(z.enum(['persons', 'units', 'platforms', 'systems', 'rounds', 'money', 'sites']), text('unit').notNull(), {
      filter: true,
      exchange: 'persons, units, platforms, systems, rounds, money or sites',
    }),
    name: partsField(localizedNameSchema, { en: text('name_en').notNull(), de: text('name_de').notNull() }, { exchange: { en: 'name in English', de: 'name in German' } }),
  },
});
