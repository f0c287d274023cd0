import { DATASET_ENTITY_NAMES } from '../db/entities/dataset-entities.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import type { Problem } from '../core/errors.js';
import type { Dataset } from '../core/types.js';
import { AppError, InputError, type InputProblem } from '../contracts/input-error.js';
import { lockAuditHead, readAuditHead } from '../db/audit.repository.js';
import { findReferencesToDatasetRecord } from '../db/entities/all-entities.js';
import type { EntityDefinition, StoredRecord } from '../db/entities/entity-definition.js';
import type { Database, Store } from '../db/open-store.js';
import { deleteRecord, findRecord, insertRecord, type ListQuery, listRecords, updateRecord, type Versioned } from '../db/record.repository.js';
import { appendAudit } from './audit/append-audit.js';
import { HeadKeyedCache } from './head-keyed-cache.js';
import type { DatasetCache } from './store-dataset.js';

// Reads and writes of records. Every write runs in one transaction: lock the audit head, check the version,
// check the dataset stays consistent, write, append the audit entry. A stale version is refused (409).

export interface Actor {
  /** Who is writing: a user name, or a system actor such as `demo` or `import`. */
  name: string;
}

type Change<R extends StoredRecord> = { kind: 'create'; record: R } | { kind: 'update'; record: R } | { kind: 'delete'; id: string };

export class RecordService {
  private readonly pages = new HeadKeyedCache<{ items: Versioned<StoredRecord>[]; total: number }>(256);

  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
    private readonly now: () => Date = () => new Date(),
  ) {}

  /** A page of records (shared between callers: do not mutate). */
  async list<R extends StoredRecord>(entity: EntityDefinition<R>, query: ListQuery): Promise<{ items: Versioned<R>[]; total: number }> {
    const head = await readAuditHead(this.store.db);
    const page = await this.pages.get(`${head.seq}:${head.hash}`, `${entity.name}\n${canonicalJson(query)}`, () => listRecords(this.store.db, entity, query));
    return page as { items: Versioned<R>[]; total: number };
  }

  /** One record, or not_found. */
  async get<R extends StoredRecord>(entity: EntityDefinition<R>, id: string): Promise<Versioned<R>> {
    const found = await findRecord(this.store.db, entity, id);
    if (!found) throw notFound(entity, id);
    return found;
  }

  /** Create a record at version 1. */
  async create<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R): Promise<Versioned<R>> {
    return this.write(actor, entity, { kind: 'create', record }, undefined);
  }

  /** Replace a record whose version is still `expected`. */
  async replace<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, record: R, expected: number): Promise<Versioned<R>> {
    return this.write(actor, entity, { kind: 'update', record }, expected);
  }

  /** Delete a record whose version is still `expected`. */
  async remove<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, id: string, expected: number): Promise<Versioned<R>> {
    return this.write(actor, entity, { kind: 'delete', id }, expected);
  }

  private async write<R extends StoredRecord>(actor: Actor, entity: EntityDefinition<R>, change: Change<R>, expected: number | undefined): Promise<Versioned<R>> {
    // Caches are keyed by the audit head, which every write moves: nothing to invalidate. The dataset this
    // write checked is kept under the new head, so the next write or scenario need not read it again.
    let next: { head: string; dataset: PreparedDataset | undefined } | undefined;
    const written = await this.store.db.transaction(async (transaction) => {
      const tx = transaction as unknown as Database;
      // Read and check the version before taking the head's lock, which serialises all writers: the
      // version-checked UPDATE/DELETE (and the insert's conflict check) still catch a change in between.
      const id = change.kind === 'delete' ? change.id : change.record.id;
      const current = await findRecord(tx, entity, id);
      if (change.kind === 'create' && current) throw new AppError('conflict', `${entity.name} '${id}' already exists`, [], { currentVersion: current.version });
      if (change.kind !== 'create') {
        if (!current) throw notFound(entity, id);
        if (current.version !== expected) throw staleVersion(entity, id, current.version, expected);
      }
      const head = await lockAuditHead(tx);
      const headKey = `${head.seq}:${head.hash}`;
      let dataset: PreparedDataset | undefined = this.cache.peek(headKey);
      if (DATASET_ENTITY_NAMES.has(entity.name)) {
        const stored = await this.cache.forHead(tx, headKey);
        if (change.kind === 'create' && (stored[entity.name as keyof Dataset] as unknown as StoredRecord[]).some((item) => item.id === id)) {
          // Created by a writer that committed between our first read and the lock.
          throw new AppError('conflict', `${entity.name} '${id}' already exists`);
        }
        const changed = applyChange(stored, entity.name, change);
        const prepared = prepareDataset(changed);
        if (!prepared.ok) throw consistencyError(entity.name, id, changed, prepared.problems);
        dataset = prepared.value;
      }
      if (change.kind === 'delete' && DATASET_ENTITY_NAMES.has(entity.name)) {
        // The funding, sanctions and meeting records cite parties, sources, pledges and requirements too.
        const problems = await findReferencesToDatasetRecord(tx, entity.name, change.id);
        if (problems.length > 0) throw new InputError('dataset.unknown_reference', `${entity.name} '${id}' is still referenced`, problems);
      }
      if (entity.checkReferences) {
        const problems = await entity.checkReferences(tx, change.kind === 'delete' ? { deletedId: change.id } : { record: change.record });
        if (problems.length > 0) {
          throw new InputError('dataset.unknown_reference', `${entity.name} '${id}' would make the data inconsistent`, problems);
        }
      }
      const written = await this.applyWrite(tx, entity, change, expected);
      const newHead = await appendAudit(
        tx,
        {
          actor: actor.name,
          action: change.kind,
          entity: entity.name,
          entityId: id,
          before: current ? { ...current.record, version: current.version } : null,
          after: change.kind === 'delete' ? null : { ...written.record, version: written.version },
        },
        this.now(),
        head,
      );
      next = { head: `${newHead.seq}:${newHead.hash}`, dataset };
      return written;
    });
    if (next?.dataset) this.cache.remember(next.head, next.dataset);
    return written;
  }

  private async applyWrite<R extends StoredRecord>(tx: Database, entity: EntityDefinition<R>, change: Change<R>, expected: number | undefined): Promise<Versioned<R>> {
    if (change.kind === 'create') {
      const inserted = await insertRecord(tx, entity, change.record);
      if (!inserted) throw new AppError('conflict', `${entity.name} '${change.record.id}' already exists`);
      return inserted;
    }
    const outcome =
      change.kind === 'update' ? await updateRecord(tx, entity, change.record, expected ?? 0) : await deleteRecord(tx, entity, change.id, expected ?? 0);
    if (outcome.ok) return outcome.value;
    const id = change.kind === 'delete' ? change.id : change.record.id;
    if (outcome.reason === 'not_found') throw notFound(entity, id);
    throw staleVersion(entity, id, outcome.current, expected);
  }
}

