import type { PgColumn, PgTable } from 'drizzle-orm/pg-core';
import type { z } from 'zod';
import type { RecordType } from '../../contracts/record-types/declare-record-type.js';
import { recordToRow, rowToRecord } from '../../contracts/record-types/storage-mapping.js';
import type { Database } from '../open-store.js';

// What the generic repository and the API need to know about one kind of record: its table, its
// schema at the edge, how rows and records map, and which columns a list may filter on. All of it comes from
// the record type's declaration (src/contracts/record-types); only the reference checks that need the store
// are added here.

export interface StoredRecord {
  id: string;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- rows are typed per entity; the generic repository only passes them through
export interface EntityDefinition<R extends StoredRecord = StoredRecord, Row = any> {
  /** The collection name used in the API path, the audit log and exports (`pledges`). */
  name: string;
  /** The declaration everything here is derived from (the API's response schema, recordResponseSchemaOf, is built from its edge schema). */
  type: RecordType;
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

/**
 * The entity of a declared record type: its table, schema, filters and confidentiality, the declaration's storage
 * mapping, and (for types outside the engine's dataset) the reference checks their writes need.
 */
export function entityOf<R extends StoredRecord>(
  type: RecordType & { schema: z.ZodType<R> },
  checks?: Pick<EntityDefinition<R>, 'checkReferences'>,
): EntityDefinition<R, Record<string, unknown>>;
/** The entity of a record type known only at run time (from the registry). */
export function entityOf(type: RecordType): EntityDefinition;
export function entityOf<R extends StoredRecord>(
  type: RecordType,
  checks: Pick<EntityDefinition<R>, 'checkReferences'> = {},
): EntityDefinition<R, Record<string, unknown>> {
  return {
    name: type.name,
    type,
    table: type.table,
    schema: type.schema as unknown as z.ZodType<R, unknown>,
    // Rows come from the store, which only holds records their schema accepted.
    toRecord: (row) => rowToRecord(type, row) as R,
    toRow: (record) => recordToRow(type, record),
    filters: type.filters,
    confidential: type.confidential,
    ...checks,
  };
}
