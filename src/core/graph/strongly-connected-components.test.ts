import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { type Int32Workspace, labelStronglyConnectedComponents } from './strongly-connected-components.js';

// Components against brute-force reachability: u and v share a component exactly when each reaches the other.

interface Graph {
  nodeCount: number;
  edges: [number, number][];
}

const graphArbitrary: fc.Arbitrary<Graph> = fc.integer({ min: 0, max: 14 }).chain((nodeCount) =>
  fc.record({
    nodeCount: fc.constant(nodeCount),
    edges: nodeCount === 0 ? fc.constant([]) : fc.array(fc.tuple(fc.nat(nodeCount - 1), fc.nat(nodeCount - 1)), { maxLength: 40 }),
  }),
);

function toCsr({ nodeCount, edges }: Graph): { start: Int32Array; target: Int32Array } {
  const start = new Int32Array(nodeCount + 1);
  for (const [from] of edges) start[from + 1]! += 1;
  for (let n = 0; n < nodeCount; n++) start[n + 1]! += start[n] as number;
  const fill = start.slice(0, nodeCount);
  const target = new Int32Array(edges.length);
  for (const [from, to] of edges) target[fill[from]!++] = to;
  return { start, target };
}

function reachability({ nodeCount, edges }: Graph): boolean[][] {
  const reach = Array.from({ length: nodeCount }, (_, n) => Array.from({ length: nodeCount }, (_, m) => n === m));
  for (const [from, to] of edges) reach[from]![to] = true;
  for (let via = 0; via < nodeCount; via++) {
    for (let from = 0; from < nodeCount; from++) {
      if (!reach[from]![via]) continue;
      for (let to = 0; to < nodeCount; to++) if (reach[via]![to]) reach[from]![to] = true;
    }
  }
  return reach;
}

// A workspace that hands back the same arrays, holding whatever the last call left, as the waiting groups' does.
function createReusedArrays(): Int32Workspace {
  const arrays = new Map<string, Int32Array>();
  return (name, length) => {
    const array = arrays.get(name);
    if (array && array.length >= length) return array.subarray(0, length);
    const fresh = new Int32Array(length + 7).fill(12345);
    arrays.set(name, fresh);
    return fresh.subarray(0, length);
  };
}

function label(graph: Graph, work: Int32Workspace = createReusedArrays()): { component: number[]; count: number } {
  const { start, target } = toCsr(graph);
  const { component, count } = labelStronglyConnectedComponents(graph.nodeCount, start, target, work);
  return { component: [...component], count };
}

describe('labelStronglyConnectedComponents', () => {
  it('puts two nodes together exactly when each reaches the other, on 2,000 random graphs', () => {
    fc.assert(
      fc.property(graphArbitrary, (graph) => {
        const { component, count } = label(graph);
        const reach = reachability(graph);
        for (let u = 0; u < graph.nodeCount; u++) {
          for (let v = 0; v < graph.nodeCount; v++) {
            expect(component[u] === component[v], `${u} and ${v}`).toBe(reach[u]![v]! && reach[v]![u]!);
          }
        }
        expect(new Set(component).size).toBe(count);
        expect(component.every((c) => c >= 0 && c < count)).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });

  it('numbers components sinks first: an edge between two components leads to the lower number', () => {
    fc.assert(
      fc.property(graphArbitrary, (graph) => {
        const { component } = label(graph);
        for (const [from, to] of graph.edges) expect(component[to]!).toBeLessThanOrEqual(component[from]!);
      }),
      { numRuns: 2000 },
    );
  });

  it('gives the same labels when its working arrays are reused, whatever they hold', () => {
    const work = createReusedArrays();
    fc.assert(
      fc.property(graphArbitrary, (graph) => {
        expect(label(graph, work)).toEqual(label(graph));
      }),
      { numRuns: 500 },
    );
  });

  it('walks a path of 200,000 nodes without recursion', () => {
    const nodeCount = 200_000;
    const edges: [number, number][] = [];
    for (let n = 0; n + 1 < nodeCount; n++) edges.push([n, n + 1]);
    const path = label({ nodeCount, edges });
    expect(path.count).toBe(nodeCount);
    edges.push([nodeCount - 1, 0]);
    const ring = label({ nodeCount, edges });
    expect(ring.count).toBe(1);
  });
});
