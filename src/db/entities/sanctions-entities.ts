import { and, eq, ne } from 'drizzle-orm';
import { sanctionsMeasureType } from '../../contracts/record-types/sanctions-measure.record.js';
import { sanctionsPackageType } from '../../contracts/record-types/sanctions-package.record.js';
import type { SanctionsMeasure, SanctionsPackage } from '../../contracts/records.schema.js';
import { sanctionsMeasures, sanctionsPackages } from '../schema/index.js';
import { type EntityDefinition, entityOf } from './entity-definition.js';
import { findReferrers, findUnknownReferences, listReferences, referrer } from './funding-entities.js';

// Sanctions packages (jurisdiction, number, adoption, alignment, exemptions) and their measures (DESIGN.md §3).

export const sanctionsPackageEntity: EntityDefinition<SanctionsPackage> = entityOf(sanctionsPackageType, {
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
});

export const sanctionsMeasureEntity: EntityDefinition<SanctionsMeasure> = entityOf(sanctionsMeasureType, {
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['sanctions package', [{ path: 'package', id: record.package }]],
      ['party', record.exemptions.map((exemption, i) => ({ path: `exemptions[${i}].party`, id: exemption.party }))],
      ['source', listReferences('sources', record.sources)],
    ]);
  },
});

/** Sanctions records in load order: packages before their measures. */
export const SANCTIONS_ENTITIES = [sanctionsPackageEntity, sanctionsMeasureEntity] as const;
