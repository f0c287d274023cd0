// Watches the threshold leaves of one total()/count() key. A leaf of a pledge of party r with bound n is
// true when G - P[r] ≥ n (or > n), where G is the key's sum over all active pledges and P[r] party r's own
// part. Leaves are grouped by party and sorted by bound; a heap over the groups orders them by G-level
// n + P[r] at which their next leaf fires. Each leaf fires once, so a whole run costs O(L log L).

export interface ThresholdLeaf {
  leaf: number;
  party: number;
  threshold: number;
  strict: boolean;
}

interface Group {
  leaves: Int32Array;
  thresholds: Float64Array;
  strict: Uint8Array;
  cursor: number;
  stamp: number;
}

/** Direction `falling`: leaves are true now and fire when they turn false (greatest fixed point); else the reverse. */
export class ThresholdWatch {
  private readonly groups = new Map<number, Group>();
  private readonly heap = new GroupHeap();

  constructor(
    leaves: ThresholdLeaf[],
    private readonly falling: boolean,
    private readonly contribution: (party: number) => number,
  ) {
    const byParty = new Map<number, ThresholdLeaf[]>();
    for (const leaf of leaves) {
      const list = byParty.get(leaf.party);
      if (list) list.push(leaf);
      else byParty.set(leaf.party, [leaf]);
    }
    // Falling: highest bound first, strict first on ties (it fails at equality). Rising: the mirror image.
    const order = falling
      ? (a: ThresholdLeaf, b: ThresholdLeaf) => b.threshold - a.threshold || Number(b.strict) - Number(a.strict)
      : (a: ThresholdLeaf, b: ThresholdLeaf) => a.threshold - b.threshold || Number(a.strict) - Number(b.strict);
    for (const [party, list] of byParty) {
      list.sort(order);
      const group: Group = {
        leaves: Int32Array.from(list, (l) => l.leaf),
        thresholds: Float64Array.from(list, (l) => l.threshold),
        strict: Uint8Array.from(list, (l) => (l.strict ? 1 : 0)),
        cursor: 0,
        stamp: 0,
      };
      this.groups.set(party, group);
      this.pushGroup(party, group);
    }
  }

  /** Party `party`'s own part changed: its leaves' firing level moved. */
  updateParty(party: number): void {
    const group = this.groups.get(party);
    if (!group || group.cursor >= group.leaves.length) return;
    group.stamp++;
    this.pushGroup(party, group);
  }

  /** Emit every leaf whose value flips at the key's new total `total`. */
  fire(total: number, emit: (leaf: number) => void): void {
    while (this.heap.size > 0) {
      const party = this.heap.topGroup();
      const stamp = this.heap.topStamp();
      const group = this.groups.get(party) as Group;
      if (stamp !== group.stamp) {
        this.heap.pop();
        continue;
      }
      const base = this.contribution(party);
      if (!this.fires(total, group, base)) return;
      this.heap.pop();
      do {
        emit(group.leaves[group.cursor] as number);
        group.cursor++;
      } while (group.cursor < group.leaves.length && this.fires(total, group, base));
      group.stamp++;
      if (group.cursor < group.leaves.length) this.pushGroup(party, group);
    }
  }

  private fires(total: number, group: Group, base: number): boolean {
    const level = (group.thresholds[group.cursor] as number) + base;
    const strict = group.strict[group.cursor] === 1;
    return this.falling ? total < level || (strict && total === level) : total > level || (!strict && total === level);
  }

  private pushGroup(party: number, group: Group): void {
    const level = (group.thresholds[group.cursor] as number) + this.contribution(party);
    const strict = group.strict[group.cursor] === 1;
    // Min-heap on (priority, tiebreak): falling wants the highest level first, strict first; rising the lowest, non-strict first.
    if (this.falling) this.heap.push(-level, strict ? 0 : 1, party, group.stamp);
    else this.heap.push(level, strict ? 1 : 0, party, group.stamp);
  }
}

/** A binary min-heap of (priority, tiebreak) entries pointing at groups, in parallel arrays. */
class GroupHeap {
  private priority: number[] = [];
  private tiebreak: number[] = [];
  private group: number[] = [];
  private stamp: number[] = [];

  get size(): number {
    return this.priority.length;
  }

  topGroup(): number {
    return this.group[0] as number;
  }

  topStamp(): number {
    return this.stamp[0] as number;
  }

  push(priority: number, tiebreak: number, group: number, stamp: number): void {
    this.priority.push(priority);
    this.tiebreak.push(tiebreak);
    this.group.push(group);
    this.stamp.push(stamp);
    let i = this.priority.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!this.less(i, up)) break;
      this.swap(i, up);
      i = up;
    }
  }

  pop(): void {
    const last = this.priority.length - 1;
    this.swap(0, last);
    this.priority.pop();
    this.tiebreak.pop();
    this.group.pop();
    this.stamp.pop();
    let i = 0;
    const size = this.priority.length;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      const child = right < size && this.less(right, left) ? right : left;
      if (!this.less(child, i)) break;
      this.swap(child, i);
      i = child;
    }
  }

  private less(a: number, b: number): boolean {
    const pa = this.priority[a] as number;
    const pb = this.priority[b] as number;
    return pa < pb || (pa === pb && (this.tiebreak[a] as number) < (this.tiebreak[b] as number));
  }

  private swap(a: number, b: number): void {
    swapIn(this.priority, a, b);
    swapIn(this.tiebreak, a, b);
    swapIn(this.group, a, b);
    swapIn(this.stamp, a, b);
  }
}

function swapIn(array: number[], a: number, b: number): void {
  const t = array[a] as number;
  array[a] = array[b] as number;
  array[b] = t;
}
