import { DATASET_ENTITY_NAMES } from '../db/entities/dataset-entities.js';
import { prepareDataset } from '../core/dataset/prepare-dataset.js';
import type { Dataset } from '../core/types.js';
import type { ErrorCode } from '../contracts/error-codes.js';
import { InputError, type InputProblem, problemsFromCore } from '../contracts/input-error.js';
import { lockAuditHead } from '../db/audit.repository.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import type { Database, Store } from '../db/open-store.js';
import { findRecords, insertRecords, updateRecord } from '../db/record.repository.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import { appendAuditBatch, type AuditEvent } from './audit/append-audit.js';
import type { Actor } from './records.service.js';
import type { DatasetCache } from './store-dataset.js';
import { type ProblemAbout, visibleProblems } from './access/visible-problems.js';
import { inTransaction } from '../db/in-transaction.js';

// Bulk writes (the demo, `coalition import`, restore): every record checked first, then all written in one
// transaction with an audit entry each — or nothing at all.

export interface ImportBatch {
  entity: EntityDefinition;
  records: StoredRecord[];
}

export interface ImportSummary {
  created: number;
  updated: number;
  unchanged: number;
  byEntity: Record<string, { created: number; updated: number; unchanged: number }>;
}

/** `insert-missing` keeps existing records as they are (the demo); `upsert` replaces differing ones (import). */
export type ImportMode = 'insert-missing' | 'upsert';

/** Write batches (in dependency order) in one transaction; throws InputError listing every problem. */
export async function importRecords(
  store: Store,
  cache: DatasetCache,
  actor: Actor,
  batches: readonly ImportBatch[],
  options: { mode: ImportMode; now: () => Date; onProgress?: (done: number, total: number) => void },
): Promise<ImportSummary> {
  const total = batches.reduce((sum, batch) => sum + batch.records.length, 0);
  return inTransaction(store.db, async (tx) => {
    const head = await lockAuditHead(tx);
    const current = await cache.forHead(tx, `${head.seq}:${head.hash}`);
    const inconsistent = findMergedProblems(current, batches, options.mode);
    if (inconsistent) throw new InputError(inconsistent.code, 'the import would make the data inconsistent', await visibleProblems(tx, actor, inconsistent.problems));
    const summary: ImportSummary = { created: 0, updated: 0, unchanged: 0, byEntity: {} };
    const events: AuditEvent[] = [];
    const references: InputProblem[] = [];
    let done = 0;
    for (const { entity, records } of batches) {
      const counts = (summary.byEntity[entity.name] ??= { created: 0, updated: 0, unchanged: 0 });
      const written = done;
      // Checked after the batches before it are written (a record may cite one earlier in the same import).
      references.push(...(await referenceProblems(tx, entity, records, actor)));
      const outcomes = await writeBatch(tx, entity, records, actor, options.mode, events, (rows) => options.onProgress?.(written + rows, total));
      for (const outcome of outcomes) {
        counts[outcome] += 1;
        summary[outcome] += 1;
      }
      done += records.length;
      options.onProgress?.(done, total);
    }
    // Every record's reference problems at once; throwing rolls back what was written.
    if (references.length > 0) throw new InputError('dataset.unknown_reference', 'the import refers to records that do not exist', references);
    await appendAuditBatch(tx, head, events, options.now());
    return summary;
  });
}

// References only the store can check (a contribution's fund, donors; a decision's meeting), of every record.
async function referenceProblems(tx: Database, entity: EntityDefinition, records: readonly StoredRecord[], actor: Actor): Promise<InputProblem[]> {
  if (!entity.checkReferences) return [];
  const found: InputProblem[] = [];
  for (const [index, record] of records.entries()) {
    const problems = await entity.checkReferences(tx, { record });
    if (problems.length > 0) found.push(...(await visibleProblems(tx, actor, problems)).map((p) => ({ ...p, path: `${entity.name}[${index}].${p.path}` })));
  }
  return found;
}

