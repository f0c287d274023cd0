import { KEY_ACTIVE, LEAF_TOTAL } from './network-codes.js';

// Static watch structures of a network: the leaves watching each aggregate key, and the threshold leaves of
// each total()/count() key grouped by the evaluating party's own-part slot and sorted by bound, so that a run
// only moves a cursor along each group (see threshold-watch.ts).

const INSERTION_SORT_LIMIT = 24;

export interface ThresholdGroups {
  /** CSR key → its groups (contiguous); active keys have none. */
  keyGroupStart: Int32Array;
  groupKey: Int32Array;
  /** The own-part slot shared by the group's leaves; -1 for parties that feed nothing to the key (own part 0). */
  groupSlot: Int32Array;
  /** CSR group → leaves, ascending by bound, non-strict before strict on equal bounds. */
  groupStart: Int32Array;
  groupLeaf: Int32Array;
  /** The bound and strictness of each entry of groupLeaf, stored alongside for locality. */
  groupBound: Float64Array;
  groupStrict: Uint8Array;
}

export interface GroupInput {
  keyType: Uint8Array;
  /** Threshold index of each total/count leaf. */
  leafAux: Int32Array;
  thresholdBound: Float64Array;
  thresholdStrict: Uint8Array;
  thresholdSlot: Int32Array;
  slotCount: number;
  watchStart: Int32Array;
  watchLeaf: Int32Array;
}

/** CSR of the aggregate leaves (total, count, active) watching each key. */
export function buildWatches(leafType: Uint8Array, leafRef: Int32Array, keyCount: number): { watchStart: Int32Array; watchLeaf: Int32Array } {
  const nodeCount = leafType.length;
  const watchStart = new Int32Array(keyCount + 1);
  for (let n = 0; n < nodeCount; n++) {
    if ((leafType[n] as number) >= LEAF_TOTAL) watchStart[(leafRef[n] as number) + 1]! += 1;
  }
  for (let k = 0; k < keyCount; k++) watchStart[k + 1]! += watchStart[k] as number;
  const fill = watchStart.slice(0, keyCount);
  const watchLeaf = new Int32Array(watchStart[keyCount] as number);
  for (let n = 0; n < nodeCount; n++) {
    if ((leafType[n] as number) >= LEAF_TOTAL) watchLeaf[fill[leafRef[n] as number]!++] = n;
  }
  return { watchStart, watchLeaf };
}

/** Group the threshold leaves of every total/count key by own-part slot, each group sorted by bound. */
export function buildThresholdGroups(input: GroupInput): ThresholdGroups {
  const keyCount = input.keyType.length;
  const keyGroupStart = new Int32Array(keyCount + 1);
  const slotGroup = new Int32Array(input.slotCount).fill(-1);
  const groupKey: number[] = [];
  const groupSlot: number[] = [];
  const leafGroup = new Int32Array(input.watchLeaf.length);
  const newGroup = (key: number, slot: number): number => {
    groupKey.push(key);
    groupSlot.push(slot);
    return groupKey.length - 1;
  };
  for (let k = 0; k < keyCount; k++) {
    let withoutSlot = -1;
    if (input.keyType[k] !== KEY_ACTIVE) {
      for (let w = input.watchStart[k] as number; w < (input.watchStart[k + 1] as number); w++) {
        const slot = input.thresholdSlot[input.leafAux[input.watchLeaf[w] as number] as number] as number;
        if (slot < 0) {
          if (withoutSlot < 0) withoutSlot = newGroup(k, -1);
          leafGroup[w] = withoutSlot;
        } else {
          if (slotGroup[slot] === -1) slotGroup[slot] = newGroup(k, slot);
          leafGroup[w] = slotGroup[slot] as number;
        }
      }
    }
    keyGroupStart[k + 1] = groupKey.length;
  }
  const { groupStart, groupLeaf } = fillGroups(input, leafGroup, groupKey.length);
  for (let g = 0; g < groupKey.length; g++) sortGroup(input, groupLeaf, groupStart[g] as number, groupStart[g + 1] as number);
  const groupBound = new Float64Array(groupLeaf.length);
  const groupStrict = new Uint8Array(groupLeaf.length);
  for (let i = 0; i < groupLeaf.length; i++) {
    const threshold = input.leafAux[groupLeaf[i] as number] as number;
    groupBound[i] = input.thresholdBound[threshold] as number;
    groupStrict[i] = input.thresholdStrict[threshold] as number;
  }
  return { keyGroupStart, groupKey: new Int32Array(groupKey), groupSlot: new Int32Array(groupSlot), groupStart, groupLeaf, groupBound, groupStrict };
}

function fillGroups(input: GroupInput, leafGroup: Int32Array, groupCount: number): { groupStart: Int32Array; groupLeaf: Int32Array } {
  const groupStart = new Int32Array(groupCount + 1);
  let count = 0;
  for (let k = 0; k < input.keyType.length; k++) {
    if (input.keyType[k] === KEY_ACTIVE) continue;
    for (let w = input.watchStart[k] as number; w < (input.watchStart[k + 1] as number); w++) {
      groupStart[(leafGroup[w] as number) + 1]! += 1;
      count++;
    }
  }
  for (let g = 0; g < groupCount; g++) groupStart[g + 1]! += groupStart[g] as number;
  const fill = groupStart.slice(0, groupCount);
  const groupLeaf = new Int32Array(count);
  for (let k = 0; k < input.keyType.length; k++) {
    if (input.keyType[k] === KEY_ACTIVE) continue;
    for (let w = input.watchStart[k] as number; w < (input.watchStart[k + 1] as number); w++) {
      groupLeaf[fill[leafGroup[w] as number]!++] = input.watchLeaf[w] as number;
    }
  }
  return { groupStart, groupLeaf };
}

// Ascending by bound, non-strict first on ties: insertion sort for the usual small groups, else a comparator sort.
// No closures per call: there is one call per group, up to one per (key, party).
function sortGroup(input: GroupInput, leaves: Int32Array, start: number, end: number): void {
  if (end - start > INSERTION_SORT_LIMIT) {
    const sorted = Array.from(leaves.subarray(start, end)).sort((a, b) => compareLeaves(input, a, b));
    leaves.set(sorted, start);
    return;
  }
  for (let i = start + 1; i < end; i++) {
    const leaf = leaves[i] as number;
    let j = i - 1;
    while (j >= start && compareLeaves(input, leaves[j] as number, leaf) > 0) {
      leaves[j + 1] = leaves[j] as number;
      j--;
    }
    leaves[j + 1] = leaf;
  }
}

function compareLeaves(input: GroupInput, a: number, b: number): number {
  const ta = input.leafAux[a] as number;
  const tb = input.leafAux[b] as number;
  return (input.thresholdBound[ta] as number) - (input.thresholdBound[tb] as number) || (input.thresholdStrict[ta] as number) - (input.thresholdStrict[tb] as number);
}
