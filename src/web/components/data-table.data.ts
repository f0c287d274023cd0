// The shared table's logic (components/data-table.tsx): sort by any column, search the text of every column,
// and write what is shown as CSV with each row's sources and the as-of date; in server mode, which page of the
// server's rows the URL asks for. Pure, tested without a browser.

import { foldText } from '../../core/pledge-list/select-pledge-rows.js';

export interface TableColumn<R> {
  id: string;
  /** The cell as plain text: searched, exported, and sorted by unless `sort` is given. */
  text: (row: R) => string;
  /** The value to sort by (numbers sort as numbers; null sorts last). */
  sort?: (row: R) => string | number | null;
}

export interface SortOrder {
  column: string;
  descending: boolean;
}

/** `party` → ascending by party, `-party` → descending; null for nothing or an unknown column. */
export function parseSort(value: string, columns: readonly { id: string }[]): SortOrder | null {
  const descending = value.startsWith('-');
  const column = descending ? value.slice(1) : value;
  return columns.some((entry) => entry.id === column) ? { column, descending } : null;
}

/** The URL value of a click on a column's header: ascending first, then descending, then ascending again. */
export function nextSort(current: SortOrder | null, column: string): string {
  return current?.column === column && !current.descending ? `-${column}` : column;
}

/** The rows in the order asked for (a stable sort; without an order, as given). */
export function sortRows<R>(rows: readonly R[], columns: readonly TableColumn<R>[], order: SortOrder | null, locale: string): R[] {
  const column = order ? columns.find((entry) => entry.id === order.column) : undefined;
  if (!order || !column) return [...rows];
  const key = column.sort ?? column.text;
  const collator = new Intl.Collator(locale, { numeric: true, sensitivity: 'base' });
  const sign = order.descending ? -1 : 1;
  return rows
    .map((row, index) => ({ row, index, value: key(row) }))
    .sort((a, b) => {
      if (a.value === null || a.value === '') return b.value === null || b.value === '' ? a.index - b.index : 1;
      if (b.value === null || b.value === '') return -1;
      const compared = typeof a.value === 'number' && typeof b.value === 'number' ? a.value - b.value : collator.compare(String(a.value), String(b.value));
      return compared === 0 ? a.index - b.index : sign * compared;
    })
    .map((entry) => entry.row);
}

export { foldText };

/** The rows whose text (every column, plus `extra` such as a note) contains every word of `query`. */
export function searchRows<R>(rows: readonly R[], columns: readonly TableColumn<R>[], query: string, extra?: (row: R) => string): R[] {
  const words = foldText(query).split(/\s+/).filter(Boolean);
  if (words.length === 0) return [...rows];
  return rows.filter((row) => {
    const text = foldText([...columns.map((column) => column.text(row)), extra?.(row) ?? ''].join(' \u0001 '));
    return words.every((word) => text.includes(word));
  });
}

/** One CSV field, quoted when it holds a comma, quote or line break (RFC 4180). */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

/** The shown rows as CSV: the headers, then each row with its sources (unless a column already has them) and the as-of date last. */
export function buildCsv(options: { headers: readonly string[]; rows: readonly (readonly string[])[]; sources?: readonly (readonly string[])[]; asOf: string; sourcesHeader: string; asOfHeader: string }): string {
  const { sources } = options;
  const lines = [[...options.headers, ...(sources ? [options.sourcesHeader] : []), options.asOfHeader]];
  options.rows.forEach((row, index) => lines.push([...row, ...(sources ? [(sources[index] ?? []).join('; ')] : []), options.asOf]));
  return `${lines.map((line) => line.map(csvField).join(',')).join('\r\n')}\r\n`;
}

/** Rows a page of a server-mode table shows. */
export const TABLE_PAGE = 100;

/** The page the URL asks for (`<name>.page`, from 1) as an offset, kept inside the rows there are. */
export function pageOffset(pageText: string, total: number | undefined, pageSize: number = TABLE_PAGE): { page: number; offset: number; pages: number } {
  const asked = /^[1-9]\d{0,6}$/.test(pageText) ? Number(pageText) : 1;
  const pages = total === undefined ? asked : Math.max(1, Math.ceil(total / pageSize));
  const page = Math.min(asked, pages);
  return { page, offset: (page - 1) * pageSize, pages };
}

/** The rows a server-mode page draws, 1-based and never past the total; null when it draws none. */
export function shownRange(offset: number, shown: number, total: number): { from: number; to: number } | null {
  if (shown === 0 || total === 0) return null;
  return { from: Math.min(total, offset + 1), to: Math.min(total, offset + shown) };
}
