import type { IsoDate } from '../types.js';

// The sanctions records as the core reads them (DESIGN.md §3; docs/sanctions.md): packages of a jurisdiction and
// their measures, each measure typed by its row of the alignment matrix. The contracts declare the same shapes.

/** Common jurisdictions, the matrix's default columns in this order; any other upper-case code is accepted too. */
export const SANCTIONS_JURISDICTIONS = ['EU', 'US', 'UK', 'CA', 'JP', 'CH', 'NO', 'AU'] as const;

/** The rows of the alignment matrix: what a measure does, whoever adopts it. */
export const SANCTIONS_MEASURE_TYPES = [
  'oil_embargo',
  'oil_price_cap',
  'refined_products_ban',
  'maritime_services_ban',
  'vessel_listings',
  'lng_ban',
  'bank_bans',
  'listings',
  'export_controls',
  'central_bank_assets',
] as const;
export type SanctionsMeasureType = (typeof SANCTIONS_MEASURE_TYPES)[number];

/** adopted; proposed (not adopted yet); not_adopted (recorded as not having it: the matrix shows "absent"). */
export const SANCTIONS_MEASURE_STATUSES = ['adopted', 'proposed', 'not_adopted'] as const;
export type SanctionsMeasureStatus = (typeof SANCTIONS_MEASURE_STATUSES)[number];

export interface SanctionsPackageInput {
  id: string;
  jurisdiction: string;
  number?: number | undefined;
  adoptedOn?: IsoDate | undefined;
  title: string;
  sources: readonly string[];
}

/** An exemption from a measure, with the day it applies from and the day it ends (no longer applies), when known. */
export interface MeasureExemption {
  party: string;
  description: string;
  since?: IsoDate | undefined;
  until?: IsoDate | undefined;
}

export interface SanctionsMeasureInput {
  id: string;
  package: string;
  type?: SanctionsMeasureType | undefined;
  status: SanctionsMeasureStatus;
  description: string;
  count?: number | undefined;
  level?: string | undefined;
  proposedOn?: IsoDate | undefined;
  appliesFrom?: IsoDate | undefined;
  exemptions: readonly MeasureExemption[];
  sources: readonly string[];
}

/** The sanctions records with the date of each cited source (a record without a date of its own is dated by them). */
export interface SanctionsRecords {
  packages: readonly SanctionsPackageInput[];
  measures: readonly SanctionsMeasureInput[];
  /** Source id → its date. */
  sourceDates: ReadonlyMap<string, IsoDate>;
}
