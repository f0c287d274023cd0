import type { Principal, VisibilityScope } from '../core/access/principal.js';
import { scopeKey, scopeOf } from '../core/access/principal.js';
import { restrictChangedDataset } from '../core/access/restrict-changed-dataset.js';
import { restrictDataset } from '../core/access/restrict-dataset.js';
import type { PreparedDataset } from '../core/dataset/prepare-dataset.js';
import { inheritCompiled } from '../core/scenario/compiled-candidates.js';
import { type DerivedFacts, deriveFacts } from '../core/facts/derive-facts.js';
import type { ScenarioResult } from '../core/scenario/evaluate-scenario.js';
import { readAuditHead } from '../db/audit.repository.js';
import type { Store } from '../db/open-store.js';
import { canonicalJson } from '../core/audit/canonical-json.js';
import { loadDerivationRecords } from './facts/load-derivation-records.js';
import { type CacheStats, HeadKeyedCache } from './head-keyed-cache.js';
import { type PastDataset, reconstructDatasetAsOf } from './reconstruct-as-of.js';
import { runScenario, type ScenarioRequest } from './run-scenario.js';
import { type DatasetCache, estimateDatasetBytes } from './store-dataset.js';

// Scenarios on the store, on the dataset the caller may see (now, or as known at a past date): a total never
// includes a pledge the caller cannot see, nor a past version of a pledge they may not see now. Results and views are cached per audit head and visibility scope
// (a handful of scopes: all, coordinator, coalition, one per delegate's party).

export class ScenarioService {
  private readonly pastDatasets = new HeadKeyedCache<PastDataset>('scenario.past-datasets', 192 * MB, (past) => estimateDatasetBytes(past.dataset) + 64 * past.pledgesNow.size);
  // A view that hides nothing is the dataset itself (restrictDataset returns it): it costs no memory of its own.
  private readonly views = new HeadKeyedCache<{ dataset: PreparedDataset; bytes: number }>('scenario.views', 192 * MB, (view) => view.bytes);
  private readonly results = new HeadKeyedCache<ScenarioResult>('scenario.results', 128 * MB, (result) => result.bytes);
  /** Per scope and as-of date, the latest view or past dataset made (see successor). */
  private readonly latest = new Map<string, WeakRef<PreparedDataset>>();
  private readonly derived = new HeadKeyedCache<DerivedFacts>('scenario.derived-facts', 8 * MB, (facts) => 256 + 256 * [...facts.values()].reduce((n, fact) => n + 1 + fact.basis.length, 0));

  constructor(
    private readonly store: Store,
    private readonly cache: DatasetCache,
  ) {}

  /** Evaluate a scenario on what the caller may see; with `asOf`, on what was known then. Results are shared: do not mutate them. */
  async evaluate(principal: Principal, request: ScenarioRequest): Promise<ScenarioResult> {
    const head = await readAuditHead(this.store.db);
    const key = `${head.seq}:${head.hash}`;
    const scope = scopeOf(principal);
    return this.results.get(key, `${scopeKey(scope)}\n${canonicalJson(request)}`, async () => {
      const dataset = await this.datasetAt(key, scope, request.asOf);
      return runScenario(dataset, request, { derived: await this.derivedAt(key, dataset, request.asOf) });
    });
  }

  /**
   * Read and prepare the store's dataset and compile the coordinators' view of it now (the serve command calls it
   * at start), so that the first visitor after a start waits for an evaluation, not for the whole store to be read
   * and compiled. The coordinators' view is the dataset itself unless bilateral pledges hide from them; then it is
   * theirs that the dashboards ask for, not the system's (which no request evaluates). Delegates' views are
   * compiled on their first evaluation: one per party would cost a compile each.
   */
  async warmUp(): Promise<void> {
    await this.evaluate(WARM_UP_PRINCIPAL, {});
  }

  /**
   * The derived facts' values (docs/incidents.md) at `asOf`, or now: what every scenario and analysis on the store
   * evaluates in place of the recorded values (a scenario's explicit switch still wins).
   */
  async derivedFacts(principal: Principal, asOf?: string): Promise<DerivedFacts> {
    const head = await readAuditHead(this.store.db);
    const key = `${head.seq}:${head.hash}`;
    return this.derivedAt(key, await this.datasetAt(key, scopeOf(principal), asOf), asOf);
  }

  // Facts and the records derivations read are not confidential: one answer per head and date for every caller.
  private async derivedAt(head: string, dataset: PreparedDataset, asOf: string | undefined): Promise<DerivedFacts> {
    if (!dataset.facts.some((fact) => fact.derivation !== undefined)) return NO_DERIVED_FACTS;
    return this.derived.get(head, asOf ?? '', async () => deriveFacts(dataset.facts, await loadDerivationRecords(this.store.db), asOf));
  }

