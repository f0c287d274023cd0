// A growing list of integers in a typed array. Kept with a network between scenarios, it stops growing after the
// first, so a scenario's working lists (the assurance gap, the failing leaves) allocate nothing.

export class IntList {
  private data: Int32Array;
  /** Number of values in the list; set it lower to drop values from the end. */
  length = 0;

  constructor(capacity = 1024) {
    this.data = new Int32Array(Math.max(1, capacity));
  }

  push(value: number): void {
    if (this.length === this.data.length) {
      const bigger = new Int32Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = value;
  }

  /** The values, as a view that is valid until the list next changes. */
  view(): Int32Array {
    return this.data.subarray(0, this.length);
  }
}
