import { meetsBound, ownPart } from './aggregate-parts.js';
import { KEY_TOTAL, LEAF_ACTIVE, LEAF_COUNT, LEAF_TOTAL } from './network-codes.js';
import type { FullSums } from './sum-all-pledges.js';

// Where each aggregate leaf (total, count, active) stands when a run starts: with every pledge active (the
// greatest runs, at minimum or at maximum quantities) or with none (the least runs). None of this depends on
// the facts, so it is worked out once per network and a run's first pass only reads a byte per leaf.

export const TRUE_AT_FULL_MIN = 1;
export const TRUE_AT_FULL_MAX = 2;
export const TRUE_AT_NONE = 4;

export interface TruthInput {
  leafType: Uint8Array;
  leafRef: Int32Array;
  leafAux: Int32Array;
  keyType: Uint8Array;
  thresholdBound: Float64Array;
  thresholdStrict: Uint8Array;
  thresholdSlot: Int32Array;
}

/** Per node, the bits TRUE_AT_* of the situations in which the leaf holds (0 for other nodes). */
export function computeInitialLeafTruth(input: TruthInput, fullAtMin: FullSums, fullAtMax: FullSums): Uint8Array {
  const truth = new Uint8Array(input.leafType.length);
  for (let n = 0; n < truth.length; n++) {
    const type = input.leafType[n] as number;
    if (type === LEAF_ACTIVE) {
      // All active: some pledge of the key other than the leaf's own (bit 0 of aux: its pledge feeds the key).
      const own = (input.leafAux[n] as number) & 1;
      const k = input.leafRef[n] as number;
      let bits = 0;
      if ((fullAtMin.keyTotal[k] as number) - own >= 1) bits |= TRUE_AT_FULL_MIN;
      if ((fullAtMax.keyTotal[k] as number) - own >= 1) bits |= TRUE_AT_FULL_MAX;
      truth[n] = bits;
    } else if (type === LEAF_TOTAL || type === LEAF_COUNT) {
      const t = input.leafAux[n] as number;
      const k = input.leafRef[n] as number;
      const slot = input.thresholdSlot[t] as number;
      const isTotal = input.keyType[k] === KEY_TOTAL;
      const bound = input.thresholdBound[t] as number;
      const strict = input.thresholdStrict[t] === 1;
      const atMin = (fullAtMin.keyTotal[k] as number) - ownPart(fullAtMin.partValue, slot, isTotal);
      const atMax = (fullAtMax.keyTotal[k] as number) - ownPart(fullAtMax.partValue, slot, isTotal);
      truth[n] =
        (meetsBound(atMin, bound, strict) ? TRUE_AT_FULL_MIN : 0) | (meetsBound(atMax, bound, strict) ? TRUE_AT_FULL_MAX : 0) | (meetsBound(0, bound, strict) ? TRUE_AT_NONE : 0);
    }
  }
  return truth;
}
