import { type Principal, scopeOf } from '../../core/access/principal.js';
import { canSeeRecord } from '../../core/access/visibility.js';
import type { IsoDate } from '../../core/types.js';
import type { EntityDefinition, StoredRecord } from '../../db/entities/entity-definition.js';
import type { Database } from '../../db/open-store.js';
import { listAllRecords } from '../../db/record.repository.js';
import { recordAsOf, replayAuditStates } from '../replay-audit-states.js';

// Time travel for the records outside the engine's dataset (contributions, meetings and their decisions and
// action items), by the rule reconstructDatasetAsOf applies to the dataset: a record's state at a date is its
// last audited version up to the end of that day (absent if deleted then); a record first recorded later
// counts with its first version, and its own date (a contribution's, a meeting's) decides whether it
// existed. A confidential record's past version is shown only to a caller who may see it as it was then AND
// as it is now (or was when deleted): making a record restricted also hides what it was before.

/** The records of one collection as known at the end of `asOf` (UTC), as the principal may see them. */
export async function reconstructRecordsAsOf<R extends StoredRecord>(db: Database, entity: EntityDefinition<R>, asOf: IsoDate, principal: Principal): Promise<R[]> {
  const states = await replayAuditStates(db, entity.name, asOf);
  const scope = scopeOf(principal);
  const visible = (record: unknown): boolean => !entity.confidential || canSeeRecord(scope, record);
  const records: R[] = [];
  for (const state of states.values()) {
    const record = recordAsOf(state);
    if (record === null || !visible(record) || !visible(state.last)) continue;
    const parsed = entity.schema.safeParse(record);
    if (parsed.success) records.push(parsed.data);
  }
  // Records that predate auditing (none in practice) keep their current state.
  for (const { record } of await listAllRecords(db, entity)) if (!states.has(record.id) && visible(record)) records.push(record);
  return records.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}
