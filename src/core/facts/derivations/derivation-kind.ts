import type { Incident } from '../../incidents/incident-types.js';
import type { SanctionsRecords } from '../../sanctions/sanctions-types.js';
import type { FactValue, IsoDate } from '../../types.js';

// What every kind of fact derivation shares (docs/incidents.md, "Derived facts"): the records a derivation may
// read, and the value it gives for a date with the records it rests on. One file per kind beside this one; the
// registry (registry.ts) lists them.

/**
 * The records derivations read, loaded by the service (src/services/facts/load-derivation-records.ts). A kind that
 * needs another collection adds it here and there.
 */
export interface DerivationRecords {
  incidents: readonly Incident[];
  /** Sanctions packages, measures and their sources' dates (`sanctions_exemptions_ended`); absent: none. */
  sanctions?: SanctionsRecords;
}

/** One record a derived value rests on. */
export interface DerivationBasis {
  /** Its collection (`incidents`). */
  collection: string;
  id: string;
  /** Its own date (the day the incident happened). */
  date: IsoDate;
  title?: string;
  /** When it was confirmed (an incident's verification by the second coordinator). */
  confirmedOn?: IsoDate;
}

/** A derived fact's value at a date: the value, the day from which it holds, and what it rests on. */
export interface DerivedFactValue {
  value: FactValue;
  /** The first day of the period the value holds in (null: it holds on every earlier day too). */
  since: IsoDate | null;
  /** The records it rests on, oldest first. */
  basis: DerivationBasis[];
}

/** One kind of derivation: `P` is its declaration (`{kind, …parameters}`). */
export interface DerivationKind<P extends { kind: string }> {
  kind: P['kind'];
  /**
   * The value at the end of `at` (undefined: on all records, whatever their date), or null when the records decide
   * nothing on that day (the fact keeps its recorded value).
   */
  evaluate(params: P, records: DerivationRecords, at: IsoDate | undefined): DerivedFactValue | null;
}
