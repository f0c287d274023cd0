import { type PreparedDataset, prepareDataset } from '../core/dataset/prepare-dataset.js';
import type { Dataset } from '../core/types.js';
import { AppError, problemsFromCore } from '../contracts/input-error.js';
import { assembleDataset, DATASET_ENTITIES } from '../db/entities/dataset-entities.js';
import type { StoredRecord } from '../db/entities/entity-definition.js';
import type { Database } from '../db/open-store.js';
import { listAllRecords } from '../db/record.repository.js';
import type { CacheStats } from './head-keyed-cache.js';

// The engine's dataset as stored, prepared once per state of the store: every write moves the audit head,
// so the head's hash identifies the data (also across app servers sharing one PostgreSQL).

/** Read every dataset record from the store. */
export async function readStoredDataset(db: Database): Promise<Dataset> {
  // One query at a time: inside a transaction `db` is a single PostgreSQL connection, and node-postgres refuses
  // overlapping queries on one client (deprecated in pg 8, an error in pg 9).
  const records = new Map<string, StoredRecord[]>();
  for (const entity of DATASET_ENTITIES) records.set(entity.name, (await listAllRecords(db, entity)).map((item) => item.record));
  return assembleDataset((entity) => records.get(entity.name) ?? []);
}

/** Prepare a dataset read from the store; the store only holds checked data, so problems mean tampering. */
export function prepareStoredDataset(dataset: Dataset): PreparedDataset {
  const prepared = prepareDataset(dataset);
  if (prepared.ok) return prepared.value;
  throw new AppError('internal', 'the stored dataset is inconsistent', problemsFromCore(prepared.problems));
}

/** About how many bytes a prepared dataset and what is compiled from it keep alive (a pledge with its parsed condition and network share ~2 KB). */
export function estimateDatasetBytes(dataset: PreparedDataset): number {
  const others = dataset.sources.length + dataset.parties.length + dataset.facts.length + dataset.packages.length + dataset.requirements.length + dataset.capabilities.length;
  return 4096 + 2048 * dataset.pledges.length + 512 * others;
}

/** Caches the prepared dataset of one audit head (the newest this server saw). */
export class DatasetCache {
  private cached: { head: string; dataset: PreparedDataset } | undefined;
  // The load under way: requests that arrive while it runs (the dashboard's first requests after a start, the
  // serve command's warm-up) wait for it instead of each reading and preparing the whole store again.
  private loading: { head: string; db: Database; dataset: Promise<PreparedDataset> } | undefined;

  /** The prepared dataset for a known head (inside a transaction that holds the head's lock). */
  async forHead(db: Database, head: string): Promise<PreparedDataset> {
    if (this.cached?.head === head) return this.cached.dataset;
    // Joined only on the same handle: a transaction must not wait for a read queued behind itself.
    if (this.loading?.head === head && this.loading.db === db) return this.loading.dataset;
    const loading = { head, db, dataset: readStoredDataset(db).then(prepareStoredDataset) };
    this.loading = loading;
    try {
      const dataset = await loading.dataset;
      // A write may have moved the cache on while this load ran; keep the newer head.
      if (this.cached === undefined || this.cached.head === head || headSeq(this.cached.head) < headSeq(head)) this.cached = { head, dataset };
      return dataset;
    } finally {
      if (this.loading === loading) this.loading = undefined;
    }
  }

  /** Forget the cached dataset (after a restore replaced the store wholesale). */
  invalidate(): void {
    this.cached = undefined;
    this.loading = undefined;
  }

  /** Keep a dataset a write already prepared, under the head that write produced. */
  remember(head: string, dataset: PreparedDataset): void {
    this.cached = { head, dataset };
  }

  /** What it holds (GET /health). */
  stats(): CacheStats {
    return { name: 'dataset', entries: this.cached ? 1 : 0, bytes: this.cached ? estimateDatasetBytes(this.cached.dataset) : 0, maxBytes: null };
  }

  /** The dataset cached for exactly this head, if any. */
  peek(head: string): PreparedDataset | undefined {
    return this.cached?.head === head ? this.cached.dataset : undefined;
  }
}

// An audit head is `seq:hash`; a head that is not (tests' own keys) counts as oldest.
function headSeq(head: string): number {
  const seq = Number.parseInt(head, 10);
  return Number.isFinite(seq) ? seq : -1;
}
