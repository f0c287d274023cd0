import type { DerivationRecords } from '../../core/facts/derivations/derivation-kind.js';
import type { Incident } from '../../core/incidents/incident-types.js';
import { sourceEntity } from '../../db/entities/dataset-entities.js';
import { incidentEntity } from '../../db/entities/incident-entities.js';
import { sanctionsMeasureEntity, sanctionsPackageEntity } from '../../db/entities/sanctions-entities.js';
import type { Database } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';

// The records fact derivations read (DerivationRecords), as they stand in the store now. Time travel evaluates a
// derivation at its date on these: an incident verified today about last week counts from last week (its own
// date decides), which is what "was the ceasefire violated by then" asks (docs/incidents.md); likewise a sanctions
// exemption counts from its own dates (docs/sanctions.md).

/** Read every record the derivations may read. */
export async function loadDerivationRecords(db: Database): Promise<DerivationRecords> {
  const incidents: Incident[] = (await listAllRecords(db, incidentEntity)).map((item) => item.record);
  const packages = (await listAllRecords(db, sanctionsPackageEntity)).map((item) => item.record);
  const measures = (await listAllRecords(db, sanctionsMeasureEntity)).map((item) => item.record);
  const sourceDates = new Map((await listAllRecords(db, sourceEntity)).map((item) => [item.record.id, item.record.date]));
  return { incidents, sanctions: { packages, measures, sourceDates } };
}
