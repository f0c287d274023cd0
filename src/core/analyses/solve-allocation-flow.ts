import type { AllocationLp, LexicographicSolution } from './allocation-lp.js';

// The allocation LP solved exactly as what it is, a bipartite transportation problem: a max flow from a source
// through each pledge (an edge of its quantity) and each (pledge, requirement) column (uncapped) to each
// requirement, and from the requirement to a sink (an edge of its demand; uncapped without an estimate).
// Lexicographic by priority = incremental max flow: open the sink edges of priority 1 and compute the max flow,
// then open priority 2's and augment further, and so on. Proof that each level is optimal given the earlier ones:
// an augmenting path starts at the source and ends at the sink, so no sink edge's flow ever decreases — the earlier
// levels keep their optimum (they cannot exceed it, it was their maximum) — and the total equals the max flow over
// the open sink edges, which bounds the earlier optima plus this level's fill; so this level's fill is the most
// possible given the earlier levels, which is the LP's lexicographic optimum.
//
// Dinic's algorithm on typed arrays (no object per edge), with floating-point quantities: a residual below
// `epsilon` (1e-12 of the largest finite capacity) counts as none. Pure: no I/O, no clock. It needs no reduction
// (reduce-allocation-lp.ts, which HiGHS needs): interchangeable pledges cost the flow no more than distinct ones.
//
// Duals (the LP's are not unique where it is degenerate; these are a valid choice, read from the residual graph
// after each level's max flow, each 0 or 1):
// - a demand row: 1 when its requirement (of that level or an earlier one) is reachable from the source in the
//   residual graph — one more unit of demand would be filled from spare supply without taking any other
//   requirement's fill (the min cut's dual); else 0. A requirement that is short is never reachable (else the flow
//   was not maximal), so its dual is 0, as in the LP.
// - a capacity row: 1 when one more unit of the pledge's quantity could reach a requirement of that level that is
//   still short, along the residual graph without passing the sink (so no other requirement loses fill); else 0.

