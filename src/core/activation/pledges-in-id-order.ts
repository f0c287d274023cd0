import type { Network } from './compile-network.js';

// The network's pledges sorted by id (code-unit order, as Array.prototype.sort orders strings), made once per
// network on first use: listing the members of waiting groups in id order is then a scan, not a string sort per
// scenario.

const orders = new WeakMap<Network, Int32Array>();

/** Pledge indices of the network in ascending id order. */
export function pledgesInIdOrder(net: Network): Int32Array {
  let order = orders.get(net);
  if (!order) {
    const ids = net.pledgeIds;
    order = new Int32Array(ids.length);
    for (let p = 0; p < order.length; p++) order[p] = p;
    order.sort((a, b) => {
      const x = ids[a] as string;
      const y = ids[b] as string;
      return x < y ? -1 : x > y ? 1 : 0;
    });
    orders.set(net, order);
  }
  return order;
}
