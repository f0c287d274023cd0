import type { ThresholdGroups } from './compile-watches.js';

// Watches the threshold leaves of the total()/count() keys during one fixed-point run. A leaf of a pledge of
// party r with bound n is true when G - P[r] ≥ n (or > n), where G is the key's sum over all active pledges and
// P[r] party r's own part. Leaves come grouped by own-part slot and sorted by bound (compile-watches.ts); a heap
// per key orders the groups by the G-level n + P[r] at which their next leaf fires. Each leaf fires once, so a
// whole run costs O(L log L).

const KEY_TOTAL = 0;

export interface WatchOptions {
  groups: ThresholdGroups;
  keyType: Uint8Array;
  leafThreshold: Float64Array;
  leafStrict: Uint8Array;
  /** Current truth of every node; leaves whose value is `pending` can still flip. */
  nodeTrue: Uint8Array;
  pending: number;
  /** Falling: pending leaves are true and fire when they turn false (greatest fixed point); else the reverse. */
  falling: boolean;
  /** Own parts per slot (quantity for total, pledge count for count). */
  partValue: Float64Array;
  emit: (leaf: number) => void;
}

/** The threshold watches of every total/count key of one run. */
export class ThresholdWatches {
  private readonly groups: ThresholdGroups;
  private readonly passed: Int32Array;
  private readonly stamp: Int32Array;
  private readonly heaps: (GroupHeap | undefined)[];

  constructor(private readonly options: WatchOptions) {
    const groups = options.groups;
    this.groups = groups;
    const groupCount = groups.groupKey.length;
    this.passed = new Int32Array(groupCount);
    this.stamp = new Int32Array(groupCount);
    const keyCount = groups.keyGroupStart.length - 1;
    this.heaps = new Array<GroupHeap | undefined>(keyCount);
    for (let k = 0; k < keyCount; k++) {
      const first = groups.keyGroupStart[k] as number;
      const end = groups.keyGroupStart[k + 1] as number;
      if (first === end) continue;
      this.heaps[k] = new GroupHeap();
      for (let g = first; g < end; g++) {
        this.skipSettled(g);
        if (!this.exhausted(g)) this.pushGroup(g);
      }
    }
  }

  /** The own part in `slot` changed: the firing level of the group reading it moved. */
  updateSlot(slot: number): void {
    const g = this.groups.slotGroup[slot] as number;
    if (g < 0 || this.exhausted(g)) return;
    this.stamp[g]! += 1;
    this.pushGroup(g);
  }

  /** Emit every leaf of key `key` whose value flips at the key's new total `total`. */
  fire(key: number, total: number): void {
    const heap = this.heaps[key];
    if (heap === undefined) return;
    while (heap.size > 0) {
      const g = heap.topGroup();
      if (heap.topStamp() !== this.stamp[g]) {
        heap.pop();
        continue;
      }
      const base = this.base(g);
      if (!this.fires(total, g, base)) return;
      heap.pop();
      do {
        const leaf = this.current(g);
        this.passed[g]! += 1;
        this.options.emit(leaf);
        this.skipSettled(g);
      } while (!this.exhausted(g) && this.fires(total, g, base));
      this.stamp[g]! += 1;
      if (!this.exhausted(g)) this.pushGroup(g);
    }
  }

  // Falling runs walk each group from its highest bound down, rising ones from the lowest up.
  private current(g: number): number {
    const { groupStart, groupLeaf } = this.groups;
    const passed = this.passed[g] as number;
    const index = this.options.falling ? (groupStart[g + 1] as number) - 1 - passed : (groupStart[g] as number) + passed;
    return groupLeaf[index] as number;
  }

  private exhausted(g: number): boolean {
    return (this.passed[g] as number) >= (this.groups.groupStart[g + 1] as number) - (this.groups.groupStart[g] as number);
  }

  // Leaves that are not pending never flip in this run: step over them.
  private skipSettled(g: number): void {
    const { nodeTrue, pending } = this.options;
    while (!this.exhausted(g) && nodeTrue[this.current(g)] !== pending) this.passed[g]! += 1;
  }

