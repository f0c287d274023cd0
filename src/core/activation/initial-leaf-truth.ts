import { meetsBound, ownPart } from './aggregate-parts.js';
import { KEY_TOTAL, LEAF_ACTIVE, LEAF_COUNT, LEAF_FACT, LEAF_TOTAL, LEAF_TRUE, NODE_AND, NODE_OR } from './network-codes.js';
import type { FullSums } from './sum-all-pledges.js';

// Where each aggregate leaf (total, count, active) stands when a run starts: with every pledge active (the
// greatest runs, at minimum or at maximum quantities) or with none (the least runs). None of this depends on
// the facts, so it is worked out once per network and a run's first pass only reads a byte per leaf.

export const TRUE_AT_FULL_MIN = 1;
export const TRUE_AT_FULL_MAX = 2;
export const TRUE_AT_NONE = 4;

/** Start codes (encodeStartCodes): 0-7 are a leaf's TRUE_AT_* bits; then an AND, an OR; from START_FACT on, a fact literal. */
export const START_AND = 8;
export const START_OR = 9;
export const START_FACT = 10;

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
  // The arrays read into locals once: `input` is a network's many-field object, whose loads a loop would repeat.
  const { leafType, leafRef, leafAux, keyType, thresholdBound, thresholdStrict, thresholdSlot } = input;
  const minTotal = fullAtMin.keyTotal;
  const maxTotal = fullAtMax.keyTotal;
  const truth = new Uint8Array(leafType.length);
  for (let n = 0; n < truth.length; n++) {
    const type = leafType[n] as number;
    if (type === LEAF_ACTIVE) {
      // All active: some pledge of the key other than the leaf's own (bit 0 of aux: its pledge feeds the key).
      const own = (leafAux[n] as number) & 1;
      const k = leafRef[n] as number;
      let bits = 0;
      if ((minTotal[k] as number) - own >= 1) bits |= TRUE_AT_FULL_MIN;
      if ((maxTotal[k] as number) - own >= 1) bits |= TRUE_AT_FULL_MAX;
      truth[n] = bits;
    } else if (type === LEAF_TOTAL || type === LEAF_COUNT) {
      const t = leafAux[n] as number;
      const k = leafRef[n] as number;
      const slot = thresholdSlot[t] as number;
      const isTotal = keyType[k] === KEY_TOTAL;
      const bound = thresholdBound[t] as number;
      const strict = thresholdStrict[t] === 1;
      const atMin = (minTotal[k] as number) - ownPart(fullAtMin.partValue, slot, isTotal);
      const atMax = (maxTotal[k] as number) - ownPart(fullAtMax.partValue, slot, isTotal);
      truth[n] =
        (meetsBound(atMin, bound, strict) ? TRUE_AT_FULL_MIN : 0) | (meetsBound(atMax, bound, strict) ? TRUE_AT_FULL_MAX : 0) | (meetsBound(0, bound, strict) ? TRUE_AT_NONE : 0);
    }
  }
  return truth;
}

export interface StartCodeInput {
  nodeKind: Uint8Array;
  leafType: Uint8Array;
  leafRef: Int32Array;
  leafAux: Int32Array;
}

/**
 * Per node, all that a run's first pass needs of it in one number: for a constant or aggregate leaf, its TRUE_AT_*
 * bits; START_AND or START_OR (their value is their counter's); for a fact leaf, START_FACT + its literal's index
 * (2 × fact + 1 if negated). The pass reads every node in each of an evaluation's three runs: two bytes a node
 * instead of up to five arrays (kind, leaf type, truth, fact, negation) made the runs about 10 % faster. Four
 * bytes a node only when there are too many facts for two.
 */
export function encodeStartCodes(input: StartCodeInput, initialLeafTruth: Uint8Array, factCount: number): Uint16Array | Int32Array {
  const { nodeKind, leafType, leafRef, leafAux } = input;
  const length = nodeKind.length;
  const codes = START_FACT + 2 * factCount - 1 <= 0xffff ? new Uint16Array(length) : new Int32Array(length);
  const always = TRUE_AT_FULL_MIN | TRUE_AT_FULL_MAX | TRUE_AT_NONE;
  for (let n = 0; n < length; n++) {
    const kind = nodeKind[n] as number;
    const type = leafType[n] as number;
    if (kind === NODE_AND) codes[n] = START_AND;
    else if (kind === NODE_OR) codes[n] = START_OR;
    else if (type === LEAF_FACT) codes[n] = START_FACT + 2 * (leafRef[n] as number) + (leafAux[n] as number);
    else if (type === LEAF_TOTAL || type === LEAF_COUNT || type === LEAF_ACTIVE) codes[n] = initialLeafTruth[n] as number;
    else codes[n] = type === LEAF_TRUE ? always : 0;
  }
  return codes;
}
