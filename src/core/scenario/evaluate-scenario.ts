import { type CandidateOptions, type CandidateSelection, selectCandidates } from '../activation/candidates.js';
import { type ActivationPledge, compileNetwork, type Network } from '../activation/compile-network.js';
import { describeExclusion, describePledge, type DescribedPledge } from '../activation/describe-reasons.js';
import { evaluateNetwork } from '../activation/evaluate-activation.js';
import { TRUE_CONDITION } from '../conditions/ast.js';
import type { Reason } from '../activation/explain-pledge.js';
import { computeCoverage, type CoverageReport } from '../coverage/compute-coverage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { FactValue, IsoDate, PledgeStatus, QuantityRange } from '../types.js';

// One scenario end to end: candidates → activation → coverage, in the shape the CLI, the API and the web
// app all show (`coalition scenario --json`).

export interface ScenarioOptions extends CandidateOptions {
  /** Fact values that override the dataset's current ones. */
  facts?: ReadonlyMap<string, FactValue>;
}

export interface ScenarioPledge {
  id: string;
  party: string;
  capability: string;
  quantity: QuantityRange | null;
  areas: string[];
  status: PledgeStatus;
  condition: string;
  state: 'certain' | 'possible' | 'inactive';
  candidate: boolean;
  withoutCoordination: boolean;
  inAssuranceGap: boolean;
  /** A sentence for every pledge that is not plainly certain; null otherwise. */
  explanation: string | null;
  reasons: readonly Reason[];
  waitsFor: readonly Reason[];
}

export interface ScenarioResult {
  asOf: IsoDate | null;
  minStatus: PledgeStatus;
  facts: { id: string; value: FactValue; probability?: number }[];
  pledges: ScenarioPledge[];
  assuranceGap: string[];
  waitingGroups: string[][];
  coverage: CoverageReport['requirements'];
  capabilities: CoverageReport['capabilities'];
  packages: CoverageReport['packages'];
  summary: { pledges: number; candidates: number; certain: number; possible: number; inactive: number; contributingParties: number };
}

interface CompiledCandidates extends CandidateSelection {
  network: Network;
}

// The candidates and their compiled network depend on the dataset, the as-of date and the minimum status, not
// on the facts: kept per dataset object (the services cache datasets per audit head), so switching facts only
// runs the fixed points. A dataset is never changed after it is prepared.
const compiled = new WeakMap<PreparedDataset, Map<string, CompiledCandidates>>();

function compiledCandidates(dataset: PreparedDataset, options: CandidateOptions): CompiledCandidates {
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
  const entry = { ...selection, network: compileNetwork(input) };
  // A few option sets per dataset at most in practice; bound it anyway.
  if (byOptions.size >= 16) byOptions.clear();
  byOptions.set(key, entry);
  return entry;
}

/** Evaluate the dataset under a scenario: which pledges activate, why not, and what is covered. */
export function evaluateScenario(dataset: PreparedDataset, options: ScenarioOptions = {}): ScenarioResult {
  const facts = new Map<string, FactValue>(dataset.facts.map((fact) => [fact.id, fact.value]));
  for (const [id, value] of options.facts ?? []) facts.set(id, value);
  const { candidates, excluded, network } = compiledCandidates(dataset, options);
  const activation = evaluateNetwork(network, facts);
  const byId = new Map<string, DescribedPledge>();
  activation.pledges.forEach((entry) => byId.set(entry.id, entry));
  const lookup = (id: string): DescribedPledge | undefined => byId.get(id);

  const activationById = new Map(activation.pledges.map((entry) => [entry.id, entry]));
  const pledges: ScenarioPledge[] = dataset.pledges.map((pledge) => {
    const base = {
      id: pledge.id,
      party: pledge.party,
      capability: pledge.capability,
      quantity: pledge.quantity,
      areas: pledge.areas,
      status: pledge.status,
      condition: pledge.condition,
    };
    const entry = activationById.get(pledge.id);
    if (!entry) {
      const exclusion = excluded.get(pledge.id);
      const reasons: Reason[] = exclusion ? [{ kind: 'excluded', exclusion }] : [];
      const text = exclusion ? `${pledge.id} inactive: ${describeExclusion(exclusion)}` : null;
      return { ...base, state: 'inactive', candidate: false, withoutCoordination: false, inAssuranceGap: false, explanation: text, reasons, waitsFor: [] };
    }
    return {
      ...base,
      state: entry.state,
      candidate: true,
      withoutCoordination: entry.withoutCoordination,
      inAssuranceGap: entry.inAssuranceGap,
      explanation: describePledge(entry, lookup) ?? null,
      reasons: entry.reasons,
      waitsFor: entry.waitsFor,
    };
  });

  const coverage = computeCoverage(
    dataset.requirements,
    candidates.map((pledge) => ({ pledge, state: activationById.get(pledge.id)?.state ?? 'inactive' })),
  );
  const count = (state: ScenarioPledge['state']): number => pledges.filter((p) => p.state === state).length;
  const contributing = new Set(pledges.filter((p) => p.state !== 'inactive').map((p) => p.party));
  return {
    asOf: options.asOf ?? null,
    minStatus: options.minStatus ?? 'announced',
    facts: dataset.facts.map((fact) => {
      const value = facts.get(fact.id) ?? fact.value;
      return fact.probability === undefined ? { id: fact.id, value } : { id: fact.id, value, probability: fact.probability };
    }),
    pledges,
    assuranceGap: activation.assuranceGap,
    waitingGroups: activation.waitingGroups,
    coverage: coverage.requirements,
    capabilities: coverage.capabilities,
    packages: coverage.packages,
    summary: {
      pledges: pledges.length,
      candidates: candidates.length,
      certain: count('certain'),
      possible: count('possible'),
      inactive: count('inactive'),
      contributingParties: contributing.size,
    },
  };
}
