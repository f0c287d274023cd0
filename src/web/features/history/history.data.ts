// A record's history from the audit log: who did what when, and which fields changed.

import type { HistoryEntry } from '../../../contracts/records.schema.js';

export interface HistoryRow {
  seq: number;
  at: string;
  actor: string;
  action: string;
  changed: string[];
}

const BOOKKEEPING = new Set(['version', 'createdAt', 'updatedAt']);

/** Newest first, with the top-level fields an update or delete changed (a creation lists none). */
export function buildHistory(entries: readonly HistoryEntry[]): HistoryRow[] {
  return [...entries]
    .sort((a, b) => b.seq - a.seq)
    .map((entry) => ({ seq: entry.seq, at: entry.at, actor: entry.actor, action: entry.action, changed: entry.before === null || entry.before === undefined ? [] : changedFields(entry.before, entry.after) }));
}

/** Top-level fields whose values differ (compared as JSON). */
export function changedFields(before: unknown, after: unknown): string[] {
  const asRecord = (value: unknown): Record<string, unknown> => (value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {});
  const a = asRecord(before);
  const b = asRecord(after);
  return [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((key) => !BOOKKEEPING.has(key) && JSON.stringify(a[key]) !== JSON.stringify(b[key]))
    .sort();
}
