import { freshArrays, type Int32Workspace } from '../graph/strongly-connected-components.js';
import type { Network } from './compile-network.js';
import { keyOfFeed } from './compile-feeds.js';

// Which of some pledges feed each aggregate key, as CSR over the network's feed lists: for the waiting groups (the
// assurance-gap pledges of one evaluation).

/** CSR key → positions in `pledges` (ascending) of the pledges feeding the key. Arrays come from `work` (new ones by default). */
export function pledgesByKey(net: Network, pledges: ArrayLike<number>, work: Int32Workspace = freshArrays): { start: Int32Array; member: Int32Array } {
  const count = pledges.length;
  const { feedStart, feed, slotKey } = net;
  // One pass over the feed lists, which a gap's pledges read scattered over the network, noting each entry's key
  // and position; the counting sort then reads only those notes.
  let entries = 0;
  for (let i = 0; i < count; i++) {
    const p = pledges[i] as number;
    entries += (feedStart[p + 1] as number) - (feedStart[p] as number);
  }
  const entryKey = work('byKey.entryKey', entries);
  const entryAt = work('byKey.entryAt', entries);
  const start = work('byKey.start', net.keyCount + 1).fill(0);
  let e = 0;
  for (let i = 0; i < count; i++) {
    const p = pledges[i] as number;
    const end = feedStart[p + 1] as number;
    for (let f = feedStart[p] as number; f < end; f++) {
      const k = keyOfFeed(feed[f] as number, slotKey);
      entryKey[e] = k;
      entryAt[e++] = i;
      start[k + 1]! += 1;
    }
  }
  for (let k = 0; k < net.keyCount; k++) start[k + 1]! += start[k] as number;
  const fill = work('byKey.fill', net.keyCount);
  fill.set(start.subarray(0, net.keyCount));
  const member = work('byKey.member', entries);
  for (let j = 0; j < entries; j++) member[fill[entryKey[j] as number]!++] = entryAt[j] as number;
  return { start, member };
}

