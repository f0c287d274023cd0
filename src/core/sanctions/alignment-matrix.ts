import type { IsoDate } from '../types.js';
import { type DatedOn, exemptionEndedBy, exemptionKnownBy, knownBy, measureAppliesOn, measureKnownOn } from './sanctions-dates.js';
import {
  type MeasureExemption,
  SANCTIONS_JURISDICTIONS,
  SANCTIONS_MEASURE_TYPES,
  type SanctionsMeasureInput,
  type SanctionsMeasureType,
  type SanctionsPackageInput,
  type SanctionsRecords,
} from './sanctions-types.js';

// The sanctions alignment matrix (docs/sanctions.md): per measure type (rows) and jurisdiction (columns), what the
// records known at the end of a date say — in force since when, at what level, with which exemptions; adopted but
// not applying yet; only proposed; recorded as absent; or unknown. A cell no record speaks to is `unknown`, never
// "no": only a measure recorded as `not_adopted` makes a cell `absent`. Pure.

/** in_force: adopted and applying; adopted: adopted, applies later; proposed; absent: recorded as not adopted; unknown. */
export type CellStatus = 'in_force' | 'adopted' | 'proposed' | 'absent' | 'unknown';

/** A level a measure set, from when, and by which measure. */
export interface CellLevel {
  text: string;
  on: DatedOn | null;
  measure: string;
}

/** An exemption in a cell, with the measure it belongs to and whether it had ended by the matrix's date. */
export interface CellExemption extends MeasureExemption {
  measure: string;
  ended: boolean;
}

/** A measure a cell rests on, dated. */
export interface CellMeasure {
  id: string;
  package: string;
  status: SanctionsMeasureInput['status'];
  description: string;
  /** When it applies (adopted), was proposed (proposed), or was recorded (not adopted). */
  on: DatedOn | null;
  level: string | null;
  sources: string[];
}

export interface MatrixCell {
  type: SanctionsMeasureType;
  jurisdiction: string;
  status: CellStatus;
  /** The earliest recorded date of the cell's status (not necessarily when the jurisdiction first had it). */
  since: DatedOn | null;
  /** The latest level set by an applying measure (for `adopted`/`proposed`: by the latest such measure). */
  level: CellLevel | null;
  exemptions: CellExemption[];
  /** The measures known by the date, oldest first. */
  measures: CellMeasure[];
  /** The cited sources of those measures, without repeats. */
  sources: string[];
}

export interface AlignmentMatrix {
  asOf: IsoDate;
  types: SanctionsMeasureType[];
  jurisdictions: string[];
  /** One per type and jurisdiction, rows in `types` order, columns in `jurisdictions` order. */
  cells: MatrixCell[];
  /** Known measures with no type: not in the matrix. */
  untyped: string[];
}

/** The alignment matrix of the records known at the end of `asOf`. */
export function buildAlignmentMatrix(records: SanctionsRecords, asOf: IsoDate): AlignmentMatrix {
  const packages = new Map(records.packages.map((pkg) => [pkg.id, pkg]));
  const byCell = new Map<string, { measure: SanctionsMeasureInput; pkg: SanctionsPackageInput }[]>();
  const untyped: string[] = [];
  const seen = new Set<string>();
  for (const measure of records.measures) {
    const pkg = packages.get(measure.package);
    if (pkg === undefined || !knownBy(measureKnownOn(measure, pkg, records.sourceDates), asOf)) continue;
    if (measure.type === undefined) {
      untyped.push(measure.id);
      continue;
    }
    seen.add(pkg.jurisdiction);
    const key = cellKey(measure.type, pkg.jurisdiction);
    byCell.set(key, [...(byCell.get(key) ?? []), { measure, pkg }]);
  }
  const defaults: readonly string[] = SANCTIONS_JURISDICTIONS;
  const jurisdictions = [...defaults, ...[...seen].filter((code) => !defaults.includes(code)).sort()];
  const cells: MatrixCell[] = [];
  for (const type of SANCTIONS_MEASURE_TYPES) {
    for (const jurisdiction of jurisdictions) cells.push(buildCell(type, jurisdiction, byCell.get(cellKey(type, jurisdiction)) ?? [], { asOf, sourceDates: records.sourceDates }));
  }
  return { asOf, types: [...SANCTIONS_MEASURE_TYPES], jurisdictions, cells, untyped: untyped.sort() };
}

/** The cell of a type and jurisdiction in a matrix. */
export function cellOf(matrix: AlignmentMatrix, type: SanctionsMeasureType, jurisdiction: string): MatrixCell | undefined {
  return matrix.cells.find((cell) => cell.type === type && cell.jurisdiction === jurisdiction);
}

function cellKey(type: string, jurisdiction: string): string {
  return `${type}\u0000${jurisdiction}`;
}

function buildCell(
  type: SanctionsMeasureType,
  jurisdiction: string,
  entries: readonly { measure: SanctionsMeasureInput; pkg: SanctionsPackageInput }[],
  context: { asOf: IsoDate; sourceDates: ReadonlyMap<string, IsoDate> },
): MatrixCell {
  const { asOf, sourceDates } = context;
  const measures = entries
    .map(({ measure, pkg }): CellMeasure => ({
      id: measure.id,
      package: pkg.id,
      status: measure.status,
      description: measure.description,
      on: measure.status === 'adopted' ? measureAppliesOn(measure, pkg, sourceDates) : measureKnownOn(measure, pkg, sourceDates),
      level: measure.level ?? null,
      sources: [...measure.sources],
    }))
    .sort(byDate);
  const adopted = measures.filter((measure) => measure.status === 'adopted');
  const applying = adopted.filter((measure) => knownBy(measure.on, asOf));
  const proposed = measures.filter((measure) => measure.status === 'proposed');
  const absent = measures.filter((measure) => measure.status === 'not_adopted');
  const [status, basis]: [CellStatus, CellMeasure[]] =
    applying.length > 0
      ? ['in_force', applying]
      : adopted.length > 0
        ? ['adopted', adopted]
        : proposed.length > 0
          ? ['proposed', proposed]
          : absent.length > 0
            ? ['absent', absent]
            : ['unknown', []];
  const withLevel = basis.filter((measure) => measure.level !== null);
  const latest = withLevel[withLevel.length - 1];
  const adoptedIds = new Set(adopted.map((measure) => measure.id));
  const exemptions = entries
    .filter(({ measure }) => adoptedIds.has(measure.id))
    .flatMap(({ measure }) => measure.exemptions.filter((exemption) => exemptionKnownBy(exemption, asOf)).map((exemption) => ({ ...exemption, measure: measure.id, ended: exemptionEndedBy(exemption, asOf) })));
  return {
    type,
    jurisdiction,
    status,
    since: basis[0]?.on ?? null,
    level: latest === undefined || latest.level === null ? null : { text: latest.level, on: latest.on, measure: latest.id },
    exemptions,
    measures,
    sources: [...new Set(measures.flatMap((measure) => measure.sources))],
  };
}

// Oldest first; undated last; ties by id.
function byDate(a: CellMeasure, b: CellMeasure): number {
  const left = a.on?.date ?? '9999-12-31';
  const right = b.on?.date ?? '9999-12-31';
  if (left !== right) return left < right ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}
