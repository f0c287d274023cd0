import { exemptionEndedBy, exemptionKnownBy, knownBy, measureKnownOn } from '../../sanctions/sanctions-dates.js';
import type { MeasureExemption, SanctionsMeasureInput, SanctionsMeasureType } from '../../sanctions/sanctions-types.js';
import type { IsoDate } from '../../types.js';
import type { DerivationBasis, DerivationKind, DerivationRecords } from './derivation-kind.js';

// `sanctions_exemptions_ended` (docs/sanctions.md, "Derived fact"): true from the day the last exemption from a
// jurisdiction's measures of one type ends — `eu_russian_oil_ended`: the EU's oil embargo, whose exemptions are the
// Druzhba pipeline-crude ones. On day `at` it reads the records as of that day: the adopted measures of that type
// and jurisdiction known by then (sanctions-dates.ts) and their exemptions begun by then. None: the records decide
// nothing (null: the fact keeps its recorded value). Every one ended by then: true. Some still open (no end, or a
// later one): false. With the first day of the period the value holds in, and the exemptions it rests on.

export interface SanctionsExemptionsEndedDerivation {
  kind: 'sanctions_exemptions_ended';
  /** Whose measures (`EU`). */
  jurisdiction: string;
  /** Which measures (`oil_embargo`). */
  measureType: SanctionsMeasureType;
}

interface Candidate {
  measure: SanctionsMeasureInput;
  known: IsoDate | null;
  exemption: MeasureExemption;
}

export const sanctionsExemptionsEndedKind: DerivationKind<SanctionsExemptionsEndedDerivation> = {
  kind: 'sanctions_exemptions_ended',
  evaluate(params, records, at) {
    const candidates = candidatesOf(params, records);
    const now = stateAt(candidates, at, false);
    if (now === null) return null;
    return { value: now.value, since: firstDayOf(candidates, now.value, at), basis: now.exemptions.map(basisOf).sort(byDate) };
  },
};

function candidatesOf(params: SanctionsExemptionsEndedDerivation, records: DerivationRecords): Candidate[] {
  const sanctions = records.sanctions;
  if (sanctions === undefined) return [];
  const packages = new Map(sanctions.packages.map((pkg) => [pkg.id, pkg]));
  const candidates: Candidate[] = [];
  for (const measure of sanctions.measures) {
    const pkg = packages.get(measure.package);
    if (pkg === undefined || pkg.jurisdiction !== params.jurisdiction || measure.type !== params.measureType || measure.status !== 'adopted') continue;
    const known = measureKnownOn(measure, pkg, sanctions.sourceDates)?.date ?? null;
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

function basisOf({ measure, known, exemption }: Candidate): DerivationBasis {
  const date = exemption.until ?? exemption.since ?? known ?? '';
  return { collection: 'sanctions-measures', id: measure.id, date, title: `${exemption.party}: ${exemption.description}` };
}

function byDate(a: DerivationBasis, b: DerivationBasis): number {
  const titleA = a.title ?? '';
  const titleB = b.title ?? '';
  return a.date < b.date ? -1 : a.date > b.date ? 1 : titleA < titleB ? -1 : titleA > titleB ? 1 : 0;
}
