import type { ThresholdGroups } from './compile-watches.js';
import { KEY_TOTAL } from './network-codes.js';

// Watches the threshold leaves of the total()/count() keys during one fixed-point run. A leaf of a pledge of
// party r with bound n is true when G - P[r] ≥ n (or > n), where G is the key's sum over all active pledges and
// P[r] party r's own part. Leaves come grouped by own-part slot and sorted by bound (compile-watches.ts); a heap
// per key orders the groups by the G-level n + P[r] at which their next leaf fires. Within a run P[r] only moves
// so as to make its leaves fire later (it falls in a greatest run, rises in a least one), so a heap entry can
// only be too early: it is corrected lazily when it reaches the top. Each leaf fires once: O(L log L) a run.

export interface WatchOptions {
  groups: ThresholdGroups;
  keyType: Uint8Array;
  /** Current truth of every node; leaves whose value is `pending` can still flip. */
  nodeTrue: Uint8Array;
  pending: number;
  /** Falling: pending leaves are true and fire when they turn false (greatest fixed point); else the reverse. */
  falling: boolean;
  /** Own parts per slot (quantity for total, pledge count for count). */
  partValue: Float64Array;
  /** Per group, zeroed: how many of its leaves were passed so far. */
  passed: Int32Array;
  /** Room for every key's heap (one entry per group), shared by the runs over one network. */
  heapRoom: HeapRoom;
  emit: (leaf: number) => void;
}

/** The threshold watches of every total/count key of one run. */
export class ThresholdWatches {
  private readonly groups: ThresholdGroups;
  private readonly passed: Int32Array;
  private readonly heaps: (GroupHeap | undefined)[];
  /** Priority and tiebreak of the entry `entry` computed last (set by `entry`). */
  private priority = 0;
  private tiebreak = 0;

  constructor(private readonly options: WatchOptions) {
    const groups = options.groups;
    this.groups = groups;
    this.passed = options.passed;
    const keyCount = groups.keyGroupStart.length - 1;
    this.heaps = new Array<GroupHeap | undefined>(keyCount);
    for (let k = 0; k < keyCount; k++) {
      const first = groups.keyGroupStart[k] as number;
      const end = groups.keyGroupStart[k + 1] as number;
      if (first === end) continue;
      const room = options.heapRoom;
      const heap = new GroupHeap(room.priority.subarray(first, end), room.tiebreak.subarray(first, end), room.group.subarray(first, end));
      this.heaps[k] = heap;
      for (let g = first; g < end; g++) {
        this.skipSettled(g);
        if (this.exhausted(g)) continue;
        this.entry(g);
        heap.push(this.priority, this.tiebreak, g);
      }
    }
  }

  /** Emit every leaf of key `key` whose value flips at the key's new total `total`. */
  fire(key: number, total: number): void {
    const heap = this.heaps[key];
    if (heap === undefined) return;
    while (heap.size > 0 && this.mayFire(heap, total)) {
      const g = heap.topGroup();
      this.entry(g);
      if (this.priority !== heap.topPriority() || this.tiebreak !== heap.topTiebreak()) {
        heap.replaceTop(this.priority, this.tiebreak);
        continue;
      }
      const base = this.base(g);
      if (!this.fires(total, g, base)) return;
      heap.pop();
      do {
        const leaf = this.groups.groupLeaf[this.position(g)] as number;
        this.passed[g]! += 1;
        this.options.emit(leaf);
        this.skipSettled(g);
      } while (!this.exhausted(g) && this.fires(total, g, base));
      if (this.exhausted(g)) continue;
      this.entry(g);
      heap.push(this.priority, this.tiebreak, g);
    }
  }

  // The top entry is never later than its group's true level, so if even it cannot fire, nothing can.
  private mayFire(heap: GroupHeap, total: number): boolean {
    const priority = heap.topPriority();
    const strict = this.options.falling ? heap.topTiebreak() === 0 : heap.topTiebreak() === 1;
    if (this.options.falling) return total < -priority || (strict && total === -priority);
    return total > priority || (!strict && total === priority);
  }

  // Falling runs walk each group from its highest bound down, rising ones from the lowest up.
  private position(g: number): number {
    const passed = this.passed[g] as number;
    return this.options.falling ? (this.groups.groupStart[g + 1] as number) - 1 - passed : (this.groups.groupStart[g] as number) + passed;
  }

