import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { Cell, Column, TableRow } from './cells.js';
import type { ExchangeEntity } from './codecs.js';
import { guardFormula } from './formula-guard.js';

// The three export formats of the same rows: JSON (one object, an array of rows per entity), CSV (one file per
// entity, a header row of column names) and XLSX (one workbook, a sheet per entity, the same header row).
// Text that a spreadsheet would run as a formula is guarded with a leading quote in CSV and XLSX (formula-guard.ts).
// No value blocks an export: a text longer than an XLSX cell holds is cut there with a marker saying so (CSV and
// JSON write it whole).

export interface ExportTable {
  name: ExchangeEntity;
  columns: readonly Column[];
  rows: TableRow[];
}

/** A cell as CSV text: empty for null, `true` / `false`, numbers in plain digits, formula-like text guarded. */
export function cellText(cell: Cell): string {
  if (cell === null) return '';
  return typeof cell === 'string' ? guardFormula(cell) : String(cell);
}

/** The tables as one JSON document `{pledges: [rows], …}`, keys in column order, empty cells as null. */
export function writeJson(tables: readonly ExportTable[]): string {
  const document: Record<string, TableRow[]> = {};
  for (const table of tables) document[table.name] = table.rows;
  return `${JSON.stringify(document, null, 2)}\n`;
}

/** One table as CSV (UTF-8, comma, `"` quoting only where needed, `\n` line ends), header row first. */
export function writeCsv(table: ExportTable): string {
  const header = table.columns.map((column) => column.name);
  const body = table.rows.map((row) => header.map((name) => cellText(row[name] ?? null)));
  return stringify([header, ...body]);
}

/** The header and data rows of one table as CSV would hold them (for comparing with other readers). */
export function csvRows(table: ExportTable): string[][] {
  const header = table.columns.map((column) => column.name);
  return [header, ...table.rows.map((row) => header.map((name) => cellText(row[name] ?? null)))];
}

const MAX_WIDTH = 60;
/** Excel and LibreOffice hold at most this many characters in a cell. */
export const MAX_CELL_LENGTH = 32_767;

/**
 * A text cell for a sheet: line ends as line feeds (an XML reader turns a carriage return into one anyway), guarded
 * like CSV, and cut to what an XLSX cell holds, ending in a marker that says so.
 */
export function sheetText(text: string): string {
  const guarded = uncutSheetText(text);
  if (guarded.length <= MAX_CELL_LENGTH) return guarded;
  const marker = ` […cut: ${text.length} characters in the store, an XLSX cell holds ${MAX_CELL_LENGTH}; export as CSV or JSON for the whole text]`;
  const kept = guarded.slice(0, MAX_CELL_LENGTH - marker.length);
  // Never end on half a surrogate pair.
  return `${/[\uD800-\uDBFF]$/.test(kept) ? kept.slice(0, -1) : kept}${marker}`;
}

function uncutSheetText(text: string): string {
  return guardFormula(text.replace(/\r\n?/g, '\n'));
}

/** A cut cell, for the export's warnings. */
export interface TruncatedCell {
  entity: ExchangeEntity;
  id: string;
  column: string;
  length: number;
}

/** Cell value for a sheet: numbers stay numbers, booleans become the text true / false (as in CSV); text guarded and cut to fit. */
function sheetValue(cell: Cell): string | number | null {
  if (cell === null || typeof cell === 'number') return cell;
  return typeof cell === 'boolean' ? String(cell) : sheetText(cell);
}

/** The tables as one XLSX workbook: a sheet per entity named like it, header row bold and frozen. */
export async function writeXlsx(tables: readonly ExportTable[], created: Date, onTruncated: (cell: TruncatedCell) => void = () => undefined): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'coalition-ledger';
  workbook.created = created;
  workbook.modified = created;
  for (const table of tables) {
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((column) => ({
      header: column.name,
      key: column.name,
      width: Math.min(MAX_WIDTH, Math.max(column.name.length + 2, ...table.rows.slice(0, 200).map((row) => cellText(row[column.name] ?? null).length + 1))),
      // Whole numbers in plain digits (amounts in cents would otherwise show as 5E+10).
      ...(column.kind === 'integer' ? { style: { numFmt: '0' } } : {}),
    }));
    sheet.getRow(1).font = { bold: true };
    for (const row of table.rows) {
      for (const column of table.columns) {
        const cell = row[column.name];
        if (typeof cell === 'string' && uncutSheetText(cell).length > MAX_CELL_LENGTH) onTruncated({ entity: table.name, id: String(row.id), column: column.name, length: cell.length });
      }
      sheet.addRow(table.columns.map((column) => sheetValue(row[column.name] ?? null)));
    }
  }
  const buffer = await workbook.xlsx.writeBuffer();
  return Buffer.from(buffer);
}
