import { getTableName } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { type InputProblem, problemsFromCore, problemsFromZod } from '../../contracts/input-error.js';
import { prepareDataset } from '../../core/dataset/prepare-dataset.js';
import { ALL_ENTITIES } from '../../db/entities/all-entities.js';
import { assembleDataset, DATASET_ENTITY_NAMES } from '../../db/entities/dataset-entities.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import type { AuditRow } from '../../db/audit.repository.js';
import { GENESIS_HASH, hashAuditEntry } from '../audit/hash-audit-entry.js';
import { type AuditEntry, auditEntrySchema, type BackupEnvelope, backupEnvelopeSchema, RECORD_META_KEYS, recordMetaSchema } from './backup-format.js';
import { otherTables, type TableRow, tableRowSchema } from './store-tables.js';
import { parseKeepingLongText } from './keep-long-text.js';

// Everything `coalition restore` checks before it writes: the envelope, every record through its entity's
// schema (with version and timestamps), every row of the other tables, the engine's dataset as a whole, and the
// audit chain (each hash recomputed, the head matching the last entry). Problems carry paths into the file.

export interface RestoredRecord {
  record: StoredRecord;
  version: number;
  createdAt: Date;
  updatedAt: Date;
}

export interface ValidBackup {
  createdAt: string;
  entities: { entity: EntityDefinition; items: RestoredRecord[] }[];
  tables: { table: PgTable; rows: TableRow[] }[];
  audit: AuditRow[];
  head: { seq: number; hash: string };
}

export type BackupValidation = { ok: true; backup: ValidBackup } | { ok: false; problems: InputProblem[] };

type Item = Record<string, unknown>;

function splitMeta(item: Item): { meta: Item; record: Item } {
  const meta: Item = {};
  const record: Item = {};
  for (const [key, value] of Object.entries(item)) ((RECORD_META_KEYS as readonly string[]).includes(key) ? meta : record)[key] = value;
  return { meta, record };
}

function validRecords<R extends StoredRecord>(
  entity: EntityDefinition<R>,
  items: readonly Item[],
  problems: InputProblem[],
): { record: R; version: number; createdAt: Date; updatedAt: Date }[] {
  const valid: { record: R; version: number; createdAt: Date; updatedAt: Date }[] = [];
  const seen = new Map<string, number>();
  items.forEach((item, i) => {
    const path = `entities.${entity.name}[${i}]`;
    const { meta, record } = splitMeta(item);
    const metaResult = recordMetaSchema.safeParse(meta);
    const recordResult = parseKeepingLongText(entity.schema, record);
    if (!metaResult.success) problems.push(...problemsFromZod(metaResult.error, path));
    if (!recordResult.success) problems.push(...problemsFromZod(recordResult.error, path));
    if (!metaResult.success || !recordResult.success) return;
    const first = seen.get(recordResult.data.id);
    if (first !== undefined) problems.push({ path: `${path}.id`, message: `duplicate id '${recordResult.data.id}' (first at [${first}])` });
    seen.set(recordResult.data.id, i);
    const { version, createdAt, updatedAt } = metaResult.data;
    valid.push({ record: recordResult.data, version, createdAt: new Date(createdAt), updatedAt: new Date(updatedAt) });
  });
  return valid;
}

function validTables(envelope: BackupEnvelope, problems: InputProblem[]): ValidBackup['tables'] {
  const known = new Map(otherTables().map((table) => [getTableName(table), table]));
  for (const name of Object.keys(envelope.tables)) if (!known.has(name)) problems.push({ path: `tables.${name}`, message: `unknown table '${name}'` });
  return [...known].map(([name, table]) => {
    const schema = tableRowSchema(table);
    const rows: TableRow[] = [];
    (envelope.tables[name] ?? []).forEach((row, i) => {
      const result = schema.safeParse(row);
      if (result.success) rows.push(result.data);
      else problems.push(...problemsFromZod(result.error, `tables.${name}[${i}]`));
    });
    return { table, rows };
  });
}

/** The first place the chain breaks, as a problem; undefined when every entry and the head fit. */
function checkChain(entries: readonly AuditRow[], head: { seq: number; hash: string }): InputProblem | undefined {
  let prevHash = GENESIS_HASH;
  for (const [i, entry] of entries.entries()) {
    const path = `audit[${i}]`;
    if (entry.seq !== i + 1) return { path: `${path}.seq`, message: `must be ${i + 1} (entries are numbered 1, 2, … without gaps), not ${entry.seq}` };
    if (entry.prevHash !== prevHash) return { path: `${path}.prevHash`, message: `entry ${entry.seq} does not follow entry ${entry.seq - 1} (previous hash differs)` };
    if (hashAuditEntry(prevHash, entry) !== entry.hash) return { path: `${path}.hash`, message: `entry ${entry.seq} was altered (its hash does not match its content)` };
    prevHash = entry.hash;
  }
  if (head.seq !== entries.length || head.hash !== prevHash) {
    return { path: 'head', message: `the chain ends at entry ${entries.length} with hash ${prevHash.slice(0, 12)}…, but the head says entry ${head.seq}` };
  }
  return undefined;
}

function validAudit(envelope: BackupEnvelope, problems: InputProblem[]): AuditRow[] {
  const entries: AuditRow[] = [];
  let broken = false;
  envelope.audit.forEach((item, i) => {
    const result = auditEntrySchema.safeParse(item);
    if (!result.success) {
      problems.push(...problemsFromZod(result.error, `audit[${i}]`));
      broken = true;
      return;
    }
    const entry: AuditEntry = result.data;
    entries.push({ ...entry, at: new Date(entry.at), before: entry.before ?? null, after: entry.after ?? null });
  });
  if (!broken) {
    const chain = checkChain(entries, envelope.head);
    if (chain) problems.push(chain);
  }
  return entries;
}

/** Validate a parsed backup document completely; every problem is listed. */
export function validateBackup(document: unknown): BackupValidation {
  const envelope = backupEnvelopeSchema.safeParse(document);
  if (!envelope.success) return { ok: false, problems: problemsFromZod(envelope.error) };
  const problems: InputProblem[] = [];
  const known = new Set(ALL_ENTITIES.map((entity) => entity.name));
  for (const name of Object.keys(envelope.data.entities)) if (!known.has(name)) problems.push({ path: `entities.${name}`, message: `unknown entity '${name}'` });
  const entities = ALL_ENTITIES.map((entity) => ({ entity, items: validRecords(entity, envelope.data.entities[entity.name] ?? [], problems) }));
  if (problems.length === 0) {
    const byName = new Map(entities.filter(({ entity }) => DATASET_ENTITY_NAMES.has(entity.name)).map(({ entity, items }) => [entity.name, items.map((item) => item.record)]));
    const prepared = prepareDataset(assembleDataset((entity) => byName.get(entity.name) ?? []));
    if (!prepared.ok) problems.push(...problemsFromCore(prepared.problems, 'entities'));
  }
  const tables = validTables(envelope.data, problems);
  const audit = validAudit(envelope.data, problems);
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, backup: { createdAt: envelope.data.createdAt, entities, tables, audit, head: envelope.data.head } };
}