  private base(g: number): number {
    const slot = this.groups.groupSlot[g] as number;
    if (slot < 0) return 0;
    const part = this.options.partValue[slot] as number;
    return this.options.keyType[this.groups.groupKey[g] as number] === KEY_TOTAL ? part : part > 0 ? 1 : 0;
  }

  private fires(total: number, g: number, base: number): boolean {
    const leaf = this.current(g);
    const level = (this.options.leafThreshold[leaf] as number) + base;
    const strict = this.options.leafStrict[leaf] === 1;
    return this.options.falling ? total < level || (strict && total === level) : total > level || (!strict && total === level);
  }

  private pushGroup(g: number): void {
    const leaf = this.current(g);
    const level = (this.options.leafThreshold[leaf] as number) + this.base(g);
    const strict = this.options.leafStrict[leaf] === 1;
    const heap = this.heaps[this.groups.groupKey[g] as number] as GroupHeap;
    // Min-heap on (priority, tiebreak): falling wants the highest level first, strict first; rising the lowest, non-strict first.
    if (this.options.falling) heap.push(-level, strict ? 0 : 1, g, this.stamp[g] as number);
    else heap.push(level, strict ? 1 : 0, g, this.stamp[g] as number);
  }
}

/** A binary min-heap of (priority, tiebreak) entries pointing at groups, in growable typed arrays. */
class GroupHeap {
  private priority = new Float64Array(8);
  private tiebreak = new Uint8Array(8);
  private group = new Int32Array(8);
  private stamp = new Int32Array(8);
  size = 0;

  topGroup(): number {
    return this.group[0] as number;
  }

  topStamp(): number {
    return this.stamp[0] as number;
  }

  push(priority: number, tiebreak: number, group: number, stamp: number): void {
    if (this.size === this.priority.length) this.grow();
    let i = this.size++;
    while (i > 0) {
      const up = (i - 1) >> 1;
      const upPriority = this.priority[up] as number;
      if (upPriority < priority || (upPriority === priority && (this.tiebreak[up] as number) <= tiebreak)) break;
      this.move(up, i);
      i = up;
    }
    this.set(i, priority, tiebreak, group, stamp);
  }

  pop(): void {
    const last = --this.size;
    if (last === 0) return;
    const priority = this.priority[last] as number;
    const tiebreak = this.tiebreak[last] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= last) break;
      const right = left + 1;
      const child = right < last && this.less(right, left) ? right : left;
      const childPriority = this.priority[child] as number;
      if (childPriority > priority || (childPriority === priority && (this.tiebreak[child] as number) >= tiebreak)) break;
      this.move(child, i);
      i = child;
    }
    this.set(i, priority, tiebreak, this.group[last] as number, this.stamp[last] as number);
  }

  private less(a: number, b: number): boolean {
    const pa = this.priority[a] as number;
    const pb = this.priority[b] as number;
    return pa < pb || (pa === pb && (this.tiebreak[a] as number) < (this.tiebreak[b] as number));
  }

  private move(from: number, to: number): void {
    this.set(to, this.priority[from] as number, this.tiebreak[from] as number, this.group[from] as number, this.stamp[from] as number);
  }

  private set(i: number, priority: number, tiebreak: number, group: number, stamp: number): void {
    this.priority[i] = priority;
    this.tiebreak[i] = tiebreak;
    this.group[i] = group;
    this.stamp[i] = stamp;
  }

  private grow(): void {
    const size = this.priority.length * 2;
    this.priority = grown(this.priority, new Float64Array(size));
    this.tiebreak = grown(this.tiebreak, new Uint8Array(size));
    this.group = grown(this.group, new Int32Array(size));
    this.stamp = grown(this.stamp, new Int32Array(size));
  }
}

function grown<T extends Float64Array | Uint8Array | Int32Array>(from: T, to: T): T {
  to.set(from);
  return to;
}
