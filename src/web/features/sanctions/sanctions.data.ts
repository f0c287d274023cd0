// The Sanctions page's data (docs/sanctions.md): the alignment matrix and the timeline of GET /api/sanctions/…
// as the page draws them — rows by measure type, one cell per jurisdiction with its status, date, level and
// exemptions; unknown and absent kept apart; events grouped by year. Pure: the page translates.

import type { AlignmentMatrix, CellStatus, MatrixCell } from '../../../core/sanctions/alignment-matrix.js';
import type { DatedOn } from '../../../core/sanctions/sanctions-dates.js';
import type { TimelineEvent } from '../../../core/sanctions/sanctions-timeline.js';

export type { AlignmentMatrix, CellStatus, MatrixCell } from '../../../core/sanctions/alignment-matrix.js';
export type { DatedOn } from '../../../core/sanctions/sanctions-dates.js';
export type { TimelineEvent } from '../../../core/sanctions/sanctions-timeline.js';

/** GET /api/sanctions/timeline as the page reads it. */
export interface SanctionsTimeline {
  asOf: string;
  events: TimelineEvent[];
  undated: string[];
}

/** The statuses in the legend's order. */
export const CELL_STATUSES: readonly CellStatus[] = ['in_force', 'adopted', 'proposed', 'absent', 'unknown'];

/** The API path of a sanctions view, as of a date (today without one). */
export function sanctionsPath(view: 'alignment' | 'timeline', asOf: string | undefined): string {
  return asOf === undefined ? `/api/sanctions/${view}` : `/api/sanctions/${view}?asOf=${encodeURIComponent(asOf)}`;
}

/** The party whose name names a jurisdiction (`UK` → `GB`); null for the EU, which the page names itself. */
export function jurisdictionParty(code: string): string | null {
  if (code === 'EU') return null;
  return code === 'UK' ? 'GB' : code;
}

/** One row of the matrix: a measure type and its cells in column order. */
export interface MatrixRow {
  type: string;
  cells: MatrixCell[];
  /** Jurisdictions with the measure in force or adopted. */
  having: number;
}

/** The matrix's rows, in the API's order of types and jurisdictions. */
export function matrixRows(matrix: AlignmentMatrix): MatrixRow[] {
  return matrix.types.map((type) => {
    const cells = matrix.jurisdictions.map(
      (jurisdiction) => matrix.cells.find((cell) => cell.type === type && cell.jurisdiction === jurisdiction) ?? emptyCell(type, jurisdiction),
    );
    return { type, cells, having: cells.filter((cell) => cell.status === 'in_force' || cell.status === 'adopted').length };
  });
}

function emptyCell(type: MatrixCell['type'], jurisdiction: string): MatrixCell {
  return { type, jurisdiction, status: 'unknown', since: null, level: null, exemptions: [], measures: [], sources: [] };
}

/** A cell's exemptions split into those in effect and those ended by the matrix's date. */
export function splitExemptions(cell: MatrixCell): { active: MatrixCell['exemptions']; ended: MatrixCell['exemptions'] } {
  return { active: cell.exemptions.filter((exemption) => !exemption.ended), ended: cell.exemptions.filter((exemption) => exemption.ended) };
}

/** Whether a date is only its earliest source's (the record has none of its own). */
export function isSourceDate(on: DatedOn | null): boolean {
  return on?.basis === 'source';
}

/** The cells with exemptions, row by row: what the page lists below the matrix. */
export function cellsWithExemptions(matrix: AlignmentMatrix): MatrixCell[] {
  return matrixRows(matrix).flatMap((row) => row.cells.filter((cell) => cell.exemptions.length > 0));
}

/** The timeline's events grouped by year, newest first (years and events). */
export function eventsByYear(events: readonly TimelineEvent[]): { year: string; events: TimelineEvent[] }[] {
  const years = new Map<string, TimelineEvent[]>();
  for (const event of events) {
    const year = event.on.date.slice(0, 4);
    years.set(year, [...(years.get(year) ?? []), event]);
  }
  return [...years.entries()].sort((a, b) => (a[0] < b[0] ? 1 : -1)).map(([year, list]) => ({ year, events: [...list].reverse() }));
}