// One entity's records: new records inserted in bulk and changed ones updated.
async function writeBatch(
  tx: Database,
  entity: EntityDefinition,
  records: readonly StoredRecord[],
  actor: Actor,
  mode: ImportMode,
  events: AuditEvent[],
  onRows?: (rows: number) => void,
): Promise<('created' | 'updated' | 'unchanged')[]> {
  const seen = new Map<string, number>();
  records.forEach((record, index) => {
    const first = seen.get(record.id);
    if (first !== undefined) throw new InputError('dataset.duplicate_id', `duplicate ${entity.name} id`, [{ path: `${entity.name}[${index}].id`, message: `duplicate id '${record.id}' (first at ${entity.name}[${first}])` }]);
    seen.set(record.id, index);
  });
  const existing = await findRecords(tx, entity, records.map((record) => record.id));
  const fresh: StoredRecord[] = [];
  const outcomes: ('created' | 'updated' | 'unchanged')[] = [];
  for (const record of records) {
    const stored = existing.get(record.id);
    // Normalised as the store will give it back, so the audit entry matches what a read returns.
    const normalised = entity.toRecord({ ...entity.toRow(record) });
    if (!stored) {
      fresh.push(record);
      events.push({ actor: actor.name, action: 'create', entity: entity.name, entityId: record.id, before: null, after: { ...normalised, version: 1 } });
      outcomes.push('created');
      continue;
    }
    if (mode === 'insert-missing' || canonicalJson(stored.record) === canonicalJson(normalised)) {
      outcomes.push('unchanged');
      continue;
    }
    const outcome = await updateRecord(tx, entity, record, stored.version);
    if (!outcome.ok) throw new InputError('conflict', `${entity.name} '${record.id}' changed during the import`);
    events.push({
      actor: actor.name,
      action: 'update',
      entity: entity.name,
      entityId: record.id,
      before: { ...stored.record, version: stored.version },
      after: { ...outcome.value.record, version: outcome.value.version },
    });
    outcomes.push('updated');
  }
  await insertRecords(tx, entity, fresh, (inserted) => onRows?.(records.length - fresh.length + inserted));
  return outcomes;
}

// The engine's records must stay consistent as a whole: the problems of the store's dataset with the batch
// applied, if any (each about the stored record it is in, for visibleProblems).
function findMergedProblems(current: Dataset, batches: readonly ImportBatch[], mode: ImportMode): { code: ErrorCode; problems: ProblemAbout[] } | undefined {
  const merged: Record<string, StoredRecord[]> = {};
  for (const key of DATASET_ENTITY_NAMES) merged[key] = [...(current[key as keyof Dataset] as unknown as StoredRecord[])];
  const positions = new Map<string, Map<string, number>>();
  for (const { entity, records } of batches) {
    if (!DATASET_ENTITY_NAMES.has(entity.name)) continue;
    const list = merged[entity.name] as StoredRecord[];
    const byId = new Map(list.map((item, i) => [item.id, i]));
    const where = positions.get(entity.name) ?? new Map<string, number>();
    records.forEach((record, i) => {
      where.set(record.id, i);
      const at = byId.get(record.id);
      if (at === undefined) {
        byId.set(record.id, list.length);
        list.push(record);
      } else if (mode === 'upsert') {
        list[at] = record;
      }
    });
    positions.set(entity.name, where);
  }
  const prepared = prepareDataset(merged as unknown as Dataset);
  if (prepared.ok) return undefined;
  // Report paths as positions in the batch where the problem is in an imported record.
  const problems: ProblemAbout[] = problemsFromCore(prepared.problems).map((problem) => {
    let about: ProblemAbout['about'];
    const path = problem.path.replace(/^(\w+)\[(\d+)\]/, (whole, name: string, index: string) => {
      const record = merged[name]?.[Number(index)];
      const batchIndex = record ? positions.get(name)?.get(record.id) : undefined;
      if (batchIndex !== undefined) return `${name}[${batchIndex}]`;
      if (!record) return whole;
      about = { collection: name, id: record.id };
      return `${name}/${record.id} (stored)`;
    });
    return about ? { ...problem, path, about } : { ...problem, path };
  });
  return { code: prepared.problems[0]?.code ?? 'input.invalid', problems };
}
