import type { CandidateOptions } from '../activation/candidates.js';
import { type ActivationPledge, compileNetwork, type Network } from '../activation/compile-network.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import { type DerivedFacts, resolveFactValues } from '../facts/derive-facts.js';
import { compiledCandidates } from '../scenario/compiled-candidates.js';
import type { Fact, FactValue, Requirement } from '../types.js';
import { compileCoverage, type CoverageProgram } from './coverage-program.js';

// What every analysis starts from: the candidate pledges of a scenario (as-of date, minimum status) compiled
// once into an activation network and a coverage program, and the scenario's fact values. The network depends
// on the dataset and the candidate options only, so it is kept per dataset object like the scenario's.

export interface AnalysisOptions extends CandidateOptions {
  /** Fact values that override the dataset's current ones (and derived ones: a switch always wins). */
  facts?: ReadonlyMap<string, FactValue>;
  /** The derived facts' values at the analysis' date (deriveFacts). */
  derived?: DerivedFacts;
}

export interface AnalysisModel {
  network: Network;
  coverage: CoverageProgram;
  /** Every fact of the dataset with its value in this scenario (derived values and overrides applied). */
  facts: Fact[];
  /** Per network fact (network.factIds), its value in this scenario. */
  factValues: (FactValue | undefined)[];
  /** Per network pledge: its party's id (network order). */
  partyOfPledge: string[];
}

const programs = new WeakMap<Network, CoverageProgram>();

/** Compile the dataset's candidates under the options (kept per dataset), and apply the scenario's facts. */
export function buildAnalysisModel(dataset: PreparedDataset, options: AnalysisOptions = {}): AnalysisModel {
  return assembleModel(compiledFor(dataset, options), dataset.facts, resolveFactValues(dataset.facts, options.derived, options.facts));
}

/** A model straight from candidate pledges (conditions parsed), requirements and facts: for tests and benchmarks. */
export function buildModelFromPledges(pledges: readonly ActivationPledge[], requirements: readonly Requirement[], facts: readonly Fact[]): AnalysisModel {
  const network = compileNetwork(pledges);
  return assembleModel({ network, coverage: compileCoverage(network, requirements) }, facts, resolveFactValues(facts, undefined, undefined));
}

function assembleModel(
  { network, coverage }: { network: Network; coverage: CoverageProgram },
  recorded: readonly Fact[],
  values: ReadonlyMap<string, FactValue>,
): AnalysisModel {
  const facts = recorded.map((fact) => {
    const value = values.get(fact.id);
    return value === undefined || value === fact.value ? fact : { ...fact, value };
  });
  const byId = new Map(facts.map((fact) => [fact.id, fact.value]));
  const factValues = network.factIds.map((id) => byId.get(id));
  const partyOfPledge = Array.from(network.pledgeParty, (party) => network.partyIds[party] as string);
  return { network, coverage, facts, factValues, partyOfPledge };
}

// The coverage program is the analyses' own; the network is the scenario's (compiled once for both).
function compiledFor(dataset: PreparedDataset, options: CandidateOptions): { network: Network; coverage: CoverageProgram } {
  const { network } = compiledCandidates(dataset, options);
  let coverage = programs.get(network);
  if (!coverage) {
    coverage = compileCoverage(network, dataset.requirements);
    programs.set(network, coverage);
  }
  return { network, coverage };
}
