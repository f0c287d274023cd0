import type { Int32Workspace } from '../graph/strongly-connected-components.js';

// Working arrays handed out by name and kept between calls, grown when a call needs more. The waiting groups of a
// million-pledge gap need about 150 MB of them; made anew for every scenario, they drove V8 into full garbage
// collections (allocations outside the JS heap count towards its limits), each marking the whole heap.

/** A workspace whose arrays are reused from one call to the next; contents are whatever the last call left. */
export function createWorkArrays(): Int32Workspace {
  const buffers = new Map<string, Int32Array>();
  return (name, length) => {
    let buffer = buffers.get(name);
    if (!buffer || buffer.length < length) {
      buffer = new Int32Array(Math.max(length, Math.floor((buffer?.length ?? 0) * 1.5)));
      buffers.set(name, buffer);
    }
    return buffer.subarray(0, length);
  };
}
