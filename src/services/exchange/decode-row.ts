import type { z } from 'zod';
import type { StoredRecord } from '../../db/entities/entity-definition.js';
import { type CellValue, type Column, ParsedRow, parseCell } from './cells.js';
import type { CodecSpec } from './columns.js';

// One row of a file → one validated record, or every problem of the row, each at its column.

export interface CellProblem {
  column: string;
  message: string;
}

export type DecodedRow<R> = { ok: true; record: R } | { ok: false; problems: CellProblem[] };

type PathPart = string | number;

function fieldParts(field: string): string[] {
  return field.split('.');
}

function startsWith(path: readonly PathPart[], prefix: readonly PathPart[]): boolean {
  return prefix.length <= path.length && prefix.every((part, i) => path[i] === part);
}

/**
 * The column a record path belongs to, and what is left of the path below the column's field: `['window',
 * 'from']` → window_from; `['areas', 2]` → areas with rest `[2]`; `['quantity']` (a refinement of the pair) →
 * the first column under it, quantity_min.
 */
export function columnForPath(columns: readonly Column[], path: readonly PathPart[]): { column: Column; rest: PathPart[] } | undefined {
  let best: { column: Column; rest: PathPart[]; length: number } | undefined;
  for (const column of columns) {
    const parts = fieldParts(column.field);
    if (startsWith(path, parts) && (!best || parts.length > best.length)) best = { column, rest: path.slice(parts.length), length: parts.length };
  }
  if (best) return { column: best.column, rest: best.rest };
  const under = columns.find((column) => path.length > 0 && startsWith(fieldParts(column.field), path));
  return under ? { column: under, rest: [] } : undefined;
}

/** `[1, 'share']` → `item 2, share: `, so a problem in a list cell says which item. */
export function describeRest(rest: readonly PathPart[]): string {
  if (rest.length === 0) return '';
  const words = rest.map((part) => (typeof part === 'number' ? `item ${part + 1}` : part));
  return `${words.join(', ')}: `;
}

/**
 * Zod's issues as problems at columns; issues at columns in `skip` (already reported) are left out, and a type
 * issue at a column not in `filled` means a required cell is empty.
 */
export function problemsAtColumns(
  columns: readonly Column[],
  issues: readonly z.core.$ZodIssue[],
  cells: { skip: ReadonlySet<string>; filled: ReadonlySet<string> },
): CellProblem[] {
  const problems: CellProblem[] = [];
  for (const issue of issues) {
    const path = issue.path.filter((part): part is PathPart => typeof part !== 'symbol');
    const found = columnForPath(columns, path);
    const name = found?.column.name ?? columns[0]?.name ?? 'id';
    if (cells.skip.has(name)) continue;
    const empty = issue.code === 'invalid_type' && !cells.filled.has(name) && found?.rest.length === 0;
    const message = empty ? 'must not be empty' : issue.message;
    problems.push({ column: name, message: `${describeRest(found?.rest ?? [])}${message}` });
  }
  return problems;
}

/** Parse the cells of one row by their columns' kinds and validate the record with the entity's schema. */
export function decodeRow<R extends StoredRecord>(codec: CodecSpec<R>, cells: Readonly<Record<string, unknown>>): DecodedRow<R> {
  const values = new Map<string, CellValue>();
  const filled = new Set<string>();
  const failed = new Set<string>();
  const problems: CellProblem[] = [];
  for (const column of codec.columns) {
    const raw = cells[column.name];
    const parsed = parseCell(column.kind, raw);
    if (!parsed.ok) {
      problems.push({ column: column.name, message: parsed.message });
      failed.add(column.name);
      filled.add(column.name);
    } else if (parsed.value !== undefined) {
      values.set(column.name, parsed.value);
      filled.add(column.name);
    }
  }
  const candidate = codec.fromRow(new ParsedRow(values, filled), (column, message) => {
    problems.push({ column, message });
    failed.add(column);
  });
  const result = codec.entity.schema.safeParse(candidate);
  if (!result.success) problems.push(...problemsAtColumns(codec.columns, result.error.issues, { skip: failed, filled }));
  if (problems.length > 0 || !result.success) return { ok: false, problems: sortByColumn(codec.columns, problems) };
  return { ok: true, record: result.data };
}

function sortByColumn(columns: readonly Column[], problems: CellProblem[]): CellProblem[] {
  const order = new Map(columns.map((column, i) => [column.name, i]));
  return [...problems].sort((a, b) => (order.get(a.column) ?? 0) - (order.get(b.column) ?? 0));
}
