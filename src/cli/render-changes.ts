import type { FieldChange } from '../core/changes/diff-records.js';
import type { ChangesAnswer } from '../services/changes/changes.service.js';
import { formatRange, formatTable } from './output.js';

// A changes report for people: pledges added, changed (field: old → new), withdrawn or superseded; coverage
// that moved; requirements, facts, contributions and decisions.

/** A field change as `status: offered → committed`. */
export function formatFieldChange(change: FieldChange): string {
  return `${change.field}: ${formatValue(change.before)} → ${formatValue(change.after)}`;
}

/** A field's value in a line of text: ranges as 1,000–2,000, lists comma-separated, absent as –. */
export function formatValue(value: unknown): string {
  if (value === null || value === undefined) return '–';
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map(formatValue).join(', ');
  const range = value as { min?: unknown; max?: unknown };
  if (typeof range.min === 'number' && typeof range.max === 'number') return formatRange(range.min, range.max);
  return JSON.stringify(value);
}

/** Render a changes report as text. */
export function renderChanges(report: ChangesAnswer): string {
  const from = report.sinceMeeting ? `${report.since} (${report.sinceMeeting.title})` : report.since;
  const to = report.untilMeeting ? `${report.until} (${report.untilMeeting.title})` : report.until;
  const lines = [`Changes from the end of ${from} to the end of ${to}`, ''];
  const { pledges } = report;
  section(lines, 'Pledges added', pledges.added.map((p) => `${p.id} (${p.party}) ${p.capability} ${p.quantity ? formatRange(p.quantity.min, p.quantity.max) : 'no figure'}, ${p.status}${p.supersedes ? `, revises ${p.supersedes}` : ''}`));
  section(lines, 'Pledges changed', pledges.changed.map((c) => `${c.id}: ${c.fields.map(formatFieldChange).join('; ')}`));
  section(lines, 'Pledges withdrawn', pledges.withdrawn.map((w) => `${w.id} (${w.party})${w.on ? ` on ${w.on}` : ''}`));
  section(lines, 'Pledges superseded', pledges.superseded.map((s) => `${s.id} (${s.party}) by ${s.by}`));
  section(lines, 'Pledges removed from the record', pledges.removed.map((p) => `${p.id} (${p.party})`));
  const moved = report.coverage.filter((row) => row.changed);
  lines.push(`Coverage per requirement (${moved.length} of ${report.coverage.length} moved)`);
  if (moved.length === 0) lines.push('  (none moved)', '');
  else {
    const figures = (f: (typeof moved)[number]['then']) => (f === null ? '–' : `${formatRange(f.supplyMin, f.supplyMax)} of ${f.demand === null ? 'no estimate' : formatRange(f.demand, f.demand)}`);
    lines.push(formatTable(['requirement', 'then', 'now'], moved.map((row) => [row.requirement, figures(row.then), figures(row.now)])), '');
  }
  for (const [title, diff] of [
    ['Requirements', report.requirements],
    ['Facts', report.facts],
    ['Contributions', report.contributions],
    ['Decisions', report.decisions],
  ] as const) {
    const items = [
      ...diff.added.map((r) => `added ${r.id}${describe(r)}`),
      ...diff.changed.map((c) => `changed ${c.id}: ${c.fields.map(formatFieldChange).join('; ')}`),
      ...diff.removed.map((r) => `removed ${r.id}`),
    ];
    section(lines, title, items);
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function describe(record: object): string {
  const value = record as { text?: unknown; value?: unknown; amount?: unknown; currency?: unknown; date?: unknown };
  if (typeof value.text === 'string') return `: ${value.text.length > 100 ? `${value.text.slice(0, 99)}…` : value.text}`;
  if (typeof value.amount === 'number' && typeof value.currency === 'string') return `: ${value.currency} ${(value.amount / 100).toLocaleString('en-GB')} on ${String(value.date)}`;
  if (value.value !== undefined) return ` = ${String(value.value)}`;
  return '';
}

function section(lines: string[], title: string, items: string[]): void {
  lines.push(`${title} (${items.length})`);
  lines.push(...(items.length === 0 ? ['  (none)'] : items.map((item) => `  ${item}`)), '');
}
