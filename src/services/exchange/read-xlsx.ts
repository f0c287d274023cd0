import ExcelJS from 'exceljs';
import type { InputProblem } from '../../contracts/input-error.js';
import { isExchangeEntity } from './codecs.js';
import { unguardFormula } from './formula-guard.js';
import { columnLetter, ENTITY_LIST, type ReadResult, readHeader, type SourceRow, type SourceTable } from './read-tables.js';

// An XLSX workbook with a sheet per entity (named after it: pledges, action-items), header row 1. Cells
// are read as their values: formulas as their results, rich text as its plain text, dates as YYYY-MM-DD.

type Plain = string | number | boolean | null;

/** A date cell as the ISO date a person typed (`2026-01-06`), with the time only when it has one. */
function dateText(date: Date): string {
  const iso = date.toISOString();
  return iso.endsWith('T00:00:00.000Z') ? iso.slice(0, 10) : iso;
}

function richText(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('richText' in value) || !Array.isArray(value.richText)) return undefined;
  return value.richText.map((part: unknown) => (typeof part === 'object' && part !== null && 'text' in part ? String(part.text) : '')).join('');
}

/** A cell's value as plain text, number or boolean; `error` when it holds an error such as #N/A. */
export function plainCellValue(value: ExcelJS.CellValue): { value: Plain } | { error: string } {
  if (value === null || value === undefined) return { value: null };
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return { value };
  if (value instanceof Date) return { value: dateText(value) };
  if ('error' in value) return { error: `holds the error ${value.error}` };
  if ('richText' in value) return { value: richText(value) ?? '' };
  if ('hyperlink' in value) return { value: richText(value.text) ?? String(value.text) };
  if ('result' in value) return plainCellValue(value.result);
  if ('formula' in value || 'sharedFormula' in value) return { error: 'holds a formula without a computed result (recalculate and save the workbook)' };
  return { error: 'holds a value that is neither text nor a number' };
}

function rowValues(sheet: ExcelJS.Worksheet, rowNumber: number, width: number): ExcelJS.CellValue[] {
  const row = sheet.getRow(rowNumber);
  return Array.from({ length: width }, (_, index) => row.getCell(index + 1).value);
}

function readSheet(fileName: string, sheet: ExcelJS.Worksheet, problems: InputProblem[]): SourceTable | undefined {
  const name = sheet.name.trim();
  const where = (row: number, column?: string, index?: number): string =>
    `${fileName} sheet ${sheet.name} row ${row}${column === undefined ? '' : `, column ${column}`}${index === undefined ? '' : ` (${columnLetter(index)})`}`;
  if (!isExchangeEntity(name)) {
    problems.push({ path: `${fileName} sheet ${sheet.name}`, message: `unknown sheet: name each sheet after what it holds (${ENTITY_LIST})` });
    return undefined;
  }
  const width = sheet.columnCount;
  const header = rowValues(sheet, 1, width).map((value) => {
    const plain = plainCellValue(value);
    return 'value' in plain ? plain.value : null;
  });
  const names = readHeader(name, header, (index) => where(1, columnLetter(index)), problems);
  const rows: SourceRow[] = [];
  for (let rowNumber = 2; rowNumber <= sheet.rowCount; rowNumber++) {
    const cells: Record<string, unknown> = {};
    const reported = new Set<string>();
    let blank = true;
    rowValues(sheet, rowNumber, width).forEach((value, index) => {
      const column = names[index];
      const plain = plainCellValue(value);
      if ('error' in plain) {
        problems.push({ path: where(rowNumber, column ?? columnLetter(index), column === undefined ? undefined : index), message: plain.error });
        if (column !== undefined) reported.add(column);
        blank = false;
        return;
      }
      if (plain.value !== null && plain.value !== '') blank = false;
      if (column !== undefined) cells[column] = typeof plain.value === 'string' ? unguardFormula(plain.value) : plain.value;
      else if (plain.value !== null && plain.value !== '' && header[index] === null) {
        problems.push({ path: where(rowNumber, columnLetter(index)), message: 'has a value in a column without a header' });
      }
    });
    if (blank) continue;
    const columnIndex = new Map(names.flatMap((column, index) => (column === undefined ? [] : [[column, index] as const])));
    rows.push({ cells, reported, at: (column) => where(rowNumber, column, column === undefined ? undefined : columnIndex.get(column)) });
  }
  return { name, rows };
}

/** Read every sheet of a workbook; problems name the sheet, row and column. */
export async function readXlsx(fileName: string, bytes: Uint8Array): Promise<ReadResult> {
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  } catch (error) {
    return { tables: [], problems: [{ path: fileName, message: `is not an XLSX workbook: ${error instanceof Error ? error.message : String(error)}` }] };
  }
  const problems: InputProblem[] = [];
  const tables: SourceTable[] = [];
  const seen = new Set<string>();
  for (const sheet of workbook.worksheets) {
    const table = readSheet(fileName, sheet, problems);
    if (!table) continue;
    if (seen.has(table.name)) problems.push({ path: `${fileName} sheet ${sheet.name}`, message: `a second sheet for ${table.name}` });
    seen.add(table.name);
    tables.push(table);
  }
  if (workbook.worksheets.length === 0) problems.push({ path: fileName, message: 'has no sheets' });
  return { tables, problems };
}
