import { type CandidateOptions, type CandidateSelection, selectCandidates } from '../activation/candidates.js';
import { type ActivationPledge, compileNetwork, type Network } from '../activation/compile-network.js';
import { TRUE_CONDITION } from '../conditions/ast.js';
import { type CoverageIndex, indexCoverage } from '../coverage/index-coverage.js';
import { appendToCoverage, remapCoverage } from '../coverage/remap-coverage.js';
import { reindexRequirements } from '../coverage/reindex-requirements.js';
import { appendPosition, movePositions } from '../dataset/moved-positions.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import { spliceNetwork } from '../activation/splice-network.js';
import type { Pledge } from '../types.js';
import { type CandidateDiff, compareCandidates, diffCandidates, sameNames, sameRequirements } from './compare-candidates.js';

// The compiled form of a scenario's candidates, shared by the scenario and the analyses: one network per dataset
// and candidate options, whoever asks first. After a write, the new dataset's form is patched from the one
// compiled before the write (inheritCompiled): the candidates are selected again (a linear pass), and the network
// and the coverage index are kept when what they were built from did not change — compiled again, each on its
// own, only when it did (compare-candidates.ts says which); pledges appended to the candidates (a create) are
// merged into the coverage index (remap-coverage.ts), a requirement write re-indexes only the pledges of the
// capabilities whose requirements changed (reindex-requirements.ts), and the candidates' id index is shifted rather
// than built again (moved-positions.ts). Property test: a patched form equals a fresh one.

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
  const same = before ? compareCandidates(before, candidates, dataset) : { network: false, coverage: false, positions: false, appended: false, prefix: false, placed: false };
  // A few candidates removed, inserted or changed: found once, for the index, the splice and the coverage remap.
  let diff: CandidateDiff | undefined | null = null;
  const diffOf = (previous: CompiledCandidates): CandidateDiff | undefined => (diff === null ? (diff = diffCandidates(previous.candidates, candidates, previous.candidateById, MAX_SPLICED)) : diff);
  const candidateById = !before ? indexCandidates(candidates) : same.positions ? before.candidateById : same.prefix ? appendCandidates(before.candidateById, candidates) : (moveCandidates(before, candidates, diffOf(before)) ?? indexCandidates(candidates));
  const network = !before ? compileAll(dataset, candidates) : same.network ? keep(before.network) : (spliceCandidates(dataset, before, candidates, diffOf(before)) ?? compileAll(dataset, candidates));
  const coverage = !before ? indexCoverage(dataset.requirements, candidates)
    : same.coverage ? { ...before.coverage, pledges: candidates }
    : same.appended ? appendToCoverage(before.coverage, candidates)
    : same.placed ? reindexRequirements(before.coverage, dataset.requirements, candidates)
    : (remapCandidates(before, candidates, dataset, diffOf) ?? indexCoverage(dataset.requirements, candidates));
  return {
    ...selection,
    network,
    coverage,
    candidateOf: positionsAmongCandidates(dataset.pledges, candidates),
    candidateById,
    candidateParties: same.network && before ? before.candidateParties : partiesWithPledges(network),
  };
}

function keep(network: Network): Network {
  networkCounts.kept++;
  return network;
}

function compileAll(dataset: PreparedDataset, candidates: readonly Pledge[]): Network {
  networkCounts.compiled++;
  return compileNetwork(candidates.map((pledge) => activationPledge(dataset, pledge)));
}

// A write changes a pledge or two among the candidates (one created, deleted or changed; a revision and the pledge
// it supersedes): the network is spliced for those (splice-network.ts) instead of compiled anew, when it can be.
const MAX_SPLICED = 16;

/** How many networks were compiled, kept, and spliced (for tests and the benchmark: which way writes go). */
export const networkCounts = { compiled: 0, kept: 0, spliced: 0 };

function spliceCandidates(dataset: PreparedDataset, before: CompiledCandidates, candidates: readonly Pledge[], diff: CandidateDiff | undefined): Network | undefined {
  if (!diff) return undefined;
  const inserted = diff.inserted.map((position) => ({ position, pledge: activationPledge(dataset, candidates[position] as Pledge) }));
  const inputIds = new Array<string>(candidates.length);
  for (let c = 0; c < candidates.length; c++) inputIds[c] = (candidates[c] as Pledge).id;
  const network = spliceNetwork(before.network, { oldToNew: diff.oldToNew, inserted, inputIds, sameNames: replacedWithSameNames(before, candidates, diff) });
  if (network) networkCounts.spliced++;
  return network;
}

// A pledge whose quantity alone changed is replaced in the network by a version naming the same things: the names
// it was the first to use keep their numbers (spliceNetwork), so the splice need not be refused for it.
function replacedWithSameNames(before: CompiledCandidates, candidates: readonly Pledge[], diff: CandidateDiff): Map<number, number> {
  const pairs = new Map<number, number>();
  for (const position of diff.inserted) {
    const pledge = candidates[position] as Pledge;
    const old = before.candidateById.get(pledge.id);
    if (old !== undefined && diff.oldToNew[old] === -1 && sameNames(before.candidates[old] as Pledge, pledge)) pairs.set(old, position);
  }
  return pairs;
}

// The same requirements, a few candidates removed, inserted or moved to another capability or areas (a delete, say):
// the coverage index renumbered and the new ones merged in (remap-coverage.ts) rather than built again.
function remapCandidates(before: CompiledCandidates, candidates: readonly Pledge[], dataset: PreparedDataset, diffOf: (previous: CompiledCandidates) => CandidateDiff | undefined): CoverageIndex | undefined {
  if (!sameRequirements(before.coverage.requirements, dataset.requirements)) return undefined;
  const diff = diffOf(before);
  return diff && remapCoverage(before.coverage, candidates, diff.oldToNew, diff.inserted);
}

function indexCandidates(candidates: readonly Pledge[]): ReadonlyMap<string, number> {
  return new Map(candidates.map((pledge, i) => [pledge.id, i]));
}

// Candidates appended after the same ones (a create): their positions added to the old index.
function appendCandidates(index: ReadonlyMap<string, number>, candidates: readonly Pledge[]): ReadonlyMap<string, number> {
  let next = index;
  for (let c = index.size; c < candidates.length; c++) next = appendPosition(next, (candidates[c] as Pledge).id, c);
  return next;
}

// A few candidates removed, inserted or changed (a delete, say): the old index with the kept ones moved and the
// inserted ones placed (moved-positions.ts), instead of a Map of every candidate. A changed candidate keeps its id
// but oldToNew drops it (-1): it is placed again at its inserted position.
function moveCandidates(before: CompiledCandidates, candidates: readonly Pledge[], diff: CandidateDiff | undefined): ReadonlyMap<string, number> | undefined {
  if (!diff) return undefined;
  const added = diff.inserted.map((position): [string, number] => [(candidates[position] as Pledge).id, position]);
  return movePositions(before.candidateById, diff.oldToNew, added, candidates.length);
}

// The parties with a candidate, sorted: those of the network's pledges (exactly the candidates). Its partyIds also
// hold parties only named in conditions, or, after a splice, left by a removed pledge.
function partiesWithPledges(network: Network): string[] {
  const used = new Uint8Array(network.partyIds.length);
  for (let p = 0; p < network.pledgeParty.length; p++) used[network.pledgeParty[p] as number] = 1;
  return network.partyIds.filter((_, r) => used[r] === 1).sort();
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
