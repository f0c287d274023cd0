import type { IsoDate } from '../types.js';
import { exemptionEndedBy, exemptionKnownBy, knownBy, measureKnownOn } from './sanctions-dates.js';
import type { MeasureExemption, SanctionsMeasureInput, SanctionsMeasureType, SanctionsRecords } from './sanctions-types.js';

// `sanctions_exemptions_ended` (docs/sanctions.md, "Derived fact"): a fact that is true from the day the last
// exemption from a jurisdiction's measures of one type ends — `eu_russian_oil_ended`: the EU's oil embargo, whose
// exemptions are the Druzhba pipeline-crude ones. On day D it reads the records as of D: the adopted measures of
// that type and jurisdiction known by D, and their exemptions begun by D. None: the records decide nothing (null,
// the fact keeps its recorded value). Every one ended by D: true. Some still open (no end, or a later one): false.
// With the value, the first day of the period it holds in, and the exemptions it rests on. Pure.

export interface ExemptionsEndedDerivation {
  kind: 'sanctions_exemptions_ended';
  /** Whose measures (`EU`). */
  jurisdiction: string;
  /** Which measures (`oil_embargo`). */
  measureType: SanctionsMeasureType;
}

/** One exemption the value rests on: its measure, its party and its end (or start, or the measure's date). */
export interface ExemptionBasis {
  collection: 'sanctions-measures';
  id: string;
  date: IsoDate;
  title: string;
}

export interface ExemptionsEndedValue {
  value: boolean;
  /** The first day of the period the value holds in (null: on every earlier day too). */
  since: IsoDate | null;
  basis: ExemptionBasis[];
}

interface Candidate {
  measure: SanctionsMeasureInput;
  known: IsoDate | null;
  exemption: MeasureExemption;
}

/** The derivation's value at the end of `at` (undefined: on all records), or null when no exemption is recorded by then. */
export function evaluateExemptionsEnded(params: ExemptionsEndedDerivation, records: SanctionsRecords, at: IsoDate | undefined): ExemptionsEndedValue | null {
  const candidates = candidatesOf(params, records);
  const now = stateAt(candidates, at, false);
  if (now === null) return null;
  return { value: now.value, since: firstDayOf(candidates, now.value, at), basis: now.exemptions.map(basisOf).sort(byDate) };
}

function candidatesOf(params: ExemptionsEndedDerivation, records: SanctionsRecords): Candidate[] {
  const packages = new Map(records.packages.map((pkg) => [pkg.id, pkg]));
  const candidates: Candidate[] = [];
  for (const measure of records.measures) {
    const pkg = packages.get(measure.package);
    if (pkg === undefined || pkg.jurisdiction !== params.jurisdiction || measure.type !== params.measureType || measure.status !== 'adopted') continue;
    const known = measureKnownOn(measure, pkg, records.sourceDates)?.date ?? null;
    for (const exemption of measure.exemptions) candidates.push({ measure, known, exemption });
  }
  return candidates;
}

// The exemptions recorded by the end of `day` (`strict`: by the end of the day before) and whether all had ended.
function stateAt(candidates: readonly Candidate[], day: IsoDate | undefined, strict: boolean): { value: boolean; exemptions: Candidate[] } | null {
  const recorded = candidates.filter((candidate) =>
    strict && day !== undefined
      ? (candidate.known === null || candidate.known < day) && (candidate.exemption.since === undefined || candidate.exemption.since < day)
      : knownBy(candidate.known === null ? null : { date: candidate.known, basis: 'adopted' }, day) && exemptionKnownBy(candidate.exemption, day),
  );
  if (recorded.length === 0) return null;
  const ended = (candidate: Candidate): boolean =>
    strict && day !== undefined ? candidate.exemption.until !== undefined && candidate.exemption.until < day : exemptionEndedBy(candidate.exemption, day);
  return { value: recorded.every(ended), exemptions: recorded };
}

// The first day of the period in which the value has been `value` without a break, up to `at`: the latest day on
// which the records change (a measure or an exemption begins, an exemption ends) with a different state the day before.
function firstDayOf(candidates: readonly Candidate[], value: boolean, at: IsoDate | undefined): IsoDate | null {
  const days = new Set<IsoDate>();
  for (const { known, exemption } of candidates) {
    for (const day of [known, exemption.since, exemption.until]) if (day !== null && day !== undefined && (at === undefined || day <= at)) days.add(day);
  }
  for (const day of [...days].sort().reverse()) {
    if (stateAt(candidates, day, true)?.value !== value) return day;
  }
  return null;
}

function basisOf({ measure, known, exemption }: Candidate): ExemptionBasis {
  const date = exemption.until ?? exemption.since ?? known ?? '';
  return { collection: 'sanctions-measures', id: measure.id, date, title: `${exemption.party}: ${exemption.description}` };
}

function byDate(a: ExemptionBasis, b: ExemptionBasis): number {
  return a.date < b.date ? -1 : a.date > b.date ? 1 : a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}
