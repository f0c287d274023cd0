import type { IsoDate } from '../types.js';
import { type DatedOn, exemptionKnownBy, knownBy, measureKnownOn, packageKnownOn } from './sanctions-dates.js';
import type { SanctionsMeasureType, SanctionsRecords } from './sanctions-types.js';

// The sanctions timeline (docs/sanctions.md): packages adopted, measures proposed or applying later than their
// package, exemptions beginning and ending — each dated, known by the end of `asOf`, oldest first. A package without
// a date of its own is placed at its earliest source's date and says so (`basis: 'source'`). Pure.

export type TimelineEventKind = 'package' | 'proposed' | 'applies' | 'not_adopted' | 'exemption_from' | 'exemption_ends';

export interface TimelineEvent {
  on: DatedOn;
  kind: TimelineEventKind;
  jurisdiction: string;
  package: string;
  /** The package's title (kind `package`) or the measure's description. */
  text: string;
  /** The measure (all kinds but `package`). */
  measure?: string;
  type?: SanctionsMeasureType;
  /** The exempted party (exemption events). */
  party?: string;
  /** A package's measures known by then, with their types. */
  measures?: { id: string; type: SanctionsMeasureType | null; status: string }[];
  /** Whether the date lies after `asOf` (a known future: an exemption's announced end, a later application). */
  future: boolean;
}

/** The dated events of the records known by the end of `asOf`, oldest first (undated packages last). */
export function buildSanctionsTimeline(records: SanctionsRecords, asOf: IsoDate): { asOf: IsoDate; events: TimelineEvent[]; undated: string[] } {
  const events: TimelineEvent[] = [];
  const undated: string[] = [];
  const packages = new Map(records.packages.map((pkg) => [pkg.id, pkg]));
  const measuresOf = new Map<string, { id: string; type: SanctionsMeasureType | null; status: string }[]>();
  for (const measure of records.measures) {
    const pkg = packages.get(measure.package);
    if (pkg === undefined) continue;
    const known = measureKnownOn(measure, pkg, records.sourceDates);
    if (!knownBy(known, asOf)) continue;
    measuresOf.set(pkg.id, [...(measuresOf.get(pkg.id) ?? []), { id: measure.id, type: measure.type ?? null, status: measure.status }]);
    const base = { jurisdiction: pkg.jurisdiction, package: pkg.id, text: measure.description, measure: measure.id, ...(measure.type !== undefined ? { type: measure.type } : {}) };
    if (measure.status === 'proposed' && known !== null) events.push({ ...base, on: known, kind: 'proposed', future: false });
    if (measure.status === 'not_adopted' && known !== null) events.push({ ...base, on: known, kind: 'not_adopted', future: false });
    if (measure.status === 'adopted' && measure.appliesFrom !== undefined && measure.appliesFrom !== pkg.adoptedOn) {
      events.push({ ...base, on: { date: measure.appliesFrom, basis: 'applies' }, kind: 'applies', future: measure.appliesFrom > asOf });
    }
    if (measure.status !== 'adopted') continue;
    for (const exemption of measure.exemptions) {
      if (!exemptionKnownBy(exemption, asOf)) continue;
      const about = { ...base, party: exemption.party, text: exemption.description };
      if (exemption.since !== undefined) events.push({ ...about, on: { date: exemption.since, basis: 'applies' }, kind: 'exemption_from', future: false });
      if (exemption.until !== undefined) events.push({ ...about, on: { date: exemption.until, basis: 'applies' }, kind: 'exemption_ends', future: exemption.until > asOf });
    }
  }
  for (const pkg of records.packages) {
    const known = packageKnownOn(pkg, records.sourceDates);
    const measures = measuresOf.get(pkg.id) ?? [];
    // A package counts once it or one of its measures is known (an undated package with a dated proposal).
    if (!knownBy(known, asOf) && measures.length === 0) continue;
    if (known === null) {
      undated.push(pkg.id);
      continue;
    }
    events.push({ on: known, kind: 'package', jurisdiction: pkg.jurisdiction, package: pkg.id, text: pkg.title, measures, future: known.date > asOf });
  }
  events.sort((a, b) => (a.on.date !== b.on.date ? (a.on.date < b.on.date ? -1 : 1) : order(a) - order(b) || compare(a.package, b.package) || compare(a.measure ?? '', b.measure ?? '')));
  return { asOf, events, undated: undated.sort() };
}

const KIND_ORDER: readonly TimelineEventKind[] = ['package', 'proposed', 'not_adopted', 'applies', 'exemption_from', 'exemption_ends'];

function order(event: TimelineEvent): number {
  return KIND_ORDER.indexOf(event.kind);
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
