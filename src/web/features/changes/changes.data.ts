// The Changes page's data (docs/meetings.md): the point a report starts or ends at as the API takes it
// (`2026-01-03` or `meeting:ID`), and the report of GET /api/changes in words — names where the data has
// them (parties, capabilities, requirements, meetings, funds), old → new per changed field.

import type { ChangesPoint } from '../../../contracts/changes.schema.js';
import type { CoverageFigures } from '../../../core/changes/as-of-state.js';
import type { CollectionDiff, FieldChange } from '../../../core/changes/diff-records.js';
import type { NamedPledge } from '../../../core/changes/named-pledges.js';

export type { ChangesPoint } from '../../../contracts/changes.schema.js';
export type { CoverageFigures } from '../../../core/changes/as-of-state.js';
export type { FieldChange, RecordChange } from '../../../core/changes/diff-records.js';

export interface ChangedPledge {
  id: string;
  party: string;
  capability: string;
  quantity: { min: number; max: number } | null;
  areas: string[];
  status: string;
  [field: string]: unknown;
}

/** GET /api/changes as the page reads it. */
export interface ChangesReport {
  since: string;
  until: string;
  pledges: CollectionDiff<ChangedPledge> & { withdrawn: { id: string; party: string; on: string | null }[]; superseded: { id: string; party: string; by: string }[] };
  /** The pledges the report names by id alone, with what a reader recognises them by. */
  namedPledges: NamedPledge[];
  coverage: { requirement: string; then: CoverageFigures | null; now: CoverageFigures | null; changed: boolean }[];
  requirements: CollectionDiff<{ id: string; [field: string]: unknown }>;
  facts: CollectionDiff<{ id: string; value?: unknown; description?: string; [field: string]: unknown }>;
  contributions: CollectionDiff<{ id: string; fund: string; date: string; donors: { party: string }[]; amount: number | null; currency: string; status: string }>;
  decisions: CollectionDiff<{ id: string; meeting: string; text: string }>;
  sinceMeeting: { id: string; title: string; date: string } | null;
  untilMeeting: { id: string; title: string; date: string } | null;
}

/** Parse `2026-01-03` or `meeting:ID` (from the URL); undefined for anything else. */
export function parsePoint(text: string | null | undefined): ChangesPoint | undefined {
  if (!text) return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(text)) return { kind: 'date', date: text };
  if (text.startsWith('meeting:') && text.length > 'meeting:'.length) return { kind: 'meeting', meeting: text.slice('meeting:'.length) };
  return undefined;
}

/** The point as the API and the URL write it. */
export function formatPoint(point: ChangesPoint): string {
  return point.kind === 'date' ? point.date : `meeting:${point.meeting}`;
}

/** The API path of a report (until omitted: today). */
export function changesPath(since: ChangesPoint, until?: ChangesPoint): string {
  const query = new URLSearchParams({ since: formatPoint(since) });
  if (until) query.set('until', formatPoint(until));
  return `/api/changes?${query.toString()}`;
}

/** The page's own path for a report: what a "changes since this meeting" link points to. */
export function changesPageHref(since: ChangesPoint, until?: ChangesPoint): string {
  const query = new URLSearchParams({ since: formatPoint(since) });
  if (until) query.set('until', formatPoint(until));
  return `/changes?${query.toString()}`;
}

/** What the page shows names with: a lookup per kind of record, each falling back to the id. */
export interface ChangesNames {
  party: (id: string) => string;
  capability: (id: string) => string;
  requirement: (id: string) => string;
  meeting: (id: string) => string;
  fund: (id: string) => string;
  /** The pledge in words (party, capability, quantity), if the page knows it. */
  pledge: (id: string) => string;
  number: (value: number) => string;
  /** An amount in minor units, rounded to what a source supports ("DKK 580M"), as the other pages write money. */
  money: (minorUnits: number, currency: string) => string;
}

