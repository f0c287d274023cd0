// Results that depend only on the store's state, keyed by the audit head (every write moves it, on every app
// server sharing the database) plus the question asked. Bounded by bytes (each value's size is estimated when it
// is stored; least recently used entries go first), and entries of older heads are dropped as soon as a newer head
// is seen: reads always ask about the newest head, so nothing would ever hit them again.

/** What a cache holds now (GET /health lists every cache's). */
export interface CacheStats {
  name: string;
  entries: number;
  bytes: number;
  /** The bound; null for a cache of one entry (the newest head's dataset). */
  maxBytes: number | null;
}

export class HeadKeyedCache<V> {
  private readonly entries = new Map<string, { value: V; bytes: number; seq: number }>();
  private bytes = 0;
  private newestSeq = -Infinity;

  constructor(
    readonly name: string,
    private readonly maxBytes: number,
    private readonly sizeOf: (value: V) => number,
  ) {}

  /** The cached value for this head (`seq:hash`) and question, computing it on a miss. */
  async get(head: string, question: string, compute: () => Promise<V>): Promise<V> {
    const key = `${head}\n${question}`;
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      // Most recently used last.
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value;
    }
    const value = await compute();
    const seq = Number.parseInt(head, 10);
    if (Number.isFinite(seq) && seq > this.newestSeq) this.dropOlderThan(seq);
    // An answer about a head older than one already seen is not kept: nobody will ask about it again.
    if (Number.isFinite(seq) && seq < this.newestSeq) return value;
    const bytes = Math.max(1, this.sizeOf(value));
    if (bytes > this.maxBytes) return value;
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous.bytes);
    this.entries.set(key, { value, bytes, seq: Number.isFinite(seq) ? seq : this.newestSeq });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry.bytes);
    }
    return value;
  }

  /** Entries, their estimated bytes and the bound. */
  stats(): CacheStats {
    return { name: this.name, entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes };
  }

  private dropOlderThan(seq: number): void {
    this.newestSeq = seq;
    for (const [key, entry] of this.entries) if (entry.seq < seq) this.remove(key, entry.bytes);
  }

  private remove(key: string, bytes: number): void {
    this.entries.delete(key);
    this.bytes -= bytes;
  }
}

/** About how many bytes a value takes as JSON (UTF-16 in memory is about twice that; objects more). */
export function estimateJsonBytes(value: unknown): number {
  return 2 * JSON.stringify(value).length;
}
