import { createWriteStream } from 'node:fs';
import { rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { createGzip } from 'node:zlib';
import { getTableName } from 'drizzle-orm';
import { readAuditBatch, readAuditHead } from '../../db/audit.repository.js';
import { ALL_ENTITIES } from '../../db/entities/all-entities.js';
import type { Database } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { BACKUP_FORMAT, BACKUP_FORMAT_VERSION } from './backup-format.js';
import { dumpTable, otherTables } from './store-tables.js';
import { inTransaction } from '../../db/in-transaction.js';

// `coalition backup FILE`: the whole store in one consistent snapshot (a repeatable-read transaction), streamed
// to FILE (gzip when it ends in .gz) through a temporary file that is renamed at the end, so FILE is either
// the complete backup or not there.

export interface BackupProgress {
  phase: 'records' | 'audit';
  done: number;
}

export interface BackupSummary {
  records: number;
  tableRows: number;
  auditEntries: number;
  head: { seq: number; hash: string };
}

export interface BackupOptions {
  now: Date;
  onProgress?: (progress: BackupProgress) => void;
}

const AUDIT_BATCH = 5_000;
const PROGRESS_EVERY = 10_000;

function byId<T extends { record: { id: string } }>(a: T, b: T): number {
  return a.record.id < b.record.id ? -1 : a.record.id > b.record.id ? 1 : 0;
}

/** The lines of one JSON array: `"name":[` then one item a line. */
function* arrayLines(name: string, items: readonly unknown[], last: boolean): Generator<string> {
  yield `${JSON.stringify(name)}:[${items.length === 0 ? '' : '\n'}`;
  for (const [i, item] of items.entries()) yield `${JSON.stringify(item)}${i < items.length - 1 ? ',' : ''}\n`;
  yield `]${last ? '' : ','}\n`;
}

async function* recordLines(db: Database, summary: BackupSummary, options: BackupOptions): AsyncGenerator<string> {
  yield '"entities":{\n';
  for (const [index, entity] of ALL_ENTITIES.entries()) {
    // Sorted here rather than by the database's collation, so every store writes the same order.
    const items = (await listAllRecords(db, entity)).sort(byId);
    const lines = items.map(({ record, version, createdAt, updatedAt }) => ({ ...record, version, createdAt, updatedAt }));
    yield* arrayLines(entity.name, lines, index === ALL_ENTITIES.length - 1);
    summary.records += items.length;
    options.onProgress?.({ phase: 'records', done: summary.records });
  }
  yield '},\n"tables":{\n';
  const tables = otherTables();
  for (const [index, table] of tables.entries()) {
    const rows = await dumpTable(db, table);
    yield* arrayLines(getTableName(table), rows, index === tables.length - 1);
    summary.tableRows += rows.length;
  }
  yield '},\n';
}

async function* auditLines(db: Database, summary: BackupSummary, options: BackupOptions): AsyncGenerator<string> {
  yield '"audit":[\n';
  let after = 0;
  for (;;) {
    const batch = await readAuditBatch(db, after, AUDIT_BATCH);
    for (const row of batch) {
      const entry = { ...row, at: row.at.toISOString() };
      yield `${summary.auditEntries === 0 ? '' : ',\n'}${JSON.stringify(entry)}`;
      summary.auditEntries += 1;
      if (summary.auditEntries % PROGRESS_EVERY === 0) options.onProgress?.({ phase: 'audit', done: summary.auditEntries });
    }
    const last = batch.at(-1);
    if (!last || batch.length < AUDIT_BATCH) break;
    after = last.seq;
  }
  options.onProgress?.({ phase: 'audit', done: summary.auditEntries });
  const head = await readAuditHead(db);
  summary.head = { seq: head.seq, hash: head.hash };
  yield `${summary.auditEntries === 0 ? '' : '\n'}],\n"head":${JSON.stringify(summary.head)}}\n`;
}

/** The backup document as chunks of text, read from `db` (which should be a snapshot transaction). */
export async function* backupChunks(db: Database, summary: BackupSummary, options: BackupOptions): AsyncGenerator<string> {
  const header = { format: BACKUP_FORMAT, formatVersion: BACKUP_FORMAT_VERSION, createdAt: options.now.toISOString() };
  yield `${JSON.stringify(header).slice(0, -1)},\n`;
  yield* recordLines(db, summary, options);
  yield* auditLines(db, summary, options);
}

/** Join small chunks into blocks of about 64 kB for the stream. */
async function* blocks(chunks: AsyncIterable<string>): AsyncGenerator<string> {
  let pending = '';
  for await (const chunk of chunks) {
    pending += chunk;
    if (pending.length >= 65_536) {
      yield pending;
      pending = '';
    }
  }
  if (pending !== '') yield pending;
}

/** Write a backup of the whole store to `path` (gzip if it ends in .gz); returns what it holds. */
export async function backupToFile(db: Database, path: string, options: BackupOptions): Promise<BackupSummary> {
  const summary: BackupSummary = { records: 0, tableRows: 0, auditEntries: 0, head: { seq: 0, hash: '' } };
  const temporary = `${path}.partial-${process.pid}`;
  try {
    await inTransaction(
      db,
      async (tx) => {
        const source = Readable.from(blocks(backupChunks(tx, summary, options)));
        // The backup holds users' password hashes: readable by the owner only.
        const sink = createWriteStream(temporary, { mode: 0o600 });
        if (path.endsWith('.gz')) await pipeline(source, createGzip(), sink);
        else await pipeline(source, sink);
      },
      { isolationLevel: 'repeatable read', accessMode: 'read only' },
    );
    await rename(temporary, path);
    return summary;
  } catch (error) {
    await rm(temporary, { force: true });
    throw error;
  }
}
