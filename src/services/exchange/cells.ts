import type { CellKind, ExchangeColumn } from '../../contracts/record-types/declare-record-type.js';

// Cells of the exchange formats (CSV, XLSX, JSON): what a column holds, how a record's value becomes a cell and
// how a cell read from a file is parsed back — strictly, so "1,000" or "yes" is reported rather than guessed.

/** A cell as exported: text, a number, a boolean, or null for an empty cell. */
export type Cell = string | number | boolean | null;

/** One exported row: column name → cell, in column order. */
export type TableRow = Record<string, Cell>;

/**
 * text: as is; integer / number: digits (a decimal point for number), no thousands separators; boolean: true /
 * false; list: items joined with `;`; donors: `PL:0.5;NO:0.25` or `PL;NO` (a party, optionally `:share`, and `?` at
 * the end of a part its donor has not confirmed).
 */
export type { CellKind };

/** A column of an exchange file, declared with its record type's field (src/contracts/record-types). */
export type Column = ExchangeColumn;

export interface DonorCell {
  party: string;
  share?: number;
  /** false: the donor has not confirmed its part (written with a trailing `?`). */
  confirmed?: boolean;
}

export type CellValue = string | number | boolean | string[] | DonorCell[];

export type ParsedCell = { ok: true; value: CellValue | undefined } | { ok: false; message: string };

const LIST_SEPARATOR = ';';
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+(\.\d+)?$/;

/** A list cell: items joined with `;`, null when there are none. */
export function formatList(items: readonly string[] | undefined): Cell {
  return items && items.length > 0 ? items.join(LIST_SEPARATOR) : null;
}

/** A donors cell: `PL:0.5;NO:0.25`, or `PL;NO` for donors without shares; an unconfirmed part ends in `?` (`NO:0.25?`). */
export function formatDonors(donors: readonly DonorCell[]): string {
  return donors
    .map((donor) => `${donor.share === undefined ? donor.party : `${donor.party}:${donor.share}`}${donor.confirmed === false ? '?' : ''}`)
    .join(LIST_SEPARATOR);
}

const ok = (value: CellValue | undefined): ParsedCell => ({ ok: true, value });
const bad = (message: string): ParsedCell => ({ ok: false, message });

function describe(raw: unknown): string {
  return typeof raw === 'string' ? `'${raw}'` : JSON.stringify(raw) ?? String(raw);
}