  /** The prepared dataset the caller may see, now or as of a date. */
  async dataset(principal: Principal, asOf?: string): Promise<PreparedDataset> {
    const head = await readAuditHead(this.store.db);
    return this.datasetAt(`${head.seq}:${head.hash}`, scopeOf(principal), asOf);
  }

  /**
   * evaluate, with the dataset the result was evaluated on (the same audit head): for aggregates read from the
   * result's typed states beside the dataset's pledges (party-domains.service.ts).
   */
  async evaluateWithDataset(principal: Principal, request: ScenarioRequest): Promise<{ dataset: PreparedDataset; result: ScenarioResult }> {
    const head = await readAuditHead(this.store.db);
    const key = `${head.seq}:${head.hash}`;
    const scope = scopeOf(principal);
    const dataset = await this.datasetAt(key, scope, request.asOf);
    const result = await this.results.get(key, `${scopeKey(scope)}\n${canonicalJson(request)}`, async () => runScenario(dataset, request, { derived: await this.derivedAt(key, dataset, request.asOf) }));
    return { dataset, result };
  }

  private async datasetAt(head: string, scope: VisibilityScope, asOf: string | undefined): Promise<PreparedDataset> {
    if (asOf === undefined) {
      const full = await this.cache.forHead(this.store.db, head);
      if (scope.kind === 'all') return full;
      const key = `${scopeKey(scope)}\n`;
      return (await this.views.get(head, key, async () => viewOf(full, this.successor(key, this.viewOfNow(key, full, scope))))).dataset;
    }
    // A past version counts only for a caller who may see it and the pledge as it is now.
    const past = await this.pastDatasets.get(head, asOf, async () => {
      const reconstructed = await reconstructDatasetAsOf(this.store.db, asOf);
      return { ...reconstructed, dataset: this.successor(`\n${asOf}`, reconstructed.dataset) };
    });
    if (scope.kind === 'all') return past.dataset;
    const key = `${scopeKey(scope)}\n${asOf}`;
    return (await this.views.get(head, key, async () => viewOf(past.dataset, this.successor(key, restrictDataset(past.dataset, scope, past.pledgesNow))))).dataset;
  }

  // The scope's view of the dataset now: derived from its view of the dataset before the write that made this one,
  // in proportion to the change, when that view is still known (restrict-changed-dataset.ts); else a pass over
  // every pledge. Views of the past keep the full pass: which versions they hide depends on the pledges now too.
  private viewOfNow(key: string, full: PreparedDataset, scope: VisibilityScope): PreparedDataset {
    const previous = this.latest.get(key)?.deref();
    return previous ? restrictChangedDataset(previous, full, scope) : restrictDataset(full, scope);
  }

  // A view (or past dataset) made for a new audit head may patch what was compiled for the one it replaces (the
  // patch compares contents, so any earlier version will do); held weakly, it costs no memory of its own.
  private successor(key: string, dataset: PreparedDataset): PreparedDataset {
    const previous = this.latest.get(key)?.deref();
    if (previous) inheritCompiled(previous, dataset);
    this.latest.set(key, new WeakRef(dataset));
    return dataset;
  }

  /** The caches' sizes (GET /health). */
  cacheStats(): CacheStats[] {
    return [this.results.stats(), this.views.stats(), this.pastDatasets.stats(), this.derived.stats()];
  }
}

const MB = 1024 * 1024;
// A coordinator's scope: the view most requests after a start evaluate (the dataset itself when it hides nothing).
const WARM_UP_PRINCIPAL: Principal = { kind: 'user', userId: 'warm-up', name: 'warm-up', role: 'coordinator', party: null };
const NO_DERIVED_FACTS: DerivedFacts = new Map();

// What a view holds of its own: its list of pledges and the hidden ids (the pledges are the dataset's, counted where
// the dataset is cached), and the network and coverage index compiled for it on its first evaluation (about 270 bytes
// a pledge at 100k). Counted as a copy of the dataset (2 KB a pledge), a coordinators' view at 100k was over the
// cache's bound, so it was never kept and was made again for every request.
const VIEW_BYTES_PER_PLEDGE = 8 + 320;
const VIEW_BYTES_PER_HIDDEN = 64;

function viewOf(full: PreparedDataset, view: PreparedDataset): { dataset: PreparedDataset; bytes: number } {
  if (view === full) return { dataset: view, bytes: 64 };
  return { dataset: view, bytes: 4096 + VIEW_BYTES_PER_PLEDGE * view.pledges.length + VIEW_BYTES_PER_HIDDEN * Math.max(0, full.pledges.length - view.pledges.length) };
}
