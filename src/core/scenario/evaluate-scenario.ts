import type { CandidateOptions } from '../activation/candidates.js';
import type { Network } from '../activation/compile-network.js';
import { evaluateNetwork } from '../activation/evaluate-activation.js';
import type { Reason } from '../activation/explain-pledge.js';
import type { CoverageReport } from '../coverage/compute-coverage.js';
import { fillCoverageReport } from '../coverage/fill-coverage.js';
import type { PreparedDataset } from '../dataset/prepare-dataset.js';
import type { DerivationBasis } from '../facts/derivations/derivation-kind.js';
import { type DerivedFacts, resolveFactValues } from '../facts/derive-facts.js';
import type { Fact, FactValue, IsoDate, Pledge, PledgeStatus, QuantityRange } from '../types.js';
import { compiledCandidates } from './compiled-candidates.js';
import { describeScenarioPledges } from './describe-scenario-pledges.js';

// One scenario end to end: candidates → activation → coverage, in the shape the CLI, the API and the web
// app all show (`coalition scenario --json`). Results stay typed (states per pledge, the activation's sets and
// records); per-pledge objects and their explanations are built only for the pledges a caller reads.

export interface ScenarioOptions extends CandidateOptions {
  /** Fact values that override the dataset's current ones (and derived ones: a switch always wins). */
  facts?: ReadonlyMap<string, FactValue>;
  /** The derived facts' values at the scenario's date (deriveFacts). */
  derived?: DerivedFacts;
}

/** A fact as a scenario used it; `derived` when its value is the derived one (not switched), with what it rests on. */
export interface ScenarioFact {
  id: string;
  value: FactValue;
  probability?: number;
  derived?: { kind: string; since: IsoDate | null; basis: DerivationBasis[] };
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
  /**
   * A guarantee commitment whose trigger (e.g. `violation`) is not true here: its trigger. It stands by rather than
   * falls short (docs/guarantees.md); absent otherwise.
   */
  standby?: string;
}

/** Which pledges a response lists: every one, those not plainly certain (possible, inactive, or certain only together), or none. */
export type PledgeFilter = 'all' | 'noncertain' | 'none';

export interface ScenarioResult {
  asOf: IsoDate | null;
  minStatus: PledgeStatus;
  facts: ScenarioFact[];
  /**
   * Every pledge of the dataset (dataset order) with its state and explanation, built on first read and held
   * weakly: a million objects are paid for only by a reader that needs them all, and are not kept by a cache. A
   * reader of a few uses selectPledges.
   */
  readonly pledges: ScenarioPledge[];
  /** Per pledge of the dataset (dataset order): STATE_CERTAIN, STATE_POSSIBLE or STATE_INACTIVE. */
  states: Uint8Array;
  /** A page of the pledges (dataset order) that pass `filter`, and how many pass it; built for the page alone. */
  selectPledges(filter: PledgeFilter, offset: number, limit: number): { items: ScenarioPledge[]; total: number };
  /** The pledges at the given dataset positions, built for them alone. */
  pledgesAt(positions: readonly number[]): ScenarioPledge[];
  assuranceGap: string[];
  waitingGroups: string[][];
  coverage: CoverageReport['requirements'];
  capabilities: CoverageReport['capabilities'];
  packages: CoverageReport['packages'];
  summary: ScenarioSummary;
  /** About how many bytes this result keeps alive (caches bounded by bytes count it). */
  bytes: number;
  /** The plain form with every pledge (`coalition scenario --json`). */
  toJSON(): ScenarioJson;
}

/** A scenario result as JSON shows it: the typed parts left out, the listed pledges as objects. */
export interface ScenarioJson {
  asOf: IsoDate | null;
  minStatus: PledgeStatus;
  facts: ScenarioResult['facts'];
  summary: ScenarioSummary;
  pledges: ScenarioPledge[];
  assuranceGap: string[];
  waitingGroups: string[][];
  coverage: ScenarioResult['coverage'];
  capabilities: ScenarioResult['capabilities'];
  packages: ScenarioResult['packages'];
}

/** The plain form of a result with the given pledges listed. */
export function scenarioJson(result: ScenarioResult, pledges: ScenarioPledge[]): ScenarioJson {
  const { asOf, minStatus, facts, summary, assuranceGap, waitingGroups, coverage, capabilities, packages } = result;
  return { asOf, minStatus, facts, summary, pledges, assuranceGap, waitingGroups, coverage, capabilities, packages };
}

export interface ScenarioSummary {
  pledges: number;
  candidates: number;
  certain: number;
  possible: number;
  inactive: number;
  /** Pledges not plainly certain (possible, inactive, or certain only if the coalition moves together). */
  noncertain: number;
  contributingParties: number;
  /** Parties with at least one candidate pledge, sorted. */
  candidateParties: string[];
}

export const STATE_INACTIVE = 0;
export const STATE_POSSIBLE = 1;
export const STATE_CERTAIN = 2;

