import { freshArrays, type Int32Workspace } from '../graph/strongly-connected-components.js';
import type { Network } from './compile-network.js';
import { keyOfFeed } from './compile-feeds.js';

// Which pledges feed each aggregate key, as CSR over the network's feed lists: for the "waits for" explanations
// (all pledges, built once per network) and for the waiting groups (the assurance-gap pledges of one evaluation).

/**
 * CSR key → positions in `pledges` (ascending) of the pledges feeding the key; without `pledges`, every pledge
 * of the network, so that positions are pledge indices. Arrays come from `work` (new ones by default).
 */
export function pledgesByKey(
  net: Network,
  pledges?: ArrayLike<number>,
  work: Int32Workspace = freshArrays,
): { start: Int32Array; member: Int32Array } {
  const count = pledges === undefined ? net.pledgeIds.length : pledges.length;
  const pledgeAt = (i: number): number => (pledges === undefined ? i : (pledges[i] as number));
  const start = work('byKey.start', net.keyCount + 1).fill(0);
  for (let i = 0; i < count; i++) {
    const p = pledgeAt(i);
    for (let f = net.feedStart[p] as number; f < (net.feedStart[p + 1] as number); f++) start[keyOfFeed(net.feed[f] as number, net.slotKey) + 1]! += 1;
  }
  for (let k = 0; k < net.keyCount; k++) start[k + 1]! += start[k] as number;
  const fill = work('byKey.fill', net.keyCount);
  fill.set(start.subarray(0, net.keyCount));
  const member = work('byKey.member', start[net.keyCount] as number);
  for (let i = 0; i < count; i++) {
    const p = pledgeAt(i);
    for (let f = net.feedStart[p] as number; f < (net.feedStart[p + 1] as number); f++) member[fill[keyOfFeed(net.feed[f] as number, net.slotKey)]!++] = i;
  }
  return { start, member };
}

