import type { IsoDate } from '../types.js';
import type { MeasureExemption, SanctionsMeasureInput, SanctionsPackageInput } from './sanctions-types.js';

// The dates of sanctions records (docs/sanctions.md, "Dates"). A measure is dated by its own date (proposed on,
// applies from), else its package's adoption; a record without a date of its own is dated by its earliest cited
// source, and says so (`basis: 'source'`), so that time travel and the timeline can place it without inventing a
// date. Pure.

/** A date and what it is: the day it applies from, was adopted, was proposed, or the date of its earliest source. */
export interface DatedOn {
  date: IsoDate;
  basis: 'applies' | 'adopted' | 'proposed' | 'source';
}

/** The earliest date of the cited sources (null when none has one). */
export function earliestSourceDate(sources: readonly string[], sourceDates: ReadonlyMap<string, IsoDate>): IsoDate | null {
  let earliest: IsoDate | null = null;
  for (const id of sources) {
    const date = sourceDates.get(id);
    if (date !== undefined && (earliest === null || date < earliest)) earliest = date;
  }
  return earliest;
}

/** When a package became known: its adoption, else its earliest source; null when neither has a date. */
export function packageKnownOn(pkg: SanctionsPackageInput, sourceDates: ReadonlyMap<string, IsoDate>): DatedOn | null {
  if (pkg.adoptedOn !== undefined) return { date: pkg.adoptedOn, basis: 'adopted' };
  const source = earliestSourceDate(pkg.sources, sourceDates);
  return source === null ? null : { date: source, basis: 'source' };
}

/**
 * When a measure became known: a proposal when proposed; an adopted measure with its package's adoption (or, when the
 * package has none, the day it applies from); else its earliest source, then its package's. Null: no date at all.
 */
export function measureKnownOn(measure: SanctionsMeasureInput, pkg: SanctionsPackageInput | undefined, sourceDates: ReadonlyMap<string, IsoDate>): DatedOn | null {
  if (measure.status === 'proposed' && measure.proposedOn !== undefined) return { date: measure.proposedOn, basis: 'proposed' };
  if (measure.status !== 'proposed' && pkg?.adoptedOn !== undefined) return { date: pkg.adoptedOn, basis: 'adopted' };
  if (measure.status === 'adopted' && measure.appliesFrom !== undefined) return { date: measure.appliesFrom, basis: 'applies' };
  const source = earliestSourceDate(measure.sources, sourceDates);
  if (source !== null) return { date: source, basis: 'source' };
  return pkg === undefined ? null : packageKnownOn(pkg, sourceDates);
}

/** When an adopted measure applies: from its own date, else from its package's adoption, else as it became known. */
export function measureAppliesOn(measure: SanctionsMeasureInput, pkg: SanctionsPackageInput | undefined, sourceDates: ReadonlyMap<string, IsoDate>): DatedOn | null {
  if (measure.appliesFrom !== undefined) return { date: measure.appliesFrom, basis: 'applies' };
  return measureKnownOn(measure, pkg, sourceDates);
}

/** Whether a dated record was known at the end of `asOf` (an undated one always is). */
export function knownBy(dated: DatedOn | null, asOf: IsoDate | undefined): boolean {
  return asOf === undefined || dated === null || dated.date <= asOf;
}

/** Whether an exemption was recorded by `asOf` (one without a start counts with its measure). */
export function exemptionKnownBy(exemption: MeasureExemption, asOf: IsoDate | undefined): boolean {
  return asOf === undefined || exemption.since === undefined || exemption.since <= asOf;
}

/** Whether an exemption had ended by the end of `asOf` (never, without an end date). */
export function exemptionEndedBy(exemption: MeasureExemption, asOf: IsoDate | undefined): boolean {
  if (exemption.until === undefined) return false;
  return asOf === undefined || exemption.until <= asOf;
}

/**
 * The packages and measures known by the end of `asOf` (time travel's rule for records entered later about earlier
 * events: their own dates decide). A package counts once it, or one of its measures, is known (an undated package
 * whose proposal is dated).
 */
export function selectKnownSanctions<P extends SanctionsPackageInput, M extends SanctionsMeasureInput>(
  records: { packages: readonly P[]; measures: readonly M[]; sourceDates: ReadonlyMap<string, IsoDate> },
  asOf: IsoDate,
): { packages: P[]; measures: M[] } {
  const packages = new Map(records.packages.map((pkg) => [pkg.id, pkg]));
  const measures = records.measures.filter((measure) => knownBy(measureKnownOn(measure, packages.get(measure.package), records.sourceDates), asOf));
  const withMeasures = new Set(measures.map((measure) => measure.package));
  return { packages: records.packages.filter((pkg) => withMeasures.has(pkg.id) || knownBy(packageKnownOn(pkg, records.sourceDates), asOf)), measures };
}
