import { asc, eq } from 'drizzle-orm';
import type { IsoDate } from '../core/types.js';
import type { Database } from '../db/open-store.js';
import { auditLog } from '../db/schema/index.js';

// Time travel reads the audit log: a record's state at a date is its last audited version up to the end of that
// day (absent if deleted then). Records entered later about earlier events (the demo data, imports of past
// pledges) count with their first recorded version, and their own dates then decide whether they existed.

/** One audited record replayed up to a date: its state then, its first version and its last state. */
export interface AuditedState {
  /** Whether any of its audit entries is dated up to the cutoff. */
  known: boolean;
  /** Its state at the cutoff (null if deleted by then). */
  value: unknown;
  /** Its first recorded version. */
  first: unknown;
  /** Its state now, or what the delete removed if it was deleted. */
  last: unknown;
}

/** Replay a collection's audit entries to the end of `asOf` (UTC), per record id. */
export async function replayAuditStates(db: Database, entityName: string, asOf: IsoDate): Promise<Map<string, AuditedState>> {
  const cutoff = new Date(`${asOf}T23:59:59.999Z`);
  const history = await db
    .select({ entityId: auditLog.entityId, at: auditLog.at, before: auditLog.before, after: auditLog.after })
    .from(auditLog)
    .where(eq(auditLog.entity, entityName))
    .orderBy(asc(auditLog.seq));
  const states = new Map<string, AuditedState>();
  for (const entry of history) {
    const state = states.get(entry.entityId) ?? { known: false, value: null, first: entry.after, last: null };
    if (entry.at <= cutoff) {
      state.known = true;
      state.value = entry.after;
    }
    // A delete's `after` is null: the record's last state is what it deleted.
    state.last = entry.after ?? entry.before;
    states.set(entry.entityId, state);
  }
  return states;
}

/** The record as it stood at the cutoff (its first version if recorded later), without its version; null if absent. */
export function recordAsOf(state: AuditedState): Record<string, unknown> | null {
  const snapshot = state.known ? state.value : state.first;
  if (typeof snapshot !== 'object' || snapshot === null) return null;
  const { version: _version, ...record } = snapshot as Record<string, unknown>;
  return record;
}
