import { meetsBound, ownPart } from './aggregate-parts.js';
import type { ThresholdOrder } from './compile-watches.js';
import { KEY_TOTAL } from './network-codes.js';

// Watches the threshold leaves of the total()/count() keys during one fixed-point run. A leaf of a pledge of
// party r with bound n holds when G - P[r] ≥ n (or > n), where G is the key's sum over all active pledges and
// P[r] party r's own part; it flips when G crosses its level n + P[r].
//
// Each key's leaves are sorted by n (compile-watches.ts) and a cursor admits them in the order G reaches them:
// in a rising run (least fixed point, G and P[r] only grow) a leaf can flip only once G ≥ n; in a falling run
// (greatest, both only shrink) only once G ≤ n + W, where W is the largest own part at the start. An admitted
// leaf that does not flip yet waits for its own part in a heap per key ordered by level. Own parts only move
// so as to make a level later, so a heap entry can only be too early: it is corrected when it reaches the top.
// Each leaf is admitted once and fires once; heap work is only for the leaves held back by their own part.

export interface WatchOptions {
  order: ThresholdOrder;
  keyType: Uint8Array;
  keyTotal: Float64Array;
  /** The run's TRUE_AT_* bit of ThresholdOrder.truth: leaves that start true (falling) or false (rising) can flip. */
  startBit: number;
  /** Falling: pending leaves are true and fire when they turn false (greatest fixed point); else the reverse. */
  falling: boolean;
  /** Own parts per slot (quantity for total, pledge count for count). */
  partValue: Float64Array;
  room: WatchRoom;
  /** Falling only: per key, the largest own part among its threshold leaves at the start (measureWidths). */
  width: Float64Array | undefined;
  emit: (leaf: number) => void;
}

/** Per-run working arrays, reusable by the next run over the same network. */
export interface WatchRoom {
  /** Per key: the cursor into its sorted leaves and its heap's size. */
  cursor: Int32Array;
  heapSize: Int32Array;
  /** Heap entries, a key's heap in its own range of the sorted leaves: level (negated when falling), strictness tiebreak, entry. */
  priority: Float64Array;
  tiebreak: Uint8Array;
  item: Int32Array;
}

/** Room for runs over a network with `keyCount` keys and `entryCount` threshold leaves. */
export function createWatchRoom(keyCount: number, entryCount: number): WatchRoom {
  return {
    cursor: new Int32Array(keyCount),
    heapSize: new Int32Array(keyCount),
    priority: new Float64Array(entryCount),
    tiebreak: new Uint8Array(entryCount),
    item: new Int32Array(entryCount),
  };
}

/**
 * Per threshold entry, its party's own part of the key when the aggregates are `partValue`. At a greatest run's
 * start (every pledge active) no run's own part is larger: own parts only shrink from there, and at maximum
 * quantities that bounds every run (ThresholdOrder.ownMost).
 */
export function measureOwnParts(order: Pick<ThresholdOrder, 'keyStart' | 'slot'>, keyType: Uint8Array, partValue: Float64Array): Float64Array {
  const own = new Float64Array(order.slot.length);
  for (let k = 0; k + 1 < order.keyStart.length; k++) {
    const isTotal = keyType[k] === KEY_TOTAL;
    for (let i = order.keyStart[k] as number; i < (order.keyStart[k + 1] as number); i++) own[i] = ownPart(partValue, order.slot[i] as number, isTotal);
  }
  return own;
}

/** Per key, the largest of its entries' own parts (measureOwnParts at a falling run's start): no leaf's level is higher in that run. */
export function measureWidths(order: Pick<ThresholdOrder, 'keyStart'>, ownParts: Float64Array): Float64Array {
  const keyCount = order.keyStart.length - 1;
  const width = new Float64Array(keyCount);
  for (let k = 0; k < keyCount; k++) {
    let most = 0;
    for (let i = order.keyStart[k] as number; i < (order.keyStart[k + 1] as number); i++) most = Math.max(most, ownParts[i] as number);
    width[k] = most;
  }
  return width;
}

/** The threshold watches of every total/count key of one run. */
export class ThresholdWatches {
  private readonly order: ThresholdOrder;
  private readonly room: WatchRoom;
  private readonly falling: boolean;

  constructor(private readonly options: WatchOptions) {
    this.order = options.order;
    this.room = options.room;
    this.falling = options.falling;
    const keyStart = this.order.keyStart;
    const keyCount = keyStart.length - 1;
    for (let k = 0; k < keyCount; k++) {
      const start = keyStart[k] as number;
      const end = keyStart[k + 1] as number;
      this.room.heapSize[k] = 0;
      this.room.cursor[k] = this.falling ? end : start;
      if (start === end) continue;
      this.fire(k, options.keyTotal[k] as number);
    }
  }

  /** Emit every leaf of key `key` whose value flips at the key's new total `total`. */
  fire(key: number, total: number): void {
    if (this.falling) this.admitFalling(key, total);
    else this.admitRising(key, total);
    const room = this.room;
    const base = this.order.keyStart[key] as number;
    while ((room.heapSize[key] as number) > 0) {
      const priority = room.priority[base] as number;
      const strict = room.tiebreak[base] === (this.falling ? 0 : 1);
      if (!this.fires(total, this.falling ? -priority : priority, strict)) return;
      const entry = room.item[base] as number;
      const level = this.levelOf(key, entry);
      const current = this.falling ? -level : level;
      if (current !== priority) {
        this.siftDown(key, current, room.tiebreak[base] as number, entry);
        continue;
      }
      this.pop(key);
      this.options.emit(this.order.leaf[entry] as number);
    }
  }