function notFound(entity: EntityDefinition, id: string): AppError {
  return new AppError('not_found', `${entity.name} '${id}' not found`);
}

function staleVersion(entity: EntityDefinition, id: string, current: number, expected: number | undefined): AppError {
  return new AppError('conflict', `${entity.name} '${id}' is at version ${current}, not ${String(expected)}: reload and apply your change again`, [], {
    currentVersion: current,
  });
}

function applyChange<R extends StoredRecord>(dataset: Dataset, name: string, change: Change<R>): Dataset {
  const key = name as keyof Dataset;
  const list = dataset[key] as unknown as StoredRecord[];
  let next: StoredRecord[];
  if (change.kind === 'create') next = [...list, change.record];
  else if (change.kind === 'update') next = list.map((item) => (item.id === change.record.id ? change.record : item));
  else next = list.filter((item) => item.id !== change.id);
  return { ...dataset, [key]: next };
}

// Problems of the written record get paths relative to it; problems elsewhere name the record they are in.
function consistencyError(name: string, id: string, dataset: Dataset, problems: readonly Problem[]): InputError {
  const key = name as keyof Dataset;
  const index = (dataset[key] as unknown as StoredRecord[]).findIndex((item) => item.id === id);
  const own = `${name}[${index}]`;
  const list: InputProblem[] = problems.map((problem) => {
    const path = problem.path.startsWith(own)
      ? problem.path.slice(own.length).replace(/^\./, '') || '(record)'
      : problem.path.replace(/^(\w+)\[(\d+)\]/, (whole, collection: string, position: string) => {
          const other = (dataset[collection as keyof Dataset] as unknown as StoredRecord[] | undefined)?.[Number(position)];
          return other ? `${collection}/${other.id}` : whole;
        });
    const entry: InputProblem = { path, message: problem.message, code: problem.code };
    if (problem.column !== undefined) entry.column = problem.column;
    return entry;
  });
  const code = problems[0]?.code ?? 'input.invalid';
  return new InputError(code, `${name} '${id}' would make the data inconsistent`, list);
}
