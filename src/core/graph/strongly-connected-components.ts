/**
 * Supplies a working array of `length` elements by name, contents unspecified: a caller that runs an algorithm
 * again and again on graphs of similar size can hand out the same arrays each time instead of new ones.
 */
export type Int32Workspace = (name: string, length: number) => Int32Array;

/** The workspace that makes new arrays on every call. */
export const freshArrays: Int32Workspace = (_name, length) => new Int32Array(length);

/**
 * The strongly connected components of a graph in CSR form (node n's successors are target[start[n]] …
 * target[start[n+1]-1]): each node's component number, components numbered in the order they complete, so that
 * an edge between two components always leads to a lower number (sinks first).
 *
 * Pearce's variant of Tarjan's algorithm ("A space-efficient algorithm for finding strongly connected
 * components", 2016), iterative: one number per node (`rindex`) serves as visited flag, low link and, once the
 * node's component is complete, its label, where Tarjan keeps an index, a low link and an on-stack flag. The
 * edges read one array at their targets instead of two, which is what the walk over a waiting-groups graph of a
 * million-pledge gap spends its time on.
 */
export function labelStronglyConnectedComponents(
  nodeCount: number,
  start: Int32Array,
  target: Int32Array,
  work: Int32Workspace = freshArrays,
): { component: Int32Array; count: number } {
  // 0: not visited. Visited, component open: the least visit number it reaches (1, 2, …). Component complete: a
  // label counted down from nodeCount - 1. Visit numbers are handed back as components complete, so an open node's
  // number is never above a label, and a completed target never lowers anything.
  const rindex = work('scc.component', nodeCount).fill(0);
  // The walk's frames (node, next edge, the node's own visit number) and the visited nodes whose component is open
  // but whose frames are gone.
  const callNode = work('scc.callNode', nodeCount);
  const callEdge = work('scc.callEdge', nodeCount);
  const callIndex = work('scc.callIndex', nodeCount);
  const open = work('scc.open', nodeCount);
  let openSize = 0;
  let visits = 1;
  let label = nodeCount - 1;

  for (let root = 0; root < nodeCount; root++) {
    if (rindex[root] !== 0) continue;
    rindex[root] = visits;
    callNode[0] = root;
    callEdge[0] = start[root] as number;
    callIndex[0] = visits++;
    let depth = 1;
    while (depth > 0) {
      const top = depth - 1;
      const node = callNode[top] as number;
      const end = start[node + 1] as number;
      let edge = callEdge[top] as number;
      let low = rindex[node] as number;
      let next = -1;
      for (; edge < end; edge++) {
        const reached = rindex[target[edge] as number] as number;
        if (reached === 0) {
          next = target[edge++] as number;
          break;
        }
        if (reached < low) low = reached;
      }
      rindex[node] = low;
      if (next >= 0) {
        callEdge[top] = edge;
        rindex[next] = visits;
        callNode[depth] = next;
        callEdge[depth] = start[next] as number;
        callIndex[depth] = visits++;
        depth++;
        continue;
      }
      depth--;
      const own = callIndex[top] as number;
      if (low === own) {
        // The root of its component: the open nodes visited since belong to it.
        while (openSize > 0 && (rindex[open[openSize - 1] as number] as number) >= own) {
          rindex[open[--openSize] as number] = label;
          visits--;
        }
        rindex[node] = label--;
        visits--;
      } else {
        open[openSize++] = node;
      }
      if (depth > 0) {
        const parent = callNode[depth - 1] as number;
        if ((rindex[node] as number) < (rindex[parent] as number)) rindex[parent] = rindex[node] as number;
      }
    }
  }
  // Labels were counted down as components completed; number them up from 0 in the same order.
  for (let node = 0; node < nodeCount; node++) rindex[node] = nodeCount - 1 - (rindex[node] as number);
  return { component: rindex, count: nodeCount - 1 - label };
}
