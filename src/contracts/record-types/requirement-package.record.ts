import { text } from 'drizzle-orm/pg-core';
import { freeTextSchema, idSchema } from '../field-schemas.js';
import { datasetSourcesField, idField, localizedField } from './common-fields.js';
import { declareRecordType, field } from './declare-record-type.js';

// A package of requirements (DESIGN.md §3), e.g. a reassurance force.

export const requirementPackageType = declareRecordType({
  name: 'packages',
  table: 'requirement_packages',
  description: 'A package of requirements',
  fields: {
    id: idField(idSchema, 'unique id of the package'),
    name: localizedField('name', 'short name'),
    title: field(freeTextSchema().min(1), text('title').notNull(), { exchange: 'title' }),
    description: field(freeTextSchema().optional(), text('description'), { exchange: 'free text' }),
    sources: datasetSourcesField(),
  },
});
