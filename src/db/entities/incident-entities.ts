import { incidentType } from '../../contracts/record-types/incident.record.js';
import type { RecordOf } from '../../contracts/record-types/declare-record-type.js';
import { type EntityDefinition, entityOf } from './entity-definition.js';
import { findUnknownReferences, listReferences } from './funding-entities.js';

// The monitoring log (docs/incidents.md): an incident names the party that reported it and the sources it cites.

export type IncidentRecord = RecordOf<typeof incidentType>;

export const incidentEntity: EntityDefinition<IncidentRecord> = entityOf(incidentType, {
  async checkReferences(db, { record }) {
    if (!record) return [];
    return findUnknownReferences(db, [
      ['party', [{ path: 'reportedBy', id: record.reportedBy }]],
      ['source', listReferences('sources', record.sources)],
    ]);
  },
});
