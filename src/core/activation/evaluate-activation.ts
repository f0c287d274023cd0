import type { FactValue } from '../types.js';
import { type ActivationPledge, compileNetwork, type Network } from './compile-network.js';
import { PledgeExplainer, type Reason } from './explain-pledge.js';
import { tabulateFactLiterals } from './fixed-point-state.js';
import { findWaitingGroups } from './find-waiting-groups.js';
import { IntList } from './int-list.js';
import { toInputOrder } from './network-order.js';
import { createRadixCounts, sortNodeIds } from './sort-node-ids.js';
import { perNetwork } from './per-network.js';
import { createFailureRecords, type FailureRecords, recordFailures } from './record-failures.js';
import { createScratch, type FixedPointScratch, runFixedPoint } from './run-fixed-point.js';

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
  /**
   * One object per pledge (input order), made from the fields below on first read and kept: everything in them
   * is computed by the evaluation, but a million pledges are a million objects, which only a reader should pay for.
   */
  readonly pledges: PledgeActivation[];
  pledgeIds: readonly string[];
  /**
   * Per pledge (input order): why it is not certain (the shared empty list when it is), and what an assurance-gap
   * pledge waits for. The evaluation decides which parts of each condition fail and records the values seen
   * (record-failures.ts); these Reason objects are built from those records on first read, and kept.
   */
  readonly reasons: (readonly Reason[])[];
  readonly waitsFor: (readonly Reason[])[];
  /**
   * One pledge's activation (by input position), its reasons built for it alone: for callers that show a few
   * pledges of many (a page of a response). Equal to `pledges[position]`; nothing is kept between calls.
   */
  pledgeAt(position: number): PledgeActivation;
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
  const { pledgeIds, inputIndex } = network;
  const factValues = network.factIds.map((id) => facts.get(id));
  const scratch = scratchFor(network);
  // The optimistic greatest fixed point contains the pessimistic one, so the pessimistic run starts from it: what
  // the optimistic run dropped one by one goes in one round.
  const optimistic = runFixedPoint(network, factValues, { optimistic: true, greatest: true }, scratch.runs);
  const pessimistic = runFixedPoint(network, factValues, { optimistic: false, greatest: true, within: optimistic.active }, scratch.runs);
  const pessimisticLeast = runFixedPoint(network, factValues, { optimistic: false, greatest: false }, scratch.runs);

  // What fails in each condition that is not met: against the pessimistic greatest fixed point for pledges that
  // are not certain, against the pessimistic least one for the assurance gap (whose failing leaves the waiting
  // groups follow). Both are pessimistic, so one table of fact literals serves both.
  const factHolds = tabulateFactLiterals(factValues, false);
  const records = createFailureRecords(network);
  // The gap and its failing leaves (CSR over the gap) in lists kept with the network.
  const { gap, failingStart, failingLeaf } = scratch.lists;
  gap.length = 0;
  failingStart.length = 0;
  failingLeaf.length = 0;
  failingStart.push(0);
  // The runs work in network order; everything returned is in input order (the reasons once they are built).
  const certainHere = pessimistic.active;
  const withoutCoordinationHere = pessimisticLeast.active;
  for (let p = 0; p < pledgeIds.length; p++) {
    if (certainHere[p] !== 1) {
      recordFailures(network, pessimistic, factHolds, records, p);
    } else if (withoutCoordinationHere[p] !== 1) {
      recordFailures(network, pessimisticLeast, factHolds, records, p, failingLeaf);
      gap.push(p);
      failingStart.push(failingLeaf.length);
    }
  }
  const gapPledges = gap.view();
  const sets = {
    certain: toInputOrder(pessimistic.active, inputIndex),
    possible: toInputOrder(optimistic.active, inputIndex),
    withoutCoordination: toInputOrder(pessimisticLeast.active, inputIndex),
  };
  const inputIds = network.inputIds;
  let explained: Explained | undefined;
  const explain = (): Explained => {
    explained ??= buildReasons(network, records, factValues, certainHere, withoutCoordinationHere);
    return explained;
  };
  let pledges: PledgeActivation[] | undefined;
  let single: { explainer: PledgeExplainer; networkOf: Int32Array | undefined } | undefined;
  const pledgeAt = (position: number): PledgeActivation => {
    if (pledges) return pledges[position] as PledgeActivation;
    if (explained) return describeOne(inputIds, sets, position, explained.reasons[position] ?? NO_REASONS, explained.waitsFor[position] ?? NO_REASONS);
    single ??= { explainer: new PledgeExplainer(network, records, factValues), networkOf: inputIndex === undefined ? undefined : invertIndex(inputIndex) };
    const p = single.networkOf === undefined ? position : (single.networkOf[position] as number);
    const reasons = certainHere[p] !== 1 ? single.explainer.explain(p) : NO_REASONS;
    const waitsFor = certainHere[p] === 1 && withoutCoordinationHere[p] !== 1 ? single.explainer.explain(p) : NO_REASONS;
    return describeOne(inputIds, sets, position, reasons, waitsFor);
  };
  return {
    get pledges(): PledgeActivation[] {
      pledges ??= describeEach(inputIds, sets, explain());
      return pledges;
    },
    pledgeAt,
    pledgeIds: inputIds,
    get reasons() {
      return explain().reasons;
    },
    get waitsFor() {
      return explain().waitsFor;
    },
    assuranceGap: inputIndex === undefined ? idsOf(pledgeIds, gapPledges) : gapIdsInInputOrder(inputIds, inputIndex, gapPledges),
    waitingGroups: findWaitingGroups(network, gapPledges, { start: failingStart.view(), leaf: failingLeaf.view() }),
    sets,
  };
}