function isEmpty(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

function parseText(raw: unknown): ParsedCell {
  if (typeof raw === 'string') return ok(raw);
  // A spreadsheet may have turned an id such as 2026 into a number: its text is still what was meant.
  if (typeof raw === 'number' && Number.isFinite(raw)) return ok(String(raw));
  return bad(`must be text, not ${describe(raw)}`);
}

function parseInteger(raw: unknown): ParsedCell {
  if (typeof raw === 'number') return Number.isSafeInteger(raw) ? ok(raw) : bad(`must be a whole number, not ${raw}`);
  if (typeof raw !== 'string') return bad(`must be a whole number, not ${describe(raw)}`);
  const text = raw.trim();
  if (!INTEGER.test(text)) return bad(`must be a whole number written with digits only (e.g. 7500, no separators), not '${raw}'`);
  const value = Number(text);
  return Number.isSafeInteger(value) ? ok(value) : bad(`must be at most ${Number.MAX_SAFE_INTEGER}, not ${text}`);
}

function parseDecimal(raw: unknown): ParsedCell {
  if (typeof raw === 'number') return Number.isFinite(raw) ? ok(raw) : bad(`must be a number, not ${raw}`);
  if (typeof raw !== 'string') return bad(`must be a number, not ${describe(raw)}`);
  const text = raw.trim();
  return DECIMAL.test(text) ? ok(Number(text)) : bad(`must be a number written with digits and a decimal point (e.g. 0.25), not '${raw}'`);
}

function parseBoolean(raw: unknown): ParsedCell {
  if (typeof raw === 'boolean') return ok(raw);
  const text = typeof raw === 'string' ? raw.trim().toLowerCase() : undefined;
  if (text === 'true' || text === 'false') return ok(text === 'true');
  return bad(`must be true or false, not ${describe(raw)}`);
}

function splitItems(raw: unknown): { items: string[] } | { message: string } {
  const items = Array.isArray(raw) ? raw : typeof raw === 'string' ? raw.split(LIST_SEPARATOR) : undefined;
  if (!items) return { message: `must be a list of items separated by '${LIST_SEPARATOR}', not ${describe(raw)}` };
  const texts: string[] = [];
  for (const [i, item] of items.entries()) {
    if (typeof item !== 'string') return { message: `item ${i + 1} must be text, not ${describe(item)}` };
    if (item.trim() === '') return { message: `item ${i + 1} is empty (items are separated by '${LIST_SEPARATOR}')` };
    texts.push(item.trim());
  }
  return { items: texts };
}

function parseList(raw: unknown): ParsedCell {
  const split = splitItems(raw);
  return 'items' in split ? ok(split.items) : bad(split.message);
}

function parseDonors(raw: unknown): ParsedCell {
  const split = splitItems(raw);
  if (!('items' in split)) return bad(split.message);
  const donors: DonorCell[] = [];
  for (const [i, given] of split.items.entries()) {
    // A trailing `?` marks a part its donor has not confirmed.
    const unconfirmed = given.endsWith('?');
    const item = unconfirmed ? given.slice(0, -1).trim() : given;
    const state = unconfirmed ? { confirmed: false } : {};
    const [party = '', share, ...rest] = item.split(':').map((part) => part.trim());
    if (rest.length > 0 || party === '') return bad(`donor ${i + 1} must be PARTY or PARTY:SHARE (e.g. PL:0.5), optionally ending in ? (unconfirmed), not '${given}'`);
    if (share === undefined) {
      donors.push({ party, ...state });
      continue;
    }
    if (!DECIMAL.test(share)) return bad(`donor ${i + 1} (${party}): the share must be a number between 0 and 1 such as 0.25, not '${share}'`);
    donors.push({ party, share: Number(share), ...state });
  }
  return ok(donors);
}

const PARSERS: Record<CellKind, (raw: unknown) => ParsedCell> = {
  text: parseText,
  integer: parseInteger,
  number: parseDecimal,
  boolean: parseBoolean,
  list: parseList,
  donors: parseDonors,
};

/** Parse a cell read from a file as a column of `kind`; an empty cell is undefined (the field is absent). */
export function parseCell(kind: CellKind, raw: unknown): ParsedCell {
  if (kind !== 'text' && isEmpty(raw)) return ok(undefined);
  if (kind === 'text' && (raw === null || raw === undefined || raw === '')) return ok(undefined);
  if (kind !== 'list' && kind !== 'donors' && Array.isArray(raw)) return bad(`must be a single value, not a list`);
  return PARSERS[kind](raw);
}

/** Typed access to the parsed cells of one row (absent when empty, missing or unparseable). */
export class ParsedRow {
  /** `values`: the cells that parsed; `filled`: every non-empty cell, also those that did not parse. */
  constructor(
    private readonly values: ReadonlyMap<string, CellValue>,
    private readonly filled: ReadonlySet<string>,
  ) {}

  /** A text cell. */
  text(column: string): string | undefined {
    const value = this.values.get(column);
    return typeof value === 'string' ? value : undefined;
  }

  /** A number cell (integer or decimal). */
  number(column: string): number | undefined {
    const value = this.values.get(column);
    return typeof value === 'number' ? value : undefined;
  }

  /** A boolean cell. */
  boolean(column: string): boolean | undefined {
    const value = this.values.get(column);
    return typeof value === 'boolean' ? value : undefined;
  }

  /** A list cell. */
  list(column: string): string[] | undefined {
    const value = this.values.get(column);
    return Array.isArray(value) && value.every((item): item is string => typeof item === 'string') ? value : undefined;
  }

  /** A donors cell. */
  donors(column: string): DonorCell[] | undefined {
    const value = this.values.get(column);
    return Array.isArray(value) && value.every((item): item is DonorCell => typeof item === 'object') ? value : undefined;
  }

  /** Whether the row's cell for the column is non-empty (whether or not it parsed). */
  has(column: string): boolean {
    return this.filled.has(column);
  }
}