/** A range `2,000–9,999` or one figure. */
export function formatRange(min: number, max: number, names: Pick<ChangesNames, 'number'>): string {
  return min === max ? names.number(min) : `${names.number(min)}–${names.number(max)}`;
}

/** A pledge's quantity, `–` without one. */
export function formatQuantity(quantity: { min: number; max: number } | null | undefined, names: Pick<ChangesNames, 'number'>): string {
  return quantity ? formatRange(quantity.min, quantity.max, names) : '–';
}

/** Coverage figures as `supply / need`, `–` where the requirement did not exist. */
export function formatCoverage(figures: CoverageFigures | null, names: Pick<ChangesNames, 'number'>): string {
  if (figures === null) return '–';
  const supply = formatRange(figures.supplyMin, figures.supplyMax, names);
  return figures.demand === null ? supply : `${supply} / ${names.number(figures.demand)}`;
}

/** A shortfall range, `–` without a need. */
export function formatShortfall(figures: CoverageFigures | null, names: Pick<ChangesNames, 'number'>): string {
  if (figures === null || figures.shortfallMin === null || figures.shortfallMax === null) return '–';
  return formatRange(figures.shortfallMin, figures.shortfallMax, names);
}

/** One field's value in words: names for parties and capabilities, ranges for quantities, money for an amount
 *  whose currency is known, `–` for none. */
export function formatFieldValue(field: string, value: unknown, names: ChangesNames, currency?: string): string {
  if (value === null || value === undefined) return '–';
  if (field === 'amount' && typeof value === 'number' && currency) return names.money(value, currency);
  if (field === 'party' && typeof value === 'string') return names.party(value);
  if (field === 'capability' && typeof value === 'string') return names.capability(value);
  if ((field === 'sharedWith' || field === 'donors') && Array.isArray(value)) {
    return value.map((item) => (typeof item === 'string' ? names.party(item) : isRecord(item) && typeof item.party === 'string' ? names.party(item.party) : JSON.stringify(item))).join(', ');
  }
  if (field === 'quantity' && isRecord(value) && typeof value.min === 'number' && typeof value.max === 'number') return formatRange(value.min, value.max, names);
  if (typeof value === 'number') return names.number(value);
  if (typeof value === 'string' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.every((item) => typeof item === 'string') ? value.join(', ') : JSON.stringify(value);
  return JSON.stringify(value);
}

/** Every changed field as `field: old → new`; an amount in its currency (the old amount in the old currency when
 *  the currency changed too), `currency` being the record's current one. */
export function describeFieldChanges(fields: readonly FieldChange[], names: ChangesNames, currency?: string): { field: string; before: string; after: string }[] {
  const currencyChange = fields.find((change) => change.field === 'currency');
  const after = typeof currencyChange?.after === 'string' ? currencyChange.after : currency;
  const before = typeof currencyChange?.before === 'string' ? currencyChange.before : after;
  return fields.map((change) => ({ field: change.field, before: formatFieldValue(change.field, change.before, names, before), after: formatFieldValue(change.field, change.after, names, after) }));
}

/** Counts for the summary line; coverage rows count when their figures moved. */
export function countChanges(report: ChangesReport): { pledges: number; coverage: number; contributions: number; decisions: number; facts: number; requirements: number; total: number } {
  const size = (diff: CollectionDiff<unknown>): number => diff.added.length + diff.changed.length + diff.removed.length;
  const counts = {
    pledges: size(report.pledges) + report.pledges.withdrawn.length + report.pledges.superseded.length,
    coverage: report.coverage.filter((row) => row.changed).length,
    contributions: size(report.contributions),
    decisions: size(report.decisions),
    facts: size(report.facts),
    requirements: size(report.requirements),
  };
  return { ...counts, total: Object.values(counts).reduce((sum, value) => sum + value, 0) };
}

/** The meetings a picker offers, newest first. */
export function sortMeetings<M extends { id: string; date: string }>(meetings: readonly M[]): M[] {
  return [...meetings].sort((a, b) => b.date.localeCompare(a.date) || a.id.localeCompare(b.id));
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
