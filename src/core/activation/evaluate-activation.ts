import type { FactValue } from '../types.js';
import { type ActivationPledge, compileNetwork, type Network } from './compile-network.js';
import { PledgeExplainer, type Reason } from './explain-pledge.js';
import { findWaitingGroups } from './find-waiting-groups.js';
import { createScratch, runFixedPoint } from './run-fixed-point.js';

// Activation for one scenario (DESIGN.md §4): the three fixed points it reports (greatest pessimistic: certain;
// greatest optimistic: possible; least pessimistic: active without coordination), each pledge's state, the
// assurance gap, the groups that wait on each other, and why every pledge that is not certain is not.

export type PledgeState = 'certain' | 'possible' | 'inactive';

export interface PledgeActivation {
  id: string;
  state: PledgeState;
  /** In the pessimistic least fixed point: active even if nobody moves first. */
  withoutCoordination: boolean;
  /** Certain, but only if the coalition commits together. */
  inAssuranceGap: boolean;
  /** Why the pledge is not certain (empty when it is). */
  reasons: readonly Reason[];
  /** For assurance-gap pledges: what each waits for when nobody moves first. */
  waitsFor: readonly Reason[];
}

/** The empty list, shared (and frozen) so that a million certain pledges do not cost two million arrays. */
const NO_REASONS: readonly Reason[] = Object.freeze([]);

export interface ActivationResult {
  pledges: PledgeActivation[];
  assuranceGap: string[];
  waitingGroups: string[][];
  /** Per pledge (input order): 1 when in the set. */
  sets: { certain: Uint8Array; possible: Uint8Array; withoutCoordination: Uint8Array };
}

/** Compute activation for candidate pledges (conditions parsed and checked) under the given facts. */
export function evaluateActivation(pledges: readonly ActivationPledge[], facts: ReadonlyMap<string, FactValue>): ActivationResult {
  return evaluateNetwork(compileNetwork(pledges), facts);
}

/**
 * Activation over a compiled network. Compiling does not depend on the facts, so a caller evaluating many
 * scenarios over the same candidates compiles once (compileNetwork) and calls this for each.
 */
export function evaluateNetwork(network: Network, facts: ReadonlyMap<string, FactValue>): ActivationResult {
  const pledgeIds = network.pledgeIds;
  const factValues = network.factIds.map((id) => facts.get(id));
  const scratch = createScratch(network);
  const pessimistic = runFixedPoint(network, factValues, { optimistic: false, greatest: true }, scratch);
  const optimistic = runFixedPoint(network, factValues, { optimistic: true, greatest: true }, scratch);
  const pessimisticLeast = runFixedPoint(network, factValues, { optimistic: false, greatest: false }, scratch);

  const whyNotCertain = new PledgeExplainer(network, pessimistic, facts);
  const whyWaiting = new PledgeExplainer(network, pessimisticLeast, facts);
  const gap: number[] = [];
  const failing: { start: number[]; leaf: number[] } = { start: [0], leaf: [] };
  const results: PledgeActivation[] = new Array<PledgeActivation>(pledgeIds.length);
  for (let p = 0; p < pledgeIds.length; p++) {
    const certain = pessimistic.active[p] === 1;
    const withoutCoordination = pessimisticLeast.active[p] === 1;
    const inAssuranceGap = certain && !withoutCoordination;
    const waitsFor = inAssuranceGap ? whyWaiting.explain(p, failing.leaf) : NO_REASONS;
    if (inAssuranceGap) {
      gap.push(p);
      failing.start.push(failing.leaf.length);
    }
    results[p] = {
      id: pledgeIds[p] as string,
      state: certain ? 'certain' : optimistic.active[p] === 1 ? 'possible' : 'inactive',
      withoutCoordination,
      inAssuranceGap,
      reasons: certain ? NO_REASONS : whyNotCertain.explain(p),
      waitsFor,
    };
  }
  return {
    pledges: results,
    assuranceGap: gap.map((p) => pledgeIds[p] as string),
    waitingGroups: findWaitingGroups(network, gap, failing),
    sets: {
      certain: pessimistic.active,
      possible: optimistic.active,
      withoutCoordination: pessimisticLeast.active,
    },
  };
}
