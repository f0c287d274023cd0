import { firstSubMillisecondEntry, readAuditBatch, readAuditHead } from '../../db/audit.repository.js';
import type { Database } from '../../db/open-store.js';
import { GENESIS_HASH, hashAuditEntry } from './hash-audit-entry.js';

// Walks the chain in order and names the first entry that does not fit: a gap (deleted entry), a wrong
// previous hash (inserted or reordered), a wrong hash (edited), or a head that does not match the last entry
// (entries removed from the end).

export type AuditVerification =
  | { ok: true; entries: number; head: string }
  | { ok: false; entries: number; firstBad: number; reason: string };

const BATCH = 5_000;

/** Verify the whole audit chain; `onProgress` gets the number of entries checked so far. */
export async function verifyAudit(db: Database, onProgress?: (checked: number) => void): Promise<AuditVerification> {
  let expectedSeq = 1;
  let prevHash = GENESIS_HASH;
  let checked = 0;
  const retimed = await firstSubMillisecondEntry(db);
  for (;;) {
    const batch = await readAuditBatch(db, expectedSeq - 1, BATCH);
    for (const row of batch) {
      if (row.seq !== expectedSeq) {
        return { ok: false, entries: checked, firstBad: expectedSeq, reason: `entry ${expectedSeq} is missing (next is ${row.seq})` };
      }
      if (row.prevHash !== prevHash) {
        return { ok: false, entries: checked, firstBad: row.seq, reason: `entry ${row.seq} does not follow entry ${row.seq - 1} (previous hash differs)` };
      }
      if (row.seq === retimed || hashAuditEntry(prevHash, row) !== row.hash) {
        return { ok: false, entries: checked, firstBad: row.seq, reason: `entry ${row.seq} was altered (its hash does not match its content)` };
      }
      prevHash = row.hash;
      expectedSeq++;
      checked++;
    }
    onProgress?.(checked);
    if (batch.length < BATCH) break;
  }
  const head = await readAuditHead(db);
  if (head.seq !== checked || head.hash !== prevHash) {
    const firstBad = Math.min(head.seq, checked) + 1;
    return { ok: false, entries: checked, firstBad, reason: `the chain ends at entry ${checked} but the head says ${head.seq}: entries were removed or added at the end` };
  }
  return { ok: true, entries: checked, head: prevHash };
}
