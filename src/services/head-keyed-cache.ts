// Results that depend only on the store's state, keyed by the audit head (every write moves it, on every
// app server sharing the database) plus the question asked. Small and bounded: oldest entries go first.

export class HeadKeyedCache<V> {
  private readonly entries = new Map<string, V>();

  constructor(private readonly capacity = 128) {}

  /** The cached value for this head and question, computing it on a miss. */
  async get(head: string, question: string, compute: () => Promise<V>): Promise<V> {
    const key = `${head}\n${question}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) return hit;
    const value = await compute();
    if (this.entries.size >= this.capacity) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    this.entries.set(key, value);
    return value;
  }
}
