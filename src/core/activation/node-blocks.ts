import type { Network } from './compile-network.js';
import { LEAF_ACTIVE, LEAF_COUNT, LEAF_TOTAL } from './network-codes.js';

// The one way a pledge's block of nodes moves to a new place in a network's arrays: regrouping by party
// (network-order.ts) and splicing pledges in and out (splice-network.ts) both allocate the arrays here and copy
// each block with NodeBlockWriter. Post-order within a block is kept, parent links shift with the block, a root's
// link and an active() leaf's pledge take the new pledge index, and thresholds are numbered in node order.

/** A network's per-pledge fields, each pledge's own (compile-network.ts builds them; the splice places them), ids writable. */
export type PledgeFields = Pick<Network, 'pledgeParty' | 'pledgeCapability' | 'pledgeAreas' | 'quantityMin' | 'quantityMax'> & { pledgeIds: string[] };

/** Where nodes are read from: a network's, or one pledge's block compiled alone (nodes and thresholds from 0). */
export type NodeSource = Pick<Network, 'nodeKind' | 'nodeParent' | 'leafType' | 'leafRef' | 'leafAux' | 'thresholdBound' | 'thresholdStrict'>;

/** The node arrays of a network and each pledge's root node. */
export type NodeArraysOf = NodeSource & Pick<Network, 'rootNode'>;

/** Per-pledge arrays for `count` pledges, zeroed (ids unset). */
export function allocatePledgeFields(count: number): PledgeFields {
  return {
    pledgeIds: new Array<string>(count),
    pledgeParty: new Int32Array(count),
    pledgeCapability: new Int32Array(count),
    pledgeAreas: new Int32Array(count),
    quantityMin: new Float64Array(count),
    quantityMax: new Float64Array(count),
  };
}

/** Node arrays for `pledges` pledges, `nodes` nodes and `thresholds` thresholds, zeroed. */
export function allocateNodeArrays(pledges: number, nodes: number, thresholds: number): NodeArraysOf {
  return {
    rootNode: new Int32Array(pledges),
    nodeKind: new Uint8Array(nodes),
    nodeParent: new Int32Array(nodes),
    leafType: new Uint8Array(nodes),
    leafRef: new Int32Array(nodes),
    leafAux: new Int32Array(nodes),
    thresholdBound: new Float64Array(thresholds),
    thresholdStrict: new Uint8Array(thresholds),
  };
}

/** Whether a leaf of this type has a threshold (total or count), its leafAux the threshold's index. */
export function isThreshold(type: number): boolean {
  return type === LEAF_TOTAL || type === LEAF_COUNT;
}

/** Writes node blocks into `arrays` at its cursors: the next node `to` and the next threshold number. */
export class NodeBlockWriter {
  to = 0;
  threshold = 0;

  constructor(readonly arrays: NodeArraysOf) {}

  /** Copy nodes first…root of `from` (one pledge's block) to the cursors as pledge `q`, and set its root node. */
  copy(from: NodeSource, span: readonly [first: number, root: number], q: number): void {
    const { nodeKind, nodeParent, leafType, leafRef, leafAux, thresholdBound, thresholdStrict, rootNode } = this.arrays;
    const [first, root] = span;
    let to = this.to;
    let threshold = this.threshold;
    const shift = to - first;
    for (let n = first; n <= root; n++, to++) {
      nodeKind[to] = from.nodeKind[n] as number;
      const link = from.nodeParent[n] as number;
      nodeParent[to] = link < 0 ? -1 - q : link + 2 * shift;
      const type = from.leafType[n] as number;
      leafType[to] = type;
      leafRef[to] = from.leafRef[n] as number;
      let aux = from.leafAux[n] as number;
      if (type === LEAF_ACTIVE) {
        aux = 2 * q + (aux & 1);
      } else if (isThreshold(type)) {
        thresholdBound[threshold] = from.thresholdBound[aux] as number;
        thresholdStrict[threshold] = from.thresholdStrict[aux] as number;
        aux = threshold++;
      }
      leafAux[to] = aux;
    }
    rootNode[q] = to - 1;
    this.to = to;
    this.threshold = threshold;
  }

  /**
   * Copy the blocks of `count` consecutive pledges of a network, from pledge `o`, as pledges `q`… in one go: the
   * same as copying each (copy), with the arrays that do not change moved in bulk and one pass for the links,
   * pledge and threshold numbers that shift. A splice keeps most pledges in a few such runs.
   */
  copyRun(from: NodeArraysOf, o: number, count: number, q: number): void {
    const { nodeKind, nodeParent, leafType, leafRef, leafAux, thresholdBound, thresholdStrict, rootNode } = this.arrays;
    const first = o === 0 ? 0 : (from.rootNode[o - 1] as number) + 1;
    const end = (from.rootNode[o + count - 1] as number) + 1;
    const to = this.to;
    const shift = to - first;
    nodeKind.set(from.nodeKind.subarray(first, end), to);
    leafType.set(from.leafType.subarray(first, end), to);
    leafRef.set(from.leafRef.subarray(first, end), to);
    // Thresholds are numbered in node order, so the run's are consecutive too, from its first one's.
    let firstThreshold = -1;
    for (let n = first; n < end && firstThreshold < 0; n++) if (isThreshold(from.leafType[n] as number)) firstThreshold = from.leafAux[n] as number;
    const thresholdShift = this.threshold - firstThreshold;
    const pledgeShift = q - o;
    const { nodeParent: fromParent, leafType: fromType, leafAux: fromAux } = from;
    let thresholds = 0;
    for (let n = first; n < end; n++) {
      const link = fromParent[n] as number;
      // A root links to its pledge (-1 - pledge), any other node to its parent (2 × parent + AND bit).
      nodeParent[n + shift] = link < 0 ? link - pledgeShift : link + 2 * shift;
      const type = fromType[n] as number;
      const aux = fromAux[n] as number;
      if (type === LEAF_ACTIVE) leafAux[n + shift] = aux + 2 * pledgeShift;
      else if (isThreshold(type)) {
        leafAux[n + shift] = aux + thresholdShift;
        thresholds++;
      } else leafAux[n + shift] = aux;
    }
    if (thresholds > 0) {
      thresholdBound.set(from.thresholdBound.subarray(firstThreshold, firstThreshold + thresholds), this.threshold);
      thresholdStrict.set(from.thresholdStrict.subarray(firstThreshold, firstThreshold + thresholds), this.threshold);
    }
    for (let i = 0; i < count; i++) rootNode[q + i] = (from.rootNode[o + i] as number) + shift;
    this.to = end + shift;
    this.threshold += thresholds;
  }
}
