import type { Network } from './compile-network.js';

// Things made from a network once and kept as long as it lives (working arrays, reasons, orders): a WeakMap keyed
// by the network, so they go when it goes.

/** `make`, called at most once per network; later calls for the same network return what it made. */
export function perNetwork<T>(make: (net: Network) => T): (net: Network) => T {
  const made = new WeakMap<Network, T>();
  return (net) => {
    let value = made.get(net);
    if (value === undefined) {
      value = make(net);
      made.set(net, value);
    }
    return value;
  };
}
