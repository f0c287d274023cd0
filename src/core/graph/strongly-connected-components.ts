/**
 * Supplies a working array of `length` elements by name, contents unspecified: a caller that runs an algorithm
 * again and again on graphs of similar size can hand out the same arrays each time instead of new ones.
 */
export type Int32Workspace = (name: string, length: number) => Int32Array;

/** The workspace that makes new arrays on every call. */
export const freshArrays: Int32Workspace = (_name, length) => new Int32Array(length);

/** Tarjan's algorithm, iterative (no recursion limit): the strongly connected components of a directed graph. */
export function findStronglyConnectedComponents(nodeCount: number, edges: readonly (readonly number[])[]): number[][] {
  const start = new Int32Array(nodeCount + 1);
  for (let node = 0; node < nodeCount; node++) start[node + 1] = (start[node] as number) + (edges[node]?.length ?? 0);
  const target = new Int32Array(start[nodeCount] as number);
  for (let node = 0; node < nodeCount; node++) target.set(edges[node] ?? [], start[node] as number);
  const components: number[][] = [];
  walkTarjan(nodeCount, start, target, (stack, first, end) => {
    // Members in the order Tarjan pops them: from the top of the stack down.
    const members: number[] = [];
    for (let i = end - 1; i >= first; i--) members.push(stack[i] as number);
    components.push(members);
  });
  return components;
}

/**
 * Tarjan's algorithm on a graph in CSR form (node n's successors are target[start[n]] … target[start[n+1]-1]):
 * each node's component number, components numbered in the order they complete (sinks first).
 */
export function labelStronglyConnectedComponents(
  nodeCount: number,
  start: Int32Array,
  target: Int32Array,
  work: Int32Workspace = freshArrays,
): { component: Int32Array; count: number } {
  const component = work('scc.component', nodeCount).fill(-1);
  let count = 0;
  walkTarjan(
    nodeCount,
    start,
    target,
    (stack, first, end) => {
      for (let i = first; i < end; i++) component[stack[i] as number] = count;
      count++;
    },
    work,
  );
  return { component, count };
}

// Calls `emit` as each component completes; its members are stack[first] … stack[end-1].
function walkTarjan(
  nodeCount: number,
  start: Int32Array,
  target: Int32Array,
  emit: (stack: Int32Array, first: number, end: number) => void,
  work: Int32Workspace = freshArrays,
): void {
  const index = work('scc.index', nodeCount).fill(-1);
  const low = work('scc.low', nodeCount);
  const onStack = work('scc.onStack', nodeCount).fill(0);
  const stack = work('scc.stack', nodeCount);
  const callNode = work('scc.callNode', nodeCount);
  const callEdge = work('scc.callEdge', nodeCount);
  let stackSize = 0;
  let depth = 0;
  let counter = 0;

  for (let root = 0; root < nodeCount; root++) {
    if (index[root] !== -1) continue;
    callNode[0] = root;
    callEdge[0] = start[root] as number;
    depth = 1;
    index[root] = low[root] = counter++;
    stack[stackSize++] = root;
    onStack[root] = 1;
    while (depth > 0) {
      const node = callNode[depth - 1] as number;
      const edge = callEdge[depth - 1] as number;
      if (edge < (start[node + 1] as number)) {
        callEdge[depth - 1] = edge + 1;
        const next = target[edge] as number;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack[stackSize++] = next;
          onStack[next] = 1;
          callNode[depth] = next;
          callEdge[depth] = start[next] as number;
          depth++;
        } else if (onStack[next] === 1) {
          low[node] = Math.min(low[node] as number, index[next] as number);
        }
        continue;
      }
      depth--;
      if (depth > 0) {
        const parent = callNode[depth - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[node] as number);
      }
      if (low[node] === index[node]) {
        let first = stackSize;
        do first--;
        while (stack[first] !== node);
        for (let i = first; i < stackSize; i++) onStack[stack[i] as number] = 0;
        emit(stack, first, stackSize);
        stackSize = first;
      }
    }
  }
}
