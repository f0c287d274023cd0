// Shares loaded data between screens (parties, requirements…) until something is written or the user changes.

const entries = new Map<string, Promise<unknown>>();

/** The cached promise for `key`, loading it on first use; a failed load is forgotten so it can be retried. */
export function cached<T>(key: string, load: () => Promise<T>): Promise<T> {
  const existing = entries.get(key);
  if (existing) return existing as Promise<T>;
  const promise = load();
  entries.set(key, promise);
  promise.catch(() => entries.delete(key));
  return promise;
}

/** Forget everything (after a write, a sign-in or a sign-out). */
export function clearCache(): void {
  entries.clear();
}
