import { canonicalJson } from '../audit/canonical-json.js';

// The difference between two versions of a collection of records (by id), field by field: what was added,
// what was removed, and for each record in both which fields changed from what to what.

/** One field of a record that differs: its value before and after (null for an absent field). */
export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface RecordChange {
  id: string;
  fields: FieldChange[];
}

export interface CollectionDiff<R> {
  added: R[];
  changed: RecordChange[];
  removed: R[];
}

/** The fields of two versions of a record that differ (compared as canonical JSON), in field-name order. */
export function diffFields(before: object, after: object): FieldChange[] {
  const b = before as Record<string, unknown>;
  const a = after as Record<string, unknown>;
  const names = [...new Set([...Object.keys(b), ...Object.keys(a)])].sort();
  const changes: FieldChange[] = [];
  for (const field of names) {
    const old = b[field] ?? null;
    const now = a[field] ?? null;
    if (canonicalJson(old) !== canonicalJson(now)) changes.push({ field, before: old, after: now });
  }
  return changes;
}

/** Added, changed and removed records between two collections keyed by id; every list in id order. */
export function diffRecords<R extends { id: string }>(before: ReadonlyMap<string, R>, after: ReadonlyMap<string, R>): CollectionDiff<R> {
  const added: R[] = [];
  const changed: RecordChange[] = [];
  const removed: R[] = [];
  for (const id of [...after.keys()].sort()) {
    const now = after.get(id) as R;
    const old = before.get(id);
    if (old === undefined) added.push(now);
    else {
      const fields = diffFields(old, now);
      if (fields.length > 0) changed.push({ id, fields });
    }
  }
  for (const id of [...before.keys()].sort()) if (!after.has(id)) removed.push(before.get(id) as R);
  return { added, changed, removed };
}

/** Apply a collection diff to the older collection: gives the newer one (the inverse of diffRecords). */
export function applyRecordDiff<R extends { id: string }>(before: ReadonlyMap<string, R>, diff: CollectionDiff<R>): Map<string, R> {
  const result = new Map(before);
  for (const record of diff.removed) result.delete(record.id);
  for (const record of diff.added) result.set(record.id, record);
  for (const change of diff.changed) {
    const record: Record<string, unknown> = { ...(result.get(change.id) as R) };
    for (const field of change.fields) {
      if (field.after === null) delete record[field.field];
      else record[field.field] = field.after;
    }
    result.set(change.id, record as R);
  }
  return result;
}
