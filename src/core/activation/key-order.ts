import type { Network } from './compile-network.js';
import { KEY_ACTIVE, LEAF_TOTAL } from './network-codes.js';

// The order a network numbers its aggregate keys in: the total()/count() keys first, as found, then the active()
// keys grouped by party (as found within a party). Pledges are numbered grouped by party (network-order.ts), and
// feeding one adds to its party's active() keys, so with those keys side by side a party's pledges touch a few
// cache lines of key totals and watcher lists instead of a line each anywhere in them.

/** The key tables and the leaves that refer to keys. */
export type KeyArrays = Pick<Network, 'keyCount' | 'keyType' | 'keyBucket' | 'keyCapability' | 'keyArea' | 'leafType' | 'leafRef'>;

/** The keys renumbered as above, aggregate leaves pointing at their new numbers; the arrays themselves when already so. */
export function groupKeysByParty<T extends KeyArrays>(parts: T, partyCount: number): T {
  return renumberKeys(parts, numberKeysByParty(parts.keyType, parts.keyBucket, partyCount));
}

/** Per key (as first numbered), its number grouped as above; undefined when that is the same numbering. */
export function numberKeysByParty(keyType: Uint8Array, keyBucket: Int32Array, partyCount: number): Int32Array | undefined {
  const keyCount = keyType.length;
  // A counting sort: bucket 0 holds the total/count keys, bucket 1 + p party p's active() keys.
  const bucketOf = (k: number): number => (keyType[k] === KEY_ACTIVE ? 1 + (keyBucket[k] as number) : 0);
  const next = new Int32Array(partyCount + 2);
  for (let k = 0; k < keyCount; k++) next[bucketOf(k) + 1]! += 1;
  for (let b = 0; b <= partyCount; b++) next[b + 1]! += next[b] as number;
  const newIndex = new Int32Array(keyCount);
  let moved = false;
  for (let k = 0; k < keyCount; k++) {
    const at = next[bucketOf(k)]!++;
    newIndex[k] = at;
    if (at !== k) moved = true;
  }
  return moved ? newIndex : undefined;
}

/** The key arrays and aggregate leaves under `newIndex` (numberKeysByParty); the arrays themselves without one. */
export function renumberKeys<T extends KeyArrays>(parts: T, newIndex: Int32Array | undefined): T {
  if (newIndex === undefined) return parts;
  const keyCount = parts.keyCount;
  const permute = <A extends Uint8Array | Int32Array>(from: A): A => {
    const to = new (from.constructor as new (length: number) => A)(keyCount);
    for (let k = 0; k < keyCount; k++) to[newIndex[k] as number] = from[k] as number;
    return to;
  };
  const leafRef = parts.leafRef.slice();
  for (let n = 0; n < leafRef.length; n++) {
    if ((parts.leafType[n] as number) >= LEAF_TOTAL) leafRef[n] = newIndex[leafRef[n] as number] as number;
  }
  return {
    ...parts,
    keyType: permute(parts.keyType),
    keyBucket: permute(parts.keyBucket),
    keyCapability: permute(parts.keyCapability),
    keyArea: permute(parts.keyArea),
    leafRef,
  };
}
