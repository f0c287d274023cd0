import { perNetwork } from './per-network.js';

// The network's pledges sorted by id (code-unit order, as Array.prototype.sort orders strings), made once per
// network on first use: listing the members of waiting groups in id order is then a scan, not a string sort per
// scenario.

/** Pledge indices of the network in ascending id order. */
export const pledgesInIdOrder = perNetwork((net): Int32Array => {
  const ids = net.pledgeIds;
  const order = new Int32Array(ids.length);
  for (let p = 0; p < order.length; p++) order[p] = p;
  return order.sort((a, b) => {
    const x = ids[a] as string;
    const y = ids[b] as string;
    return x < y ? -1 : x > y ? 1 : 0;
  });
});
