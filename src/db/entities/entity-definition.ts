import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import { derivationsSchema } from '../../contracts/domain.schema.js';
import type { Derivation } from '../../core/types.js';
import type { Database } from '../open-store.js';

// What the generic repository and the API need to know about one kind of record: its table, its
// schema at the edge, how rows and records map, and which columns a list may filter on.

export interface StoredRecord {
  id: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed per entity; the generic repository only passes them through
export interface EntityDefinition<R extends StoredRecord = StoredRecord, Row = any> {
  /** The collection name used in the API path, the audit log and exports (`pledges`). */
  name: string;
  table: PgTable;
  /** The record as it crosses an edge (create/replace body, import row). */
  schema: z.ZodType<R, unknown>;
  toRecord(row: Row): R;
  toRow(record: R): Partial<Row>;
  /** Query parameters a list may filter on, each an equality on a column (array columns: contains). */
  filters: Record<string, { column: PgColumn; array?: boolean }>;
  /** Whether records carry a confidentiality level (pledges, contributions). */
  confidential?: boolean;
  /**
   * Cross-record checks for entities outside the engine's dataset (funds, meetings, …): problems with the
   * record about to be written (`record`) or deleted (`deletedId`), e.g. an unknown fund or a package
   * still referenced. Runs inside the write's transaction. Dataset entities are checked by prepareDataset.
   */
  checkReferences?(db: Database, change: { record?: R; deletedId?: string }): Promise<ReferenceProblem[]>;
}

export interface ReferenceProblem {
  path: string;
  message: string;
  /** The other record the problem is about (a referrer of a deleted record), for the caller's view of it. */
  about?: { collection: string; id: string };
}

/** Drop keys whose value is null or undefined, for optional fields of a record. */
export function withoutEmpty<T extends Record<string, unknown>>(value: T): { [K in keyof T]: Exclude<T[K], null> } {
  const result: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(value)) if (item !== null && item !== undefined) result[key] = item;
  return result as { [K in keyof T]: Exclude<T[K], null> };
}

/** A date window from two nullable columns, or undefined when both are empty. */
export function windowFrom(from: unknown, to: unknown): { from?: string; to?: string } | undefined {
  if (typeof from !== 'string' && typeof to !== 'string') return undefined;
  return withoutEmpty({ from: typeof from === 'string' ? from : null, to: typeof to === 'string' ? to : null });
}

/** The derivations stored in a jsonb column (written by toRow from a validated record); undefined when none. */
export function derivationsFromRow(value: unknown): Derivation[] | undefined {
  if (value === null || value === undefined) return undefined;
  const parsed = derivationsSchema.safeParse(value);
  return parsed.success && parsed.data.length > 0 ? parsed.data : undefined;
}
