import { beforeEach, expect, it } from 'vitest';
import { makePledge } from '../../../test/support/model-builders.js';
import { describeEachStore, makeParty, resetStore } from '../../../test/support/stores.js';
import { AppError } from '../../contracts/input-error.js';
import { readAuditHead, readRecordHistory } from '../../db/audit.repository.js';
import { partyEntity, pledgeEntity } from '../../db/entities/dataset-entities.js';
import { findRecord } from '../../db/record.repository.js';
import { RecordService } from '../records.service.js';
import { DatasetCache } from '../store-dataset.js';
import { verifyAudit } from './verify-audit.js';

// Concurrent edits (DESIGN.md §7, §10): of one record, exactly one wins and the others get a conflict (409);
// of different records, all succeed and the audit chain stays contiguous and verifies. On PostgreSQL the
// transactions really overlap (a pool of 10 connections); PGlite serialises them but must behave the same.

const PARALLEL = 10;

type Outcome = { ok: true; version: number; index: number } | { ok: false; code: string; currentVersion: unknown };

async function settle(writes: Promise<{ version: number }>[]): Promise<Outcome[]> {
  return Promise.all(
    writes.map((write, index) =>
      write.then(
        (written): Outcome => ({ ok: true, version: written.version, index }),
        (error: unknown): Outcome => {
          if (!(error instanceof AppError)) throw error;
          return { ok: false, code: error.code, currentVersion: error.details.currentVersion };
        },
      ),
    ),
  );
}

describeEachStore('concurrent writes', (suite) => {
  let service: RecordService;
  const db = () => suite.store().db;

  beforeEach(async () => {
    await resetStore(suite.store());
    service = new RecordService(suite.store(), new DatasetCache());
    await service.create({ name: 'setup' }, partyEntity, makeParty('FR'));
    await service.create({ name: 'setup' }, pledgeEntity, makePledge('fr-1'));
  });

  it(`${PARALLEL} parallel replaces of one record at the same version: exactly one wins, the others conflict`, async () => {
    for (let round = 1; round <= 3; round++) {
      const writes = Array.from({ length: PARALLEL }, (_, i) =>
        service.replace({ name: `editor-${i}` }, pledgeEntity, makePledge('fr-1', { quantity: { min: i, max: 100 + i } }), round),
      );
      const outcomes = await settle(writes);
      const winners = outcomes.filter((outcome) => outcome.ok);
      expect(winners).toHaveLength(1);
      expect(outcomes.filter((outcome) => !outcome.ok)).toEqual(
        Array.from({ length: PARALLEL - 1 }, () => ({ ok: false, code: 'conflict', currentVersion: round + 1 })),
      );
      const winner = winners[0] as Outcome & { ok: true };
      expect(winner.version).toBe(round + 1);
      const stored = await findRecord(db(), pledgeEntity, 'fr-1');
      expect(stored).toMatchObject({ version: round + 1, record: { quantity: { min: winner.index, max: 100 + winner.index } } });
      const history = await readRecordHistory(db(), 'pledges', 'fr-1');
      expect(history).toHaveLength(round + 1);
      expect(history.at(-1)?.actor).toBe(`editor-${winner.index}`);
    }
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: 2 + 3 });
  });

  it(`${PARALLEL} parallel creates of one id: exactly one wins, the others conflict`, async () => {
    const outcomes = await settle(Array.from({ length: PARALLEL }, (_, i) => service.create({ name: `editor-${i}` }, partyEntity, makeParty('GB'))));
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    expect(outcomes.filter((outcome) => !outcome.ok).map((outcome) => !outcome.ok && outcome.code)).toEqual(Array(PARALLEL - 1).fill('conflict'));
    expect(await readRecordHistory(db(), 'parties', 'GB')).toHaveLength(1);
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: 3 });
  });

  it('parallel writes to different records all succeed; the audit chain is contiguous and verifies', async () => {
    const creates = Array.from({ length: 20 }, (_, i) => service.create({ name: 'importer' }, partyEntity, makeParty(`P${i}`)));
    const edits = [
      service.replace({ name: 'a' }, pledgeEntity, makePledge('fr-1', { status: 'approved' }), 1),
      service.replace({ name: 'b' }, partyEntity, makeParty('FR', { groups: ['EU'] }), 1),
    ];
    const outcomes = await settle([...creates, ...edits]);
    expect(outcomes.every((outcome) => outcome.ok)).toBe(true);
    const head = await readAuditHead(db());
    expect(head.seq).toBe(2 + 22);
    expect(await verifyAudit(db())).toEqual({ ok: true, entries: 24, head: head.hash });
    // Pledges of the new parties, written in parallel, each checked against the data as committed before it.
    const pledges = Array.from({ length: 20 }, (_, i) => service.create({ name: 'importer' }, pledgeEntity, makePledge(`p-${i}`, { party: `P${i}` })));
    expect((await settle(pledges)).every((outcome) => outcome.ok)).toBe(true);
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: 44 });
  });

  // Two app servers (two pools, two dataset caches) against one PostgreSQL database (DESIGN.md §8); PGlite
  // is one process's store by design, so the case exists only there.
  if (suite.kind === 'postgres') it('two app servers racing on one record: exactly one wins, and both see the same chain', async () => {
    const other = await suite.connectAgain();
    const first = new RecordService(suite.store(), new DatasetCache());
    const second = new RecordService(other, new DatasetCache());
    const writes = Array.from({ length: PARALLEL }, (_, i) =>
      (i % 2 === 0 ? first : second).replace({ name: `server-${i % 2}` }, pledgeEntity, makePledge('fr-1', { note: `edit ${i}` }), 1),
    );
    const outcomes = await settle(writes);
    expect(outcomes.filter((outcome) => outcome.ok)).toHaveLength(1);
    // The second server's cache must not hide the first server's write when it checks a new pledge.
    await second.create({ name: 'server-1' }, pledgeEntity, makePledge('fr-2', { supersedes: 'fr-1' }));
    await first.create({ name: 'server-0' }, partyEntity, makeParty('GB'));
    await second.create({ name: 'server-1' }, pledgeEntity, makePledge('gb-1', { party: 'GB' }));
    expect(await verifyAudit(other.db)).toMatchObject({ ok: true, entries: 6 });
  });
});
