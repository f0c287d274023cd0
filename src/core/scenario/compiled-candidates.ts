import { type CandidateOptions, type CandidateSelection, selectCandidates } from '../activation/candidates.js';
import { type ActivationPledge, compileNetwork, type Network } from '../activation/compile-network.js';
import { TRUE_CONDITION } from '../conditions/ast.js';
import { appendToCoverage } from '../coverage/append-coverage.js';
import { type CoverageIndex, indexCoverage } from '../coverage/index-coverage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { Pledge } from '../types.js';
import { compareCandidates } from './compare-candidates.js';

// The compiled form of a scenario's candidates, shared by the scenario and the analyses: one network per dataset
// and candidate options, whoever asks first. After a write, the new dataset's form is patched from the one
// compiled before the write (inheritCompiled): the candidates are selected again (a linear pass), and the network
// and the coverage index are kept when what they were built from did not change — compiled again, each on its
// own, only when it did (compare-candidates.ts says which); pledges appended to the candidates (a create) are
// merged into the coverage index (append-coverage.ts). Property test: a patched form equals a fresh one.

export interface CompiledCandidates extends CandidateSelection {
  network: Network;
  coverage: CoverageIndex;
  /** Per dataset pledge: its position among the candidates (the network's input order), or -1. */
  candidateOf: Int32Array;
  candidateById: ReadonlyMap<string, number>;
  candidateParties: string[];
}

// The candidates, their compiled network and coverage index depend on the dataset, the as-of date and the minimum
// status, not on the facts: kept per dataset object (the services cache datasets per audit head), so switching
// facts only runs the fixed points and fills the coverage. A dataset is never changed after it is prepared.
const compiled = new WeakMap<PreparedDataset, Map<string, CompiledCandidates>>();
// What a dataset made by a write may be patched from, per option set: the latest form compiled for an earlier
// version (the one it was made from, or, for options that one was never evaluated with, what it could have been
// patched from). Bounded: the forms of a few option sets, older ones dropped first.
const inherited = new WeakMap<PreparedDataset, ReadonlyMap<string, CompiledCandidates>>();
const MAX_INHERITED = 4;

/** Let `next` (a dataset made from `previous` by a write) patch what is compiled for `previous` instead of compiling anew. */
export function inheritCompiled(previous: PreparedDataset, next: PreparedDataset): void {
  if (previous === next) return;
  const base = new Map(inherited.get(previous));
  for (const [key, entry] of compiled.get(previous) ?? []) {
    base.delete(key);
    base.set(key, entry);
  }
  for (const key of base.keys()) if (base.size > MAX_INHERITED) base.delete(key);
  if (base.size > 0) inherited.set(next, base);
}

/** The dataset's candidates under the options, their compiled network and coverage index (kept per dataset). */
export function compiledCandidates(dataset: PreparedDataset, options: CandidateOptions): CompiledCandidates {
  const key = `${options.asOf ?? ''}|${options.minStatus ?? ''}`;
  let byOptions = compiled.get(dataset);
  if (!byOptions) {
    byOptions = new Map();
    compiled.set(dataset, byOptions);
  }
  const known = byOptions.get(key);
  if (known) return known;
  const entry = compileCandidates(dataset, options, inherited.get(dataset)?.get(key));
  // A few option sets per dataset at most in practice; bound it anyway.
  if (byOptions.size >= 16) byOptions.clear();
  byOptions.set(key, entry);
  return entry;
}

// A fresh compile without `before`; with it, each part kept from `before` when its inputs are the same.
function compileCandidates(dataset: PreparedDataset, options: CandidateOptions, before: CompiledCandidates | undefined): CompiledCandidates {
  const selection = selectCandidates(dataset.pledges, options);
  const { candidates } = selection;
  const same = before ? compareCandidates(before, candidates, dataset) : { network: false, coverage: false, positions: false, appended: false };
  const candidateById = same.positions && before ? before.candidateById : new Map(candidates.map((pledge, i) => [pledge.id, i]));
  const network = same.network && before ? before.network : compileNetwork(candidates.map((pledge) => activationPledge(dataset, pledge)));
  const coverage = !before ? indexCoverage(dataset.requirements, candidates)
    : same.coverage ? { ...before.coverage, pledges: candidates }
    : same.appended ? appendToCoverage(before.coverage, candidates)
    : indexCoverage(dataset.requirements, candidates);
  return {
    ...selection,
    network,
    coverage,
    candidateOf: positionsAmongCandidates(dataset.pledges, candidates),
    candidateById,
    candidateParties: same.network && before ? before.candidateParties : [...new Set(candidates.map((pledge) => pledge.party))].sort(),
  };
}

function activationPledge(dataset: PreparedDataset, pledge: Pledge): ActivationPledge {
  return {
    id: pledge.id,
    party: pledge.party,
    capability: pledge.capability,
    quantity: pledge.quantity,
    areas: pledge.areas,
    condition: dataset.conditions.get(pledge.id) ?? TRUE_CONDITION,
  };
}

// The candidates are a subsequence of the pledges (the same objects, in the same order): one pass, no lookups.
function positionsAmongCandidates(pledges: readonly Pledge[], candidates: readonly Pledge[]): Int32Array {
  const candidateOf = new Int32Array(pledges.length).fill(-1);
  let c = 0;
  for (let i = 0; i < pledges.length && c < candidates.length; i++) if (pledges[i] === candidates[c]) candidateOf[i] = c++;
  return candidateOf;
}
