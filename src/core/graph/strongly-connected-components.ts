/** Tarjan's algorithm, iterative (no recursion limit): the strongly connected components of a directed graph. */
export function findStronglyConnectedComponents(nodeCount: number, edges: readonly (readonly number[])[]): number[][] {
  const index = new Int32Array(nodeCount).fill(-1);
  const low = new Int32Array(nodeCount);
  const onStack = new Uint8Array(nodeCount);
  const stack: number[] = [];
  const components: number[][] = [];
  const callNode: number[] = [];
  const callEdge: number[] = [];
  let counter = 0;

  for (let start = 0; start < nodeCount; start++) {
    if (index[start] !== -1) continue;
    callNode.push(start);
    callEdge.push(0);
    index[start] = low[start] = counter++;
    stack.push(start);
    onStack[start] = 1;
    while (callNode.length > 0) {
      const depth = callNode.length - 1;
      const node = callNode[depth] as number;
      const out = edges[node] ?? [];
      const edge = callEdge[depth] as number;
      if (edge < out.length) {
        callEdge[depth] = edge + 1;
        const next = out[edge] as number;
        if (index[next] === -1) {
          index[next] = low[next] = counter++;
          stack.push(next);
          onStack[next] = 1;
          callNode.push(next);
          callEdge.push(0);
        } else if (onStack[next]) {
          low[node] = Math.min(low[node] as number, index[next] as number);
        }
        continue;
      }
      callNode.pop();
      callEdge.pop();
      if (callNode.length > 0) {
        const parent = callNode[callNode.length - 1] as number;
        low[parent] = Math.min(low[parent] as number, low[node] as number);
      }
      if (low[node] === index[node]) {
        const component: number[] = [];
        let member: number;
        do {
          member = stack.pop() as number;
          onStack[member] = 0;
          component.push(member);
        } while (member !== node);
        components.push(component);
      }
    }
  }
  return components;
}
