import { networkIndexOf } from './network-order.js';
import { perNetwork } from './per-network.js';

// The network's pledges sorted by id (code-unit order, as Array.prototype.sort orders strings), made once per
// network on first use: listing the members of waiting groups in id order is then a scan, not a string sort per
// scenario.

/** Pledge indices of the network in ascending id order. */
export const pledgesInIdOrder = perNetwork((net): Int32Array => {
  // Sorted in input order, which is often close to id order already (the sort then finds long runs), rather than
  // in network order (grouped by party, which scatters ids), then mapped to network indices.
  const ids = net.inputIds;
  const order = new Int32Array(ids.length);
  for (let i = 0; i < order.length; i++) order[i] = i;
  order.sort((a, b) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
  const inputIndex = net.inputIndex;
  if (inputIndex === undefined) return order;
  const networkIndex = networkIndexOf(inputIndex);
  for (let i = 0; i < order.length; i++) order[i] = networkIndex[order[i] as number] as number;
  return order;
});

/** Per pledge (network index): its place in pledgesInIdOrder, so that a few pledges can be put in id order without a scan of all. */
export const idRanks = perNetwork((net): Int32Array => {
  const order = pledgesInIdOrder(net);
  const rank = new Int32Array(order.length);
  for (let r = 0; r < order.length; r++) rank[order[r] as number] = r;
  return rank;
});
