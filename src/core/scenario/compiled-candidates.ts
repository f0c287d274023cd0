import { type CandidateOptions, type CandidateSelection, selectCandidates } from '../activation/candidates.js';
import { type ActivationPledge, compileNetwork, type Network } from '../activation/compile-network.js';
import { TRUE_CONDITION } from '../conditions/ast.js';
import { type CoverageIndex, indexCoverage } from '../coverage/index-coverage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';

// The compiled form of a scenario's candidates, shared by the scenario and the analyses: one network per dataset
// and candidate options, whoever asks first.

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
  const selection = selectCandidates(dataset.pledges, options);
  const input: ActivationPledge[] = selection.candidates.map((pledge) => ({
    id: pledge.id,
    party: pledge.party,
    capability: pledge.capability,
    quantity: pledge.quantity,
    areas: pledge.areas,
    condition: dataset.conditions.get(pledge.id) ?? TRUE_CONDITION,
  }));
  const candidateById = new Map(selection.candidates.map((pledge, i) => [pledge.id, i]));
  const candidateOf = Int32Array.from(dataset.pledges, (pledge) => candidateById.get(pledge.id) ?? -1);
  const entry: CompiledCandidates = {
    ...selection,
    network: compileNetwork(input),
    coverage: indexCoverage(dataset.requirements, selection.candidates),
    candidateOf,
    candidateById,
    candidateParties: [...new Set(selection.candidates.map((pledge) => pledge.party))].sort(),
  };
  // A few option sets per dataset at most in practice; bound it anyway.
  if (byOptions.size >= 16) byOptions.clear();
  byOptions.set(key, entry);
  return entry;
}
