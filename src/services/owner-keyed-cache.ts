import type { CacheStats } from './head-keyed-cache.js';

// Values derived from an object another cache holds (a prepared dataset, a scenario's result), keyed by that
// object and a question, bounded by bytes (least recently used first out). An entry goes as soon as its object is
// gone (a newer audit head replaced the dataset): entries hold their owner only weakly. Values without an owner
// (the latest of something, kept to make the next one from) stay until the bound pushes them out.

export class OwnerKeyedCache {
  private readonly entries = new Map<string, { value: unknown; bytes: number; owner: WeakRef<object> | undefined }>();
  private readonly tokens = new WeakMap<object, number>();
  private nextToken = 0;
  private bytes = 0;

  constructor(
    readonly name: string,
    private readonly maxBytes: number,
  ) {}

  /** The value for `owner` (or none) and `question`, computed on a miss and kept when it fits. */
  get<V>(owner: object | undefined, question: string, compute: () => V, sizeOf: (value: V) => number): V {
    const key = this.keyOf(owner, question);
    const hit = this.entries.get(key);
    if (hit !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, hit);
      return hit.value as V;
    }
    const value = compute();
    this.set(key, owner, value, sizeOf(value));
    return value;
  }

  /** The value kept for `question` without an owner, if any. */
  peek<V>(question: string): V | undefined {
    return this.entries.get(this.keyOf(undefined, question))?.value as V | undefined;
  }

  /** Keep `value` for `question` without an owner (replacing what was there). */
  put<V>(question: string, value: V, bytes: number): void {
    this.set(this.keyOf(undefined, question), undefined, value, bytes);
  }

  /** Entries, their estimated bytes and the bound (GET /health). */
  stats(): CacheStats {
    this.sweep();
    return { name: this.name, entries: this.entries.size, bytes: this.bytes, maxBytes: this.maxBytes };
  }

  /** A number naming `owner` in keys (the same for the same object). */
  tokenOf(owner: object): number {
    let token = this.tokens.get(owner);
    if (token === undefined) this.tokens.set(owner, (token = this.nextToken++));
    return token;
  }

  private keyOf(owner: object | undefined, question: string): string {
    return owner === undefined ? `-\n${question}` : `${this.tokenOf(owner)}\n${question}`;
  }

  private set(key: string, owner: object | undefined, value: unknown, size: number): void {
    this.sweep();
    const previous = this.entries.get(key);
    if (previous) this.remove(key, previous.bytes);
    const bytes = Math.max(1, size);
    if (bytes > this.maxBytes) return;
    this.entries.set(key, { value, bytes, owner: owner === undefined ? undefined : new WeakRef(owner) });
    this.bytes += bytes;
    for (const [oldest, entry] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.remove(oldest, entry.bytes);
    }
  }

  // Entries whose owner was collected can never be asked for again.
  private sweep(): void {
    for (const [key, entry] of this.entries) if (entry.owner !== undefined && entry.owner.deref() === undefined) this.remove(key, entry.bytes);
  }

  private remove(key: string, bytes: number): void {
    this.entries.delete(key);
    this.bytes -= bytes;
  }
}
