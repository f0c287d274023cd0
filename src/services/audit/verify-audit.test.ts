import { type SQL, sql } from 'drizzle-orm';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { describeEachStore, makeParty, resetStore } from '../../../test/support/stores.js';
import { readAuditBatch, readAuditHead } from '../../db/audit.repository.js';
import { partyEntity } from '../../db/entities/dataset-entities.js';
import { RecordService } from '../records.service.js';
import { DatasetCache } from '../store-dataset.js';
import { GENESIS_HASH, hashAuditEntry } from './hash-audit-entry.js';
import { type AuditVerification, verifyAudit } from './verify-audit.js';

// Tampering with the audit log directly in SQL (DESIGN.md §10): every edit, deletion, insertion and reordering
// is detected, naming the first entry that does not fit. What a hash chain cannot see — the whole tail
// rewritten with recomputed hashes and the head moved along — is out of its reach by construction.

const N = 30;

describeEachStore('verifyAudit', (suite) => {
  const db = () => suite.store().db;
  const tamper = (statement: SQL) => db().execute(statement);
  const verdict = (): Promise<AuditVerification> => verifyAudit(db());
  const expectBroken = async (firstBad: number, reason: RegExp) => {
    const result = await verdict();
    expect(result).toMatchObject({ ok: false, firstBad });
    expect(result.ok ? '' : result.reason).toMatch(reason);
  };

  beforeAll(async () => {
    await resetStore(suite.store());
    // N writes: N/2 parties created, then each changed once. Kept outside `public` (which resetStore empties)
    // and restored before each test: every test tampers with its own copy of the same chain.
    const service = new RecordService(suite.store(), new DatasetCache());
    const writer = { name: 'clerk' };
    for (let i = 0; i < N / 2; i++) await service.create(writer, partyEntity, makeParty(`P${String(i).padStart(2, '0')}`));
    for (let i = 0; i < N / 2; i++) await service.replace(writer, partyEntity, makeParty(`P${String(i).padStart(2, '0')}`, { groups: ['NATO'] }), 1);
    await tamper(sql`CREATE SCHEMA pristine`);
    await tamper(sql`CREATE TABLE pristine.audit_log AS SELECT * FROM audit_log`);
    await tamper(sql`CREATE TABLE pristine.audit_head AS SELECT * FROM audit_head`);
  });

  beforeEach(async () => {
    await tamper(sql`TRUNCATE audit_log`);
    await tamper(sql`INSERT INTO audit_log SELECT * FROM pristine.audit_log`);
    await tamper(sql`UPDATE audit_head SET seq = p.seq, hash = p.hash FROM pristine.audit_head AS p WHERE audit_head.id = p.id`);
  });

  describe('an untampered chain', () => {
    it('verifies with the number of entries and the head hash, reporting progress', async () => {
      const progress: number[] = [];
      const result = await verifyAudit(db(), (checked) => progress.push(checked));
      expect(result).toEqual({ ok: true, entries: N, head: (await readAuditHead(db())).hash });
      expect(progress.at(-1)).toBe(N);
    });

    it('verifies an empty store at the genesis hash', async () => {
      await resetStore(suite.store());
      expect(await verdict()).toEqual({ ok: true, entries: 0, head: GENESIS_HASH });
    });
  });

  describe('edited entries', () => {
    it.each([
      ['after (jsonb)', sql`UPDATE audit_log SET after = jsonb_set(after, '{groups}', '["NATO","G7"]') WHERE seq = 17`],
      ['before (jsonb)', sql`UPDATE audit_log SET before = jsonb_set(before, '{version}', '7') WHERE seq = 17`],
      ['after set to null', sql`UPDATE audit_log SET after = NULL WHERE seq = 17`],
      ['actor', sql`UPDATE audit_log SET actor = 'mallory' WHERE seq = 17`],
      ['action', sql`UPDATE audit_log SET action = 'delete' WHERE seq = 17`],
      ['entity_id', sql`UPDATE audit_log SET entity_id = 'P99' WHERE seq = 17`],
      ['at (one millisecond)', sql`UPDATE audit_log SET at = at + interval '1 millisecond' WHERE seq = 17`],
      ['hash', sql`UPDATE audit_log SET hash = repeat('f', 64) WHERE seq = 17`],
      ['at (one microsecond)', sql`UPDATE audit_log SET at = at + interval '1 microsecond' WHERE seq = 17`],
    ])('detects an edit of %s, naming that entry', async (_what, statement) => {
      await tamper(statement);
      await expectBroken(17, /entry 17/);
    });

    it('detects an edited first and last entry', async () => {
      await tamper(sql`UPDATE audit_log SET actor = 'mallory' WHERE seq IN (1, ${N})`);
      await expectBroken(1, /entry 1 was altered/);
      await tamper(sql`UPDATE audit_log SET actor = 'clerk' WHERE seq = 1`);
      await expectBroken(N, new RegExp(`entry ${N} was altered`));
    });

    it('detects an edit whose hash was recomputed at the next entry, which no longer follows it', async () => {
      const [row] = await readAuditBatch(db(), 16, 1);
      if (!row) throw new Error('entry 17 missing');
      const forged = { ...row, after: { ...(row.after as object), groups: ['G7'] } };
      const hash = hashAuditEntry(row.prevHash, forged);
      await tamper(sql`UPDATE audit_log SET after = ${JSON.stringify(forged.after)}::jsonb, hash = ${hash} WHERE seq = 17`);
      await expectBroken(18, /entry 18 does not follow entry 17/);
    });
  });

  describe('deleted entries', () => {
    it.each([1, 12, N - 1])('detects the deletion of entry %i, naming it', async (seq) => {
      await tamper(sql`DELETE FROM audit_log WHERE seq = ${seq}`);
      await expectBroken(seq, new RegExp(`entry ${seq} is missing`));
    });

    it('detects a deleted range at its first entry', async () => {
      await tamper(sql`DELETE FROM audit_log WHERE seq BETWEEN 10 AND 14`);
      await expectBroken(10, /entry 10 is missing \(next is 15\)/);
    });

    it('detects the last entry deleted (the head still names it)', async () => {
      await tamper(sql`DELETE FROM audit_log WHERE seq = ${N}`);
      await expectBroken(N, /the head says 30/);
    });

    it('detects the last three entries deleted, naming the first of them', async () => {
      await tamper(sql`DELETE FROM audit_log WHERE seq > ${N - 3}`);
      await expectBroken(N - 2, /ends at entry 27/);
    });

    it('detects every entry deleted', async () => {
      await tamper(sql`DELETE FROM audit_log`);
      await expectBroken(1, /ends at entry 0/);
    });
  });

  describe('inserted entries', () => {
    const forge = async (seq: number, prevHash: string, hash?: string) => {
      const content = { seq, at: new Date(), actor: 'mallory', action: 'create', entity: 'parties', entityId: 'XX', before: null, after: { id: 'XX' } };
      const value = hash ?? hashAuditEntry(prevHash, content);
      await tamper(sql`INSERT INTO audit_log (seq, at, actor, action, entity, entity_id, before, after, prev_hash, hash)
        VALUES (${seq}, ${content.at.toISOString()}, 'mallory', 'create', 'parties', 'XX', NULL, '{"id":"XX"}', ${prevHash}, ${value})`);
    };

    it('detects a well-chained entry appended after the head', async () => {
      await forge(N + 1, (await readAuditHead(db())).hash);
      await expectBroken(N + 1, /head says 30/);
    });

    it('detects an appended entry with a made-up hash even when the head is moved to it', async () => {
      await forge(N + 1, (await readAuditHead(db())).hash, 'a'.repeat(64));
      await tamper(sql`UPDATE audit_head SET seq = ${N + 1}, hash = ${'a'.repeat(64)} WHERE id = 1`);
      await expectBroken(N + 1, /entry 31 was altered/);
    });

    it('detects an entry inserted in the middle (later ones renumbered to make room) at the entry after it', async () => {
      // Two steps: renumbering in place would collide with the primary key.
      await tamper(sql`UPDATE audit_log SET seq = -(seq + 1) WHERE seq >= 12`);
      await tamper(sql`UPDATE audit_log SET seq = -seq WHERE seq < 0`);
      const [previous] = await readAuditBatch(db(), 10, 1);
      await forge(12, previous?.hash ?? '');
      await tamper(sql`UPDATE audit_head SET seq = ${N + 1} WHERE id = 1`);
      await expectBroken(13, /entry 13 does not follow entry 12/);
    });

    it('detects an entry inserted into a gap left by a deletion', async () => {
      await tamper(sql`DELETE FROM audit_log WHERE seq = 12`);
      const [previous] = await readAuditBatch(db(), 10, 1);
      await forge(12, previous?.hash ?? '');
      await expectBroken(13, /entry 13 does not follow entry 12/);
    });
  });

  describe('reordered entries', () => {
    const swap = (a: number, b: number) =>
      tamper(sql`UPDATE audit_log AS x SET at = y.at, actor = y.actor, action = y.action, entity = y.entity, entity_id = y.entity_id,
        before = y.before, after = y.after, prev_hash = y.prev_hash, hash = y.hash
        FROM audit_log AS y WHERE (x.seq = ${a} AND y.seq = ${b}) OR (x.seq = ${b} AND y.seq = ${a})`);

    it.each([
      [5, 9],
      [20, 21],
      [1, N],
    ])('detects entries %i and %i swapped, at the first of them', async (a, b) => {
      await swap(a, b);
      await expectBroken(a, new RegExp(`entry ${a} does not follow`));
    });

    it('detects swapped sequence numbers (the same rows, renumbered)', async () => {
      await tamper(sql`UPDATE audit_log SET seq = CASE seq WHEN 8 THEN -1 WHEN 15 THEN 8 ELSE seq END WHERE seq IN (8, 15)`);
      await tamper(sql`UPDATE audit_log SET seq = 15 WHERE seq = -1`);
      await expectBroken(8, /entry 8 does not follow/);
    });
  });

  it('detects a head moved to another hash', async () => {
    await tamper(sql`UPDATE audit_head SET hash = ${GENESIS_HASH} WHERE id = 1`);
    const result = await verdict();
    expect(result).toMatchObject({ ok: false, entries: N });
    expect(result.ok ? '' : result.reason).toMatch(/head/);
  });
});