  // Rising: a leaf can flip only once the total reaches its bound (own parts are never negative). Each entry is
  // admitted once a run, so it is pending exactly when it starts false; a pending leaf flips now or waits in the
  // heap at its level (min-heap: the lowest level first, non-strict first). One loop over locals, as this admits
  // every threshold leaf of a run.
  private admitRising(key: number, total: number): void {
    const { order, room } = this;
    const { bound, truth, leaf, strict, slot, ownMost } = order;
    const { partValue, startBit, emit } = this.options;
    const isTotal = this.options.keyType[key] === KEY_TOTAL;
    const end = order.keyStart[key + 1] as number;
    let i = room.cursor[key] as number;
    while (i < end && (bound[i] as number) <= total) {
      const entry = i++;
      if (((truth[entry] as number) & startBit) !== 0) continue;
      const isStrict = strict[entry] === 1;
      // The most the party's own part can be: if the total clears the bound even by that, the leaf flips without
      // a look at the own part (a read anywhere in megabytes of slots), as most leaves a round's jump admits do.
      if (meetsBound(total, (bound[entry] as number) + (ownMost[entry] as number), isStrict)) {
        emit(leaf[entry] as number);
        continue;
      }
      const level = (bound[entry] as number) + ownPart(partValue, slot[entry] as number, isTotal);
      // Rising: the leaf turns true once the others' part, total - own part, meets the bound.
      if (meetsBound(total, level, isStrict)) emit(leaf[entry] as number);
      else this.push(key, level, isStrict ? 1 : 0, entry);
    }
    room.cursor[key] = i;
  }

  // Falling: a leaf can flip only once the total is down to its bound plus the largest own part. Pending leaves are
  // those that start true (min-heap: the highest level first, strict first). As admitRising, mirrored.
  private admitFalling(key: number, total: number): void {
    const { order, room } = this;
    const { bound, truth, leaf, strict, slot } = order;
    const { partValue, startBit, emit } = this.options;
    const isTotal = this.options.keyType[key] === KEY_TOTAL;
    const start = order.keyStart[key] as number;
    const width = (this.options.width as Float64Array)[key] as number;
    let i = room.cursor[key] as number;
    while (i > start && (bound[i - 1] as number) + width >= total) {
      const entry = --i;
      if (((truth[entry] as number) & startBit) === 0) continue;
      const isStrict = strict[entry] === 1;
      // Own parts are never negative: a total that no longer meets the bound itself fails the leaf, own part unread.
      if (!meetsBound(total, bound[entry] as number, isStrict)) {
        emit(leaf[entry] as number);
        continue;
      }
      const level = (bound[entry] as number) + ownPart(partValue, slot[entry] as number, isTotal);
      // Falling: the leaf turns false once the others' part no longer meets the bound.
      if (!meetsBound(total, level, isStrict)) emit(leaf[entry] as number);
      else this.push(key, -level, isStrict ? 0 : 1, entry);
    }
    room.cursor[key] = i;
  }

  private fires(total: number, level: number, strict: boolean): boolean {
    // A leaf holds while total - own part meets its bound, i.e. total meets its level: rising leaves fire when it
    // starts to, falling ones when it stops.
    return meetsBound(total, level, strict) !== this.falling;
  }

  private levelOf(key: number, entry: number): number {
    return (this.order.bound[entry] as number) + this.ownPart(key, entry);
  }

  // The evaluating party's own part of the key: its quantity (total) or 1 if it has any pledge in it (count).
  private ownPart(key: number, entry: number): number {
    return ownPart(this.options.partValue, this.order.slot[entry] as number, this.options.keyType[key] === KEY_TOTAL);
  }

  // A binary min-heap of (priority, tiebreak) per key, stored in the key's range of the room's arrays.
  private push(key: number, priority: number, tiebreak: number, entry: number): void {
    const { room } = this;
    const base = this.order.keyStart[key] as number;
    let i = room.heapSize[key] as number;
    room.heapSize[key] = i + 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (!precedes(priority, tiebreak, room.priority[base + up] as number, room.tiebreak[base + up] as number)) break;
      this.move(base + up, base + i);
      i = up;
    }
    this.set(base + i, priority, tiebreak, entry);
  }

  private pop(key: number): void {
    const { room } = this;
    const base = this.order.keyStart[key] as number;
    const last = (room.heapSize[key] as number) - 1;
    room.heapSize[key] = last;
    if (last > 0) this.siftDown(key, room.priority[base + last] as number, room.tiebreak[base + last] as number, room.item[base + last] as number);
  }

  /** Put (priority, tiebreak, entry) at the top of key's heap and sift it down to its place. */
  private siftDown(key: number, priority: number, tiebreak: number, entry: number): void {
    const { room } = this;
    const base = this.order.keyStart[key] as number;
    const size = room.heapSize[key] as number;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      if (left >= size) break;
      const right = left + 1;
      let child = left;
      if (right < size && precedes(room.priority[base + right] as number, room.tiebreak[base + right] as number, room.priority[base + left] as number, room.tiebreak[base + left] as number)) {
        child = right;
      }
      if (!precedes(room.priority[base + child] as number, room.tiebreak[base + child] as number, priority, tiebreak)) break;
      this.move(base + child, base + i);
      i = child;
    }
    this.set(base + i, priority, tiebreak, entry);
  }

  private move(from: number, to: number): void {
    this.set(to, this.room.priority[from] as number, this.room.tiebreak[from] as number, this.room.item[from] as number);
  }

  private set(at: number, priority: number, tiebreak: number, entry: number): void {
    this.room.priority[at] = priority;
    this.room.tiebreak[at] = tiebreak;
    this.room.item[at] = entry;
  }
}

function precedes(priority: number, tiebreak: number, otherPriority: number, otherTiebreak: number): boolean {
  return priority < otherPriority || (priority === otherPriority && tiebreak < otherTiebreak);
}