// The runs' working arrays (tens of megabytes at a million pledges) and the gap's lists, kept with the network they
// were sized for: allocating them for every scenario would make the garbage collector walk the whole heap again and
// again.
// Evaluation is synchronous, so two evaluations never share them at the same time.
interface EvaluationScratch {
  runs: FixedPointScratch;
  lists: { gap: IntList; failingStart: IntList; failingLeaf: IntList };
}

const scratchFor = perNetwork(
  (network): EvaluationScratch => ({
    runs: createScratch(network),
    lists: { gap: new IntList(), failingStart: new IntList(), failingLeaf: new IntList() },
  }),
);

// A plain loop: Array.from with a mapping function takes the iterator path, 6-8 ms against 1 ms for 120,000 ids.
function idsOf(pledgeIds: readonly string[], indices: ArrayLike<number>): string[] {
  const ids = new Array<string>(indices.length);
  for (let i = 0; i < indices.length; i++) ids[i] = pledgeIds[indices[i] as number] as string;
  return ids;
}

// The gap's ids in input order: its input positions (ascending gap, so read front to back), radix-sorted.
function gapIdsInInputOrder(inputIds: readonly string[], inputIndex: Int32Array, gap: ArrayLike<number>): string[] {
  const positions = new Int32Array(gap.length);
  for (let i = 0; i < gap.length; i++) positions[i] = inputIndex[gap[i] as number] as number;
  const sorted = sortNodeIds(positions, positions.length, new Int32Array(gap.length), inputIds.length, createRadixCounts());
  return idsOf(inputIds, sorted);
}

interface Explained {
  reasons: (readonly Reason[])[];
  waitsFor: (readonly Reason[])[];
}

// Every explained pledge's reasons from the evaluation's records, in input order.
function buildReasons(
  network: Network,
  records: FailureRecords,
  factValues: readonly (FactValue | undefined)[],
  certain: Uint8Array,
  withoutCoordination: Uint8Array,
): Explained {
  const { pledgeIds, inputIndex } = network;
  const explainer = new PledgeExplainer(network, records, factValues);
  const reasons = new Array<readonly Reason[]>(pledgeIds.length).fill(NO_REASONS);
  const waitsFor = new Array<readonly Reason[]>(pledgeIds.length).fill(NO_REASONS);
  for (let p = 0; p < pledgeIds.length; p++) {
    const at = inputIndex === undefined ? p : (inputIndex[p] as number);
    if (certain[p] !== 1) reasons[at] = explainer.explain(p);
    else if (withoutCoordination[p] !== 1) waitsFor[at] = explainer.explain(p);
  }
  return { reasons, waitsFor };
}

function describeOne(ids: readonly string[], sets: ActivationResult['sets'], p: number, reasons: readonly Reason[], waitsFor: readonly Reason[]): PledgeActivation {
  const certain = sets.certain[p] === 1;
  const withoutCoordination = sets.withoutCoordination[p] === 1;
  return { id: ids[p] as string, state: certain ? 'certain' : sets.possible[p] === 1 ? 'possible' : 'inactive', withoutCoordination, inAssuranceGap: certain && !withoutCoordination, reasons, waitsFor };
}

// Input position → network position.
function invertIndex(inputIndex: Int32Array): Int32Array {
  const inverse = new Int32Array(inputIndex.length);
  for (let p = 0; p < inputIndex.length; p++) inverse[inputIndex[p] as number] = p;
  return inverse;
}

function describeEach(ids: readonly string[], sets: ActivationResult['sets'], { reasons, waitsFor }: Explained): PledgeActivation[] {
  const pledges = new Array<PledgeActivation>(ids.length);
  for (let p = 0; p < ids.length; p++) {
    const certain = sets.certain[p] === 1;
    const withoutCoordination = sets.withoutCoordination[p] === 1;
    pledges[p] = {
      id: ids[p] as string,
      state: certain ? 'certain' : sets.possible[p] === 1 ? 'possible' : 'inactive',
      withoutCoordination,
      inAssuranceGap: certain && !withoutCoordination,
      reasons: reasons[p] as readonly Reason[],
      waitsFor: waitsFor[p] as readonly Reason[],
    };
  }
  return pledges;
}
