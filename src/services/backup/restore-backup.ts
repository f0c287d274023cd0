import { readFile } from 'node:fs/promises';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { AppError, InputError, type InputProblem } from '../../contracts/input-error.js';
import { lockAuditHead } from '../../db/audit.repository.js';
import type { Database, Store } from '../../db/open-store.js';
import { auditHead, auditLog } from '../../db/schema/index.js';
import type { DatasetCache } from '../store-dataset.js';
import { clearStore, countStoredRows, insertChunked } from './store-tables.js';
import { type ValidBackup, validateBackup } from './validate-backup.js';
import { inTransaction } from '../../db/in-transaction.js';

// `coalition restore FILE`: validate the whole backup first, then write every record (with its version and
// timestamps), every other table's rows, the audit entries verbatim and the head in one transaction — into an
// empty store, or with `force` after deleting everything in it. References outside the engine's dataset
// (contributions → funds, meetings → pledges, …) are checked inside that transaction, for every record.

export interface RestoreProgress {
  phase: 'validate' | 'records' | 'audit' | 'references';
  done: number;
  total: number;
}

export interface RestoreOptions {
  force?: boolean;
  onProgress?: (progress: RestoreProgress) => void;
}

export interface RestoreSummary {
  backupCreatedAt: string;
  records: number;
  tableRows: number;
  auditEntries: number;
  head: { seq: number; hash: string };
  /** Rows deleted first (with force). */
  replaced: number;
}

/** Read a backup file (gzip recognised by its magic bytes) as a JSON document; problems if it is neither. */
export async function readBackupFile(path: string): Promise<unknown> {
  const name = basename(path);
  let bytes: Buffer = await readFile(path);
  if (bytes[0] === 0x1f && bytes[1] === 0x8b) {
    try {
      bytes = gunzipSync(bytes);
    } catch (error) {
      throw new InputError('input.invalid', `cannot read ${name}`, [{ path: name, message: `is damaged gzip: ${error instanceof Error ? error.message : String(error)}` }]);
    }
  }
  try {
    return JSON.parse(bytes.toString('utf8'));
  } catch (error) {
    throw new InputError('input.invalid', `cannot read ${name}`, [{ path: name, message: `is not a JSON backup: ${error instanceof Error ? error.message : String(error)}` }]);
  }
}

async function writeRecords(tx: Database, backup: ValidBackup, options: RestoreOptions): Promise<number> {
  const total = backup.entities.reduce((sum, { items }) => sum + items.length, 0);
  let done = 0;
  for (const { entity, items } of backup.entities) {
    const rows = items.map(({ record, version, createdAt, updatedAt }) => ({ ...entity.toRow(record), version, createdAt, updatedAt }));
    await insertChunked(tx, entity.table, rows, (inserted) => {
      done += inserted;
      options.onProgress?.({ phase: 'records', done, total });
    });
  }
  for (const { table, rows } of backup.tables) await insertChunked(tx, table, rows);
  return total;
}

async function writeAudit(tx: Database, backup: ValidBackup, options: RestoreOptions): Promise<void> {
  let done = 0;
  const total = backup.audit.length;
  await insertChunked(tx, auditLog, backup.audit, (inserted) => {
    done += inserted;
    options.onProgress?.({ phase: 'audit', done, total });
  });
  await tx.update(auditHead).set(backup.head);
}

async function checkReferences(tx: Database, backup: ValidBackup, options: RestoreOptions): Promise<InputProblem[]> {
  const problems: InputProblem[] = [];
  const checked = backup.entities.filter(({ entity }) => entity.checkReferences);
  const total = checked.reduce((sum, { items }) => sum + items.length, 0);
  let done = 0;
  for (const { entity, items } of checked) {
    for (const [i, { record }] of items.entries()) {
      const found = (await entity.checkReferences?.(tx, { record })) ?? [];
      problems.push(...found.map((problem) => ({ path: `entities.${entity.name}[${i}].${problem.path}`, message: problem.message })));
      done += 1;
      if (done % 1_000 === 0 || done === total) options.onProgress?.({ phase: 'references', done, total });
    }
  }
  return problems;
}

/** Restore a parsed backup document into the store; throws InputError listing every problem, or a conflict for a non-empty store. */
export async function restoreBackup(store: Store, cache: DatasetCache, document: unknown, options: RestoreOptions = {}): Promise<RestoreSummary> {
  options.onProgress?.({ phase: 'validate', done: 0, total: 1 });
  const validation = validateBackup(document);
  if (!validation.ok) throw new InputError('input.invalid', 'the backup is not valid; nothing was restored', validation.problems);
  const { backup } = validation;
  options.onProgress?.({ phase: 'validate', done: 1, total: 1 });
  const summary = await inTransaction(store.db, async (tx) => {
    await lockAuditHead(tx);
    const stored = await countStoredRows(tx);
    const existing = stored.records + stored.otherRows + stored.auditEntries;
    if (existing > 0 && !options.force) {
      const what = `${stored.records} records, ${stored.otherRows} other rows, ${stored.auditEntries} audit entries`;
      throw new AppError('conflict', `the store is not empty (${what}): restore into an empty store, or pass --force to replace everything in it`);
    }
    if (existing > 0) await clearStore(tx);
    const records = await writeRecords(tx, backup, options);
    await writeAudit(tx, backup, options);
    const problems = await checkReferences(tx, backup, options);
    if (problems.length > 0) throw new InputError('dataset.unknown_reference', 'the backup refers to records it does not hold; nothing was restored', problems);
    const tableRows = backup.tables.reduce((sum, { rows }) => sum + rows.length, 0);
    return { backupCreatedAt: backup.createdAt, records, tableRows, auditEntries: backup.audit.length, head: backup.head, replaced: existing };
  });
  cache.invalidate();
  return summary;
}
