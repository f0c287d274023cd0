import type { FactValue } from '../types.js';
import { ownPart } from './aggregate-parts.js';
import { LEAF_TOTAL, type Network } from './compile-network.js';

// What a fixed-point run (run-fixed-point.ts) leaves behind, and how a leaf reads at it: the runs evaluate facts
// with these, the explanations (explain-pledge.ts) re-evaluate failing leaves with them.

export interface FixedPointMode {
  /** Unknown facts count as true and quantities at their maximum; else false and minimum. */
  optimistic: boolean;
  greatest: boolean;
  /**
   * Greatest runs only: a set of pledges (1 = in it) known to contain the fixed point, as the optimistic greatest
   * fixed point contains the pessimistic one. The run drops the pledges outside it in its first round, together,
   * instead of one by one as their conditions fail; the fixed point is the same (docs/conditions.md).
   */
  within?: Uint8Array;
}

/**
 * The aggregates at a fixed point, enough to re-evaluate any leaf. `keyTotal` and `partValue` are the scratch's:
 * valid until the next run of the same mode with the same scratch.
 */
export interface FixedPointState {
  mode: FixedPointMode;
  active: Uint8Array;
  /** Per key: the sum (total), the number of parties (count) or of pledges (active). */
  keyTotal: Float64Array;
  /** Per (key, party) slot of a total/count key (see Network.feed): the party's quantity or pledge count. */
  partValue: Float64Array;
}

/** Evaluate a fact literal under the mode's reading of unknown facts. */
export function evaluateFact(value: FactValue | undefined, negated: boolean, optimistic: boolean): boolean {
  if (value === 'unknown' || value === undefined) return optimistic;
  return negated ? !value : value;
}

/** Per fact literal (index 2 * fact + negated), 1 where it holds under the mode's reading of unknown facts. */
export function tabulateFactLiterals(factValues: readonly (FactValue | undefined)[], optimistic: boolean): Uint8Array {
  const holds = new Uint8Array(factValues.length * 2);
  for (let f = 0; f < factValues.length; f++) {
    holds[2 * f] = evaluateFact(factValues[f], false, optimistic) ? 1 : 0;
    holds[2 * f + 1] = evaluateFact(factValues[f], true, optimistic) ? 1 : 0;
  }
  return holds;
}

/** A leaf's own part of its total/count key at a state: the party's quantity (total) or 1 if it has any (count). */
export function ownPartOf(network: Network, state: FixedPointState, leaf: number): number {
  return ownPart(state.partValue, network.thresholdSlot[network.leafAux[leaf] as number] as number, network.leafType[leaf] === LEAF_TOTAL);
}

/** Whether an active() leaf holds at a state: some pledge of the key other than the leaf's own is active. */
export function activeLeafHolds(network: Network, state: FixedPointState, leaf: number): boolean {
  const aux = network.leafAux[leaf] as number;
  const own = (aux & 1) === 1 && state.active[aux >> 1] === 1 ? 1 : 0;
  return (state.keyTotal[network.leafRef[leaf] as number] as number) - own >= 1;
}