  private exhausted(g: number): boolean {
    return (this.passed[g] as number) >= (this.groups.groupStart[g + 1] as number) - (this.groups.groupStart[g] as number);
  }

  // Leaves that are not pending never flip in this run: step over them.
  private skipSettled(g: number): void {
    const { nodeTrue, pending } = this.options;
    while (!this.exhausted(g) && nodeTrue[this.groups.groupLeaf[this.position(g)] as number] !== pending) this.passed[g]! += 1;
  }

  private base(g: number): number {
    const slot = this.groups.groupSlot[g] as number;
    if (slot < 0) return 0;
    const part = this.options.partValue[slot] as number;
    return this.options.keyType[this.groups.groupKey[g] as number] === KEY_TOTAL ? part : part > 0 ? 1 : 0;
  }

  private fires(total: number, g: number, base: number): boolean {
    const at = this.position(g);
    const level = (this.groups.groupBound[at] as number) + base;
    const strict = this.groups.groupStrict[at] === 1;
    return this.options.falling ? total < level || (strict && total === level) : total > level || (!strict && total === level);
  }

  // Min-heap order (priority, tiebreak): falling wants the highest level first, strict first; rising the lowest, non-strict first.
  private entry(g: number): void {
    const at = this.position(g);
    const level = (this.groups.groupBound[at] as number) + this.base(g);
    const strict = this.groups.groupStrict[at] === 1;
    this.priority = this.options.falling ? -level : level;
    this.tiebreak = this.options.falling ? (strict ? 0 : 1) : strict ? 1 : 0;
  }
}

/** Storage for the heaps of all keys: a key's heap has the entries of its groups' range (keyGroupStart). */
export interface HeapRoom {
  priority: Float64Array;
  tiebreak: Uint8Array;
  group: Int32Array;
}

/** Room for the heaps of `groupCount` groups. */
export function createHeapRoom(groupCount: number): HeapRoom {
  return { priority: new Float64Array(groupCount), tiebreak: new Uint8Array(groupCount), group: new Int32Array(groupCount) };
}

/** A binary min-heap of (priority, tiebreak) entries pointing at groups, at most one entry per group. */
class GroupHeap {
  size = 0;

  // Views into a HeapRoom: nothing is allocated per run but the views.
  constructor(
    private readonly priority: Float64Array,
    private readonly tiebreak: Uint8Array,
    private readonly group: Int32Array,
  ) {}

  topGroup(): number {
    return this.group[0] as number;
  }

  topPriority(): number {
    return this.priority[0] as number;
  }

  topTiebreak(): number {
    return this.tiebreak[0] as number;
  }

  push(priority: number, tiebreak: number, group: number): void {
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!precedes(priority, tiebreak, this.priority[up] as number, this.tiebreak[up] as number)) break;
      this.move(up, i);
      i = up;
    }
    this.set(i, priority, tiebreak, group);
  }

  pop(): void {
    const last = --this.size;
    if (last > 0) this.siftDown(this.priority[last] as number, this.tiebreak[last] as number, this.group[last] as number);
  }

  /** Give the top entry a later (larger) priority and restore the order. */
  replaceTop(priority: number, tiebreak: number): void {
    this.siftDown(priority, tiebreak, this.group[0] as number);
  }

  private siftDown(priority: number, tiebreak: number, group: number): void {
    const size = this.size;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.precedesEntry(right, left) ? right : left;
      if (!precedes(this.priority[child] as number, this.tiebreak[child] as number, priority, tiebreak)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, priority, tiebreak, group);
  }

  private precedesEntry(a: number, b: number): boolean {
    return precedes(this.priority[a] as number, this.tiebreak[a] as number, this.priority[b] as number, this.tiebreak[b] as number);
  }

  private move(from: number, to: number): void {
    this.set(to, this.priority[from] as number, this.tiebreak[from] as number, this.group[from] as number);
  }

  private set(i: number, priority: number, tiebreak: number, group: number): void {
    this.priority[i] = priority;
    this.tiebreak[i] = tiebreak;
    this.group[i] = group;
  }
}

function precedes(priority: number, tiebreak: number, otherPriority: number, otherTiebreak: number): boolean {
  return priority < otherPriority || (priority === otherPriority && tiebreak < otherTiebreak);
}
