import { parseDecimal } from './decimal.js';
import type { RateRow } from './rate-table.js';

// Reads the ECB's `eurofxref-hist.csv` layout: a header `Date,USD,JPY,…` (often with a trailing comma), then
// one line per publication day, newest first, each rate as units per 1 EUR, `N/A` or empty where there is none.
// Every problem is collected with its line and column so a bad file is refused as a whole.

export interface RateFileProblem {
  /** 1-based line of the file. */
  line: number;
  /** The column's header (`USD`) or `Date`. */
  column: string;
  message: string;
}

export interface ParsedRateFile {
  rows: RateRow[];
  currencies: string[];
  firstDate: string | undefined;
  lastDate: string | undefined;
  problems: RateFileProblem[];
}

const DATE_PATTERN = /^\d{4}-\d{2}-\d{2}$/;
const MAX_PROBLEMS = 50;

/** Parse the text of an ECB reference-rate file; `problems` is empty when every line is valid. */
export function parseEcbRates(text: string): ParsedRateFile {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const problems: RateFileProblem[] = [];
  const add = (problem: RateFileProblem): void => {
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const header = (lines[0] ?? '').split(',').map((cell) => cell.trim());
  if (header[0] !== 'Date') add({ line: 1, column: 'Date', message: `the first column must be 'Date' (the ECB eurofxref-hist.csv layout), not '${header[0] ?? ''}'` });
  const currencies: string[] = [];
  header.slice(1).forEach((cell, i) => {
    if (cell === '' && i === header.length - 2) return; // the ECB's trailing comma
    if (!/^[A-Z]{3}$/.test(cell)) add({ line: 1, column: cell || `column ${i + 2}`, message: `'${cell}' is not a currency code (3 upper-case letters)` });
    else if (currencies.includes(cell)) add({ line: 1, column: cell, message: `currency ${cell} appears twice in the header` });
    currencies.push(cell);
  });
  const rows: RateRow[] = [];
  const seenDates = new Map<string, number>();
  let firstDate: string | undefined;
  let lastDate: string | undefined;
  for (let index = 1; index < lines.length; index += 1) {
    const raw = lines[index] ?? '';
    if (raw.trim() === '') continue;
    const line = index + 1;
    const cells = raw.split(',').map((cell) => cell.trim());
    const date = cells[0] ?? '';
    if (!DATE_PATTERN.test(date) || Number.isNaN(Date.parse(`${date}T00:00:00Z`)) || new Date(`${date}T00:00:00Z`).toISOString().slice(0, 10) !== date) {
      add({ line, column: 'Date', message: `'${date}' is not a date YYYY-MM-DD` });
      continue;
    }
    const earlier = seenDates.get(date);
    if (earlier !== undefined) add({ line, column: 'Date', message: `date ${date} appears twice (first on line ${earlier})` });
    seenDates.set(date, line);
    if (cells.length - 1 > header.length - 1 && (cells.at(-1) ?? '') !== '') add({ line, column: 'Date', message: `has ${cells.length} cells, the header ${header.length}` });
    if (firstDate === undefined || date < firstDate) firstDate = date;
    if (lastDate === undefined || date > lastDate) lastDate = date;
    currencies.forEach((currency, c) => {
      const cell = cells[c + 1] ?? '';
      if (cell === '' || cell === 'N/A') return;
      if (!parseDecimal(cell)) add({ line, column: currency, message: `'${cell}' is not a positive rate (units per 1 EUR) or N/A` });
      else rows.push({ date, currency, rate: cell });
    });
  }
  if (seenDates.size === 0 && problems.length === 0) add({ line: 2, column: 'Date', message: 'the file has no rates' });
  return { rows, currencies: currencies.filter((currency) => currency !== ''), firstDate, lastDate, problems };
}
