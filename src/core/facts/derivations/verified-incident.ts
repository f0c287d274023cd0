import type { IncidentKind } from '../../incidents/incident-types.js';
import type { IsoDate } from '../../types.js';
import type { DerivationBasis, DerivationKind } from './derivation-kind.js';

// `verified_incident`: the fact is true from the date of the earliest verified incident of one of the given kinds
// (on or after `after`, the ceasefire's first day, when the model has one). Before that day, and with no such
// incident, the fact keeps its recorded value. Reported, disputed and dismissed incidents count for nothing.

export interface VerifiedIncidentDerivation {
  kind: 'verified_incident';
  /** The incident kinds that count (the violating ones). */
  kinds: IncidentKind[];
  /** Only incidents on or after this day count (a ceasefire's first day). */
  after?: IsoDate;
}

export const verifiedIncidentKind: DerivationKind<VerifiedIncidentDerivation> = {
  kind: 'verified_incident',
  evaluate(params, records, at) {
    const kinds = new Set<string>(params.kinds);
    const basis: DerivationBasis[] = [];
    for (const incident of records.incidents) {
      if (incident.status !== 'verified' || !kinds.has(incident.kind)) continue;
      if (params.after !== undefined && incident.date < params.after) continue;
      if (at !== undefined && incident.date > at) continue;
      basis.push({
        collection: 'incidents',
        id: incident.id,
        date: incident.date,
        title: incident.title,
        ...(incident.verifiedOn !== undefined ? { confirmedOn: incident.verifiedOn } : {}),
      });
    }
    if (basis.length === 0) return null;
    basis.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    return { value: true, since: (basis[0] as DerivationBasis).date, basis };
  },
};
