import { and, eq, ne } from 'drizzle-orm';
import {
  type SanctionsExemption,
  type SanctionsMeasure,
  sanctionsMeasureSchema,
  type SanctionsPackage,
  sanctionsPackageSchema,
} from '../../contracts/records.schema.js';
import { sanctionsMeasures, sanctionsPackages } from '../schema/index.js';
import { type EntityDefinition, withoutEmpty } from './entity-definition.js';
import { findReferrers, findUnknownReferences, listReferences, referrer } from './funding-entities.js';

// Sanctions packages (jurisdiction, number, adoption, alignment, exemptions) and their measures (DESIGN.md §3).

type Row<T extends { $inferSelect: unknown }> = T['$inferSelect'];

export const sanctionsPackageEntity: EntityDefinition<SanctionsPackage, Row<typeof sanctionsPackages>> = {
  name: 'sanctions-packages',
  table: sanctionsPackages,
  schema: sanctionsPackageSchema,
  toRecord: (row) => {
    const record: SanctionsPackage = {
      id: row.id,
      jurisdiction: row.jurisdiction,
      title: row.title,
      alignment: row.alignment,
      exemptions: row.exemptions as SanctionsExemption[],
      sources: row.sources,
    };
    return Object.assign(record, withoutEmpty({ number: row.number, adoptedOn: row.adoptedOn }));
  },
  toRow: (record) => ({
    id: record.id,
    jurisdiction: record.jurisdiction,
    number: record.number ?? null,
    adoptedOn: record.adoptedOn ?? null,
    title: record.title,
    alignment: record.alignment,
    exemptions: record.exemptions,
    sources: record.sources,
  }),
  filters: {
    jurisdiction: { column: sanctionsPackages.jurisdiction },
    alignment: { column: sanctionsPackages.alignment, array: true },
  },
  async checkReferences(db, { record, deletedId }) {
    if (deletedId !== undefined) {
      return findReferrers(db, 'sanctions package', deletedId, [referrer('sanctions-measures', 'package', sanctionsMeasures, sanctionsMeasures.packageId)]);
    }
    if (!record) return [];
    const problems = await findUnknownReferences(db, [
      ['party', listReferences('alignment', record.alignment)],
      ['party', record.exemptions.map((exemption, i) => ({ path: `exemptions[${i}].party`, id: exemption.party }))],
      ['source', listReferences('sources', record.sources)],
    ]);
    if (record.number !== undefined) {
      // A jurisdiction numbers its packages once: a second "EU 19th package" is a mistake.
      const [twin] = await db
        .select({ id: sanctionsPackages.id })
        .from(sanctionsPackages)
        .where(and(eq(sanctionsPackages.jurisdiction, record.jurisdiction), eq(sanctionsPackages.number, record.number), ne(sanctionsPackages.id, record.id)));
      if (twin) problems.push({ path: 'number', message: `${record.jurisdiction} package number ${record.number} is already sanctions-packages '${twin.id}'` });
    }
    return problems;
  },
};

export const sanctionsMeasureEntity: EntityDefinition<SanctionsMeasure, Row<typeof sanctionsMeasures>> = {
  name: 'sanctions-measures',
  table: sanctionsMeasures,
  schema: sanctionsMeasureSchema,
  toRecord: (row) => {
    const record: SanctionsMeasure = {
      id: row.id,
      package: row.packageId,
      kind: row.kind as SanctionsMeasure['kind'],
      description: row.description,
      sources: row.sources,
    };
    return Object.assign(record, withoutEmpty({ count: row.count }));
  },
  toRow: (record) => ({
    id: record.id,
    packageId: record.package,
    kind: record.kind,
    description: record.description,
    count: record.count ?? null,
    sources: record.sources,
  }),
  filters: { package: { column: sanctionsMeasures.packageId }, kind: { column: sanctionsMeasures.kind } },
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['sanctions package', [{ path: 'package', id: record.package }]],
      ['source', listReferences('sources', record.sources)],
    ]);
  },
};

/** Sanctions records in load order: packages before their measures. */
export const SANCTIONS_ENTITIES = [sanctionsPackageEntity, sanctionsMeasureEntity] as const;
