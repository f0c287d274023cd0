// Plain-text output for people: aligned tables, number formatting and coverage bars. Scripts use --json.

const numberFormat = new Intl.NumberFormat('en-GB');

/** A whole number with thousands separators; "–" for null. */
export function formatNumber(value: number | null | undefined): string {
  return value === null || value === undefined ? '–' : numberFormat.format(value);
}

/** "2,000–5,000" or "4,000" for a range; "no figure" for null. */
export function formatRange(min: number | null, max: number | null): string {
  if (min === null || max === null) return 'no figure';
  return min === max ? formatNumber(min) : `${formatNumber(min)}–${formatNumber(max)}`;
}

/** A percentage of a share 0–1, whole numbers; "–" without a share. */
export function formatPercent(share: number | null): string {
  return share === null ? '–' : `${Math.round(share * 100)} %`;
}

/** A bar: █ certain supply, ▒ possible on top, ░ the rest of the demand, within `width` cells. */
export function formatBar(demand: number | null, min: number, max: number, width = 24): string {
  if (demand === null || demand <= 0) return '(no public estimate of the need)';
  const cells = (value: number): number => Math.min(width, Math.round((Math.min(value, demand) / demand) * width));
  const certain = cells(min);
  const possible = Math.max(0, cells(max) - certain);
  return `${'█'.repeat(certain)}${'▒'.repeat(possible)}${'░'.repeat(width - certain - possible)}│`;
}

/** Columns padded to their widest cell; numbers right-aligned when `align` says so. */
export function formatTable(headers: string[], rows: string[][], align: ('left' | 'right')[] = []): string {
  const widths = headers.map((header, c) => Math.max(header.length, ...rows.map((row) => (row[c] ?? '').length)));
  const line = (cells: string[]): string =>
    cells
      .map((cell, c) => (align[c] === 'right' ? cell.padStart(widths[c] ?? 0) : cell.padEnd(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '─'.repeat(w))), ...rows.map(line)].join('\n');
}