/** Solve an allocation LP lexicographically by priority as a max flow (exact for this LP), synchronously. */
export function solveAllocationFlow(lp: AllocationLp): LexicographicSolution {
  const { numCols, numRows, capacityRows, rowStart, rowIndex, rowUpper, colKey, levels } = lp;
  // Requirement nodes: one per distinct column key.
  const keyNode = new Map<number, number>();
  const colRequirement = new Int32Array(numCols);
  for (let c = 0; c < numCols; c++) {
    const key = colKey[c] as number;
    let node = keyNode.get(key);
    if (node === undefined) {
      node = keyNode.size;
      keyNode.set(key, node);
    }
    colRequirement[c] = node;
  }
  const requirements = keyNode.size;
  // Per requirement: its demand row (−1: none, uncapped) and its level.
  const demandRow = new Int32Array(requirements).fill(-1);
  for (let row = capacityRows; row < numRows; row++) {
    const start = rowStart[row] as number;
    if (start < (rowStart[row + 1] as number)) demandRow[colRequirement[rowIndex[start] as number] as number] = row;
  }
  const levelOf = new Int32Array(requirements).fill(-1);
  levels.forEach((level, k) => {
    for (let i = 0; i < level.columns.length; i++) levelOf[colRequirement[level.columns[i] as number] as number] = k;
  });
  // Nodes: 0 source, 1 sink, 2.. capacity rows, then requirements.
  const SOURCE = 0;
  const SINK = 1;
  const firstRequirement = 2 + capacityRows;
  const nodes = firstRequirement + requirements;
  // Edges in pairs (e, e ^ 1): source→pledge, pledge→requirement (one per column), requirement→sink.
  const edges = 2 * (capacityRows + numCols + requirements);
  const head = new Int32Array(edges);
  const residual = new Float64Array(edges);
  const degree = new Int32Array(nodes + 1);
  const tails = new Int32Array(edges);
  let edgeCount = 0;
  const addEdge = (from: number, to: number, capacity: number): number => {
    const e = edgeCount;
    tails[e] = from;
    head[e] = to;
    residual[e] = capacity;
    tails[e + 1] = to;
    head[e + 1] = from;
    edgeCount += 2;
    degree[from + 1] = (degree[from + 1] as number) + 1;
    degree[to + 1] = (degree[to + 1] as number) + 1;
    return e;
  };
  let largest = 1;
  const columnEdge = new Int32Array(numCols);
  for (let row = 0; row < capacityRows; row++) {
    const capacity = Math.max(0, rowUpper[row] as number);
    largest = Math.max(largest, capacity);
    addEdge(SOURCE, 2 + row, capacity);
    for (let i = rowStart[row] as number; i < (rowStart[row + 1] as number); i++) {
      const c = rowIndex[i] as number;
      columnEdge[c] = addEdge(2 + row, firstRequirement + (colRequirement[c] as number), Infinity);
    }
  }
  // Sink edges start closed (capacity 0); each level opens its own.
  const sinkEdge = new Int32Array(requirements);
  for (let r = 0; r < requirements; r++) sinkEdge[r] = addEdge(firstRequirement + r, SINK, 0);
  const epsilon = 1e-12 * largest;
  // Adjacency in CSR: the edges leaving each node.
  for (let v = 0; v < nodes; v++) degree[v + 1] = (degree[v + 1] as number) + (degree[v] as number);
  const adjacencyStart = degree;
  const adjacency = new Int32Array(edgeCount);
  const fillAt = adjacencyStart.slice(0, nodes);
  for (let e = 0; e < edgeCount; e++) {
    const v = tails[e] as number;
    adjacency[fillAt[v] as number] = e;
    fillAt[v] = (fillAt[v] as number) + 1;
  }
  const depth = new Int32Array(nodes);
  const queue = new Int32Array(nodes);
  const current = new Int32Array(nodes);
  const pathEdge = new Int32Array(nodes);
  // Breadth-first levels from the source over residual edges; true when the sink is reached.
  const layer = (): boolean => {
    depth.fill(-1);
    depth[SOURCE] = 0;
    queue[0] = SOURCE;
    let read = 0;
    let write = 1;
    while (read < write) {
      const v = queue[read++] as number;
      for (let i = adjacencyStart[v] as number; i < (adjacencyStart[v + 1] as number); i++) {
        const e = adjacency[i] as number;
        const w = head[e] as number;
        if ((depth[w] as number) < 0 && (residual[e] as number) > epsilon) {
          depth[w] = (depth[v] as number) + 1;
          queue[write++] = w;
        }
      }
    }
    return (depth[SINK] as number) >= 0;
  };
  // A blocking flow along the levels, by iterative depth-first search with current arcs.
  const block = (): void => {
    for (let v = 0; v < nodes; v++) current[v] = adjacencyStart[v] as number;
    let v = SOURCE;
    let length = 0;
    for (;;) {
      if (v === SINK) {
        let bottleneck = Infinity;
        for (let i = 0; i < length; i++) bottleneck = Math.min(bottleneck, residual[pathEdge[i] as number] as number);
        for (let i = 0; i < length; i++) {
          const e = pathEdge[i] as number;
          residual[e] = (residual[e] as number) - bottleneck;
          residual[e ^ 1] = (residual[e ^ 1] as number) + bottleneck;
        }
        v = SOURCE;
        length = 0;
        continue;
      }
      const end = adjacencyStart[v + 1] as number;
      let i = current[v] as number;
      for (; i < end; i++) {
        const e = adjacency[i] as number;
        if ((residual[e] as number) > epsilon && depth[head[e] as number] === (depth[v] as number) + 1) break;
      }
      current[v] = i;
      if (i < end) {
        const e = adjacency[i] as number;
        pathEdge[length++] = e;
        v = head[e] as number;
        continue;
      }
      // A dead end: no path to the sink through v in this phase.
      depth[v] = -1;
      if (length === 0) return;
      const back = pathEdge[--length] as number;
      v = tails[back] as number;
      current[v] = (current[v] as number) + 1;
    }
  };
  const levelFill: number[] = [];
  const rowDual: Float64Array[] = [];
  const reached = new Uint8Array(nodes);
  for (let k = 0; k < levels.length; k++) {
    for (let r = 0; r < requirements; r++) {
      if (levelOf[r] !== k) continue;
      const row = demandRow[r] as number;
      residual[sinkEdge[r] as number] = row < 0 ? Infinity : Math.max(0, rowUpper[row] as number);
    }
    while (layer()) block();
    // The last layering did not reach the sink: depth ≥ 0 is the source's residual reach (the min cut's side).
    const duals = new Float64Array(numRows);
    for (let r = 0; r < requirements; r++) {
      const row = demandRow[r] as number;
      if (row >= 0 && (levelOf[r] as number) <= k && (depth[firstRequirement + r] as number) >= 0) duals[row] = 1;
    }
    // Backwards from this level's requirements still short: the nodes with a residual path to one of them.
    reached.fill(0);
    let write = 0;
    for (let r = 0; r < requirements; r++) {
      if (levelOf[r] === k && (residual[sinkEdge[r] as number] as number) > epsilon) {
        reached[firstRequirement + r] = 1;
        queue[write++] = firstRequirement + r;
      }
    }
    let read = 0;
    while (read < write) {
      const w = queue[read++] as number;
      for (let i = adjacencyStart[w] as number; i < (adjacencyStart[w + 1] as number); i++) {
        const e = adjacency[i] as number;
        const v = head[e] as number;
        // The edge v → w is e ^ 1.
        if (v === SOURCE || v === SINK || reached[v] === 1 || (residual[e ^ 1] as number) <= epsilon) continue;
        reached[v] = 1;
        queue[write++] = v;
      }
    }
    for (let row = 0; row < capacityRows; row++) if (reached[2 + row] === 1) duals[row] = 1;
    rowDual.push(duals);
    const level = levels[k] as { columns: Int32Array };
    let fill = 0;
    for (let i = 0; i < level.columns.length; i++) fill += residual[(columnEdge[level.columns[i] as number] as number) ^ 1] as number;
    levelFill.push(fill);
  }
  // A column's value is its edge's flow, the reverse edge's residual.
  const colValue = new Float64Array(numCols);
  for (let c = 0; c < numCols; c++) colValue[c] = residual[(columnEdge[c] as number) ^ 1] as number;
  return { status: 'optimal', levelFill, colValue, rowDual };
}