/** Evaluate the dataset under a scenario: which pledges activate, why not, and what is covered. */
export function evaluateScenario(dataset: PreparedDataset, options: ScenarioOptions = {}): ScenarioResult {
  const facts = resolveFactValues(dataset.facts, options.derived, options.facts);
  const entry = compiledCandidates(dataset, options);
  const activation = evaluateNetwork(entry.network, facts);
  const { certain, possible, withoutCoordination } = activation.sets;
  const candidateStates = new Uint8Array(entry.candidates.length);
  for (let c = 0; c < candidateStates.length; c++) candidateStates[c] = certain[c] === 1 ? STATE_CERTAIN : possible[c] === 1 ? STATE_POSSIBLE : STATE_INACTIVE;
  const coverage = fillCoverageReport(entry.coverage, candidateStates, { pledgeSources: true });

  const total = dataset.pledges.length;
  const states = new Uint8Array(total);
  const explained = new Uint8Array(total);
  const counts = [0, 0, 0];
  // Only candidates can be active: their parties, numbered once per network, mark who contributes.
  const parties = numberParties(entry.network);
  const contributing = new Uint8Array(parties.count);
  let contributingParties = 0;
  for (let i = 0; i < total; i++) {
    const c = entry.candidateOf[i] as number;
    const state = c < 0 ? STATE_INACTIVE : (candidateStates[c] as number);
    states[i] = state;
    counts[state] = (counts[state] as number) + 1;
    // Plainly certain pledges have no explanation; excluded pledges have one when they were excluded for a reason.
    explained[i] = c < 0 ? (entry.excluded.has((dataset.pledges[i] as Pledge).id) ? 1 : 0) : state !== STATE_CERTAIN || withoutCoordination[c] !== 1 ? 1 : 0;
    if (state === STATE_INACTIVE) continue;
    const party = parties.of[c] as number;
    if (contributing[party] === 1) continue;
    contributing[party] = 1;
    contributingParties += 1;
  }
  const describe = describeScenarioPledges({ dataset, excluded: entry.excluded, candidateOf: entry.candidateOf, candidateById: entry.candidateById, activation });
  let noncertain = 0;
  for (let i = 0; i < total; i++) noncertain += explained[i] as number;
  const assuranceGap = activation.assuranceGap;
  const waitingGroups = activation.waitingGroups;
  let everyPledge: WeakRef<ScenarioPledge[]> | undefined;
  const result: ScenarioResult = {
    asOf: options.asOf ?? null,
    minStatus: options.minStatus ?? 'announced',
    facts: dataset.facts.map((fact) => describeFact(fact, facts.get(fact.id) ?? fact.value, options)),
    // Held weakly: repeated reads in one synchronous job share the list, and a cached result does not keep it.
    get pledges(): ScenarioPledge[] {
      let list = everyPledge?.deref();
      if (!list) {
        list = describe(range(0, total));
        everyPledge = new WeakRef(list);
      }
      return list;
    },
    states,
    selectPledges: (filter, offset, limit) => {
      if (filter === 'none') return { items: [], total: 0 };
      if (filter === 'all') return { items: describe(range(offset, Math.min(total, offset + limit))), total };
      const positions: number[] = [];
      let seen = 0;
      for (let i = 0; i < total && positions.length < limit; i++) {
        if (explained[i] !== 1) continue;
        if (seen++ >= offset) positions.push(i);
      }
      return { items: describe(positions), total: noncertain };
    },
    pledgesAt: (positions) => describe(positions),
    assuranceGap,
    waitingGroups,
    coverage: coverage.requirements,
    capabilities: coverage.capabilities,
    packages: coverage.packages,
    summary: {
      pledges: total,
      candidates: entry.candidates.length,
      certain: counts[STATE_CERTAIN] as number,
      possible: counts[STATE_POSSIBLE] as number,
      inactive: counts[STATE_INACTIVE] as number,
      noncertain,
      contributingParties,
      candidateParties: entry.candidateParties,
    },
    bytes: estimateBytes(entry.network, total, coverage, assuranceGap.length + waitingGroups.reduce((sum, group) => sum + group.length, 0)),
    toJSON: () => scenarioJson(result, result.pledges),
  };
  return result;
}

// Per candidate (the network's input order), the network's number for its party. Kept per network, which a write
// that leaves it (or the view it serves) as it was keeps too: no pass over the candidates' party names per write.
const partyNumbers = new WeakMap<Network, { of: Int32Array; count: number }>();
function numberParties(network: Network): { of: Int32Array; count: number } {
  let known = partyNumbers.get(network);
  if (!known) {
    const { pledgeParty, inputIndex } = network;
    const of = new Int32Array(pledgeParty.length);
    for (let k = 0; k < pledgeParty.length; k++) of[inputIndex ? (inputIndex[k] as number) : k] = pledgeParty[k] as number;
    known = { of, count: network.partyIds.length };
    partyNumbers.set(network, known);
  }
  return known;
}

function range(from: number, to: number): number[] {
  return Array.from({ length: Math.max(0, to - from) }, (_, i) => from + i);
}

// What a result keeps alive: the activation's sets and failure records (one byte a node, eight a threshold), the
// states, the coverage rows and the gap's ids. Approximate, for caches bounded by bytes.
function estimateBytes(network: Network, pledges: number, coverage: CoverageReport, gapIds: number): number {
  let allocations = 0;
  for (const row of coverage.requirements) allocations += row.allocations.length + row.unquantifiedPledges.length;
  return 2048 + network.nodeKind.length + 8 * network.thresholdBound.length + 5 * network.pledgeIds.length + 2 * pledges + 120 * allocations + 64 * gapIds;
}

// A fact as the result lists it: its value, its probability, and its derivation's basis when the value is derived.
function describeFact(fact: Fact, value: FactValue, options: ScenarioOptions): ScenarioFact {
  const described: ScenarioFact = { id: fact.id, value };
  if (fact.probability !== undefined) described.probability = fact.probability;
  const derived = options.derived?.get(fact.id);
  if (derived && !options.facts?.has(fact.id)) described.derived = { kind: derived.kind, since: derived.since, basis: derived.basis };
  return described;
}
