import { beforeEach, describe, expect, it } from 'vitest';
import { makePledge } from '../../../test/support/model-builders.js';
import { describeEachStore, makeParty, resetStore } from '../../../test/support/stores.js';
import { AppError, InputError } from '../../contracts/input-error.js';
import { readAuditHead, readRecordHistory, readRecentAudit } from '../../db/audit.repository.js';
import { factEntity, partyEntity, pledgeEntity } from '../../db/entities/dataset-entities.js';
import { findRecord } from '../../db/record.repository.js';
import { RecordService } from '../records.service.js';
import { DatasetCache } from '../store-dataset.js';
import { verifyAudit } from './verify-audit.js';

// RecordService on both stores: every successful write is one transaction with exactly one audit entry
// (before/after with versions); a stale version is a conflict naming the current version; a write that would
// make the dataset inconsistent is an InputError naming the field, and nothing is written.

const alice = { name: 'alice' };

/** The error a refused write throws (fails the test when the write succeeds or throws something else). */
async function refusal(write: Promise<unknown>): Promise<AppError> {
  try {
    await write;
  } catch (error) {
    if (error instanceof AppError) return error;
    throw error;
  }
  throw new Error('expected the write to be refused');
}

describeEachStore('RecordService writes', (suite) => {
  let service: RecordService;
  const db = () => suite.store().db;
  const auditCount = async () => (await readAuditHead(db())).seq;

  beforeEach(async () => {
    await resetStore(suite.store());
    service = new RecordService(suite.store(), new DatasetCache());
    await service.create(alice, partyEntity, makeParty('FR'));
    await service.create(alice, factEntity, { id: 'ceasefire', value: 'unknown', sources: [] });
  });

  it('creates a party and a pledge at version 1, each with one audit entry', async () => {
    expect(await auditCount()).toBe(2);
    const pledge = makePledge('fr-1', { condition: 'ceasefire' });
    const created = await service.create(alice, pledgeEntity, pledge);
    expect(created).toMatchObject({ version: 1, record: pledge });
    expect(await auditCount()).toBe(3);
    const [entry] = await readRecentAudit(db(), 1);
    expect(entry).toMatchObject({ seq: 3, actor: 'alice', action: 'create', entity: 'pledges', entityId: 'fr-1', before: null });
    expect(entry?.after).toEqual({ ...pledge, version: 1 });
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: 3 });
  });

  it('replaces with the current version (one entry with before and after) and refuses a stale one with the current version', async () => {
    await service.create(alice, pledgeEntity, makePledge('fr-1'));
    const changed = makePledge('fr-1', { quantity: { min: 500, max: 800 }, condition: 'ceasefire' });
    expect(await service.replace({ name: 'bob' }, pledgeEntity, changed, 1)).toMatchObject({ version: 2, record: changed });
    const history = await readRecordHistory(db(), 'pledges', 'fr-1');
    expect(history.map((entry) => entry.action)).toEqual(['create', 'update']);
    expect(history[1]).toMatchObject({ actor: 'bob', before: { ...makePledge('fr-1'), version: 1 }, after: { ...changed, version: 2 } });

    const before = await auditCount();
    const error = await refusal(service.replace(alice, pledgeEntity, makePledge('fr-1', { status: 'delivered' }), 1));
    expect(error.code).toBe('conflict');
    expect(error.details).toEqual({ currentVersion: 2 });
    expect(error.message).toContain('version 2');
    expect(await auditCount()).toBe(before);
    expect((await findRecord(db(), pledgeEntity, 'fr-1'))?.record).toEqual(changed);
  });

  it('refuses to create an existing id (conflict) and to replace or remove a missing one (not_found)', async () => {
    const before = await auditCount();
    expect((await refusal(service.create(alice, partyEntity, makeParty('FR', { kind: 'institution' })))).code).toBe('conflict');
    expect((await refusal(service.replace(alice, partyEntity, makeParty('GB'), 1))).code).toBe('not_found');
    expect((await refusal(service.remove(alice, partyEntity, 'GB', 1))).code).toBe('not_found');
    expect(await auditCount()).toBe(before);
  });

  it.each([
    ['an unknown fact', 'ceasefire and us_backstp', 'condition.unknown_fact'],
    ['a syntax error', 'ceasefire and (', 'condition.syntax'],
    ['a negated activation', 'not active(FR)', 'condition.non_monotone'],
  ])('refuses a pledge whose condition has %s: InputError at `condition`, nothing written', async (_what, condition, code) => {
    const before = await auditCount();
    const error = await refusal(service.create(alice, pledgeEntity, makePledge('bad-1', { condition })));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe(code);
    expect(error.problems.map((problem) => problem.path)).toEqual(['condition']);
    expect(await findRecord(db(), pledgeEntity, 'bad-1')).toBeUndefined();
    expect(await auditCount()).toBe(before);
  });

  it('refuses a pledge of an unknown party: InputError at `party` with a suggestion, nothing written', async () => {
    const before = await auditCount();
    const error = await refusal(service.create(alice, pledgeEntity, makePledge('bad-2', { party: 'FX' })));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('dataset.unknown_reference');
    expect(error.problems).toEqual([expect.objectContaining({ path: 'party', message: expect.stringContaining("unknown party 'FX'") })]);
    expect(await findRecord(db(), pledgeEntity, 'bad-2')).toBeUndefined();
    expect(await auditCount()).toBe(before);
  });

  it('refuses a replace that would break the condition, keeping the stored version', async () => {
    await service.create(alice, pledgeEntity, makePledge('fr-1'));
    const before = await auditCount();
    const error = await refusal(service.replace(alice, pledgeEntity, makePledge('fr-1', { condition: 'unknown_fact_here' }), 1));
    expect(error.problems.map((problem) => problem.path)).toEqual(['condition']);
    expect(await findRecord(db(), pledgeEntity, 'fr-1')).toMatchObject({ version: 1, record: { condition: 'true' } });
    expect(await auditCount()).toBe(before);
  });

  it('refuses to delete a party a pledge still uses, naming the pledge; deletes once the pledge is gone', async () => {
    await service.create(alice, pledgeEntity, makePledge('fr-1'));
    const before = await auditCount();
    const error = await refusal(service.remove(alice, partyEntity, 'FR', 1));
    expect(error).toBeInstanceOf(InputError);
    expect(error.code).toBe('dataset.unknown_reference');
    expect(error.problems.map((problem) => problem.path)).toEqual(['pledges/fr-1.party']);
    expect(await findRecord(db(), partyEntity, 'FR')).toBeDefined();
    expect(await auditCount()).toBe(before);

    const removed = await service.remove(alice, pledgeEntity, 'fr-1', 1);
    expect(removed.record.id).toBe('fr-1');
    await service.remove(alice, partyEntity, 'FR', 1);
    expect(await findRecord(db(), partyEntity, 'FR')).toBeUndefined();
    const [partyDeleted, pledgeDeleted] = await readRecentAudit(db(), 2);
    expect(partyDeleted).toMatchObject({ action: 'delete', entity: 'parties', entityId: 'FR', before: { ...makeParty('FR'), version: 1 }, after: null });
    expect(pledgeDeleted).toMatchObject({ action: 'delete', entity: 'pledges', entityId: 'fr-1', after: null });
    expect(await auditCount()).toBe(before + 2);
  });

  describe('a mixed sequence of writes', () => {
    it('appends exactly one entry per successful write, none per refused one, and the chain verifies', async () => {
      let expected = await auditCount();
      const attempt = async (write: () => Promise<unknown>, succeeds: boolean) => {
        const outcome = await write().then(
          () => true,
          (error: unknown) => {
            if (!(error instanceof AppError)) throw error;
            return false;
          },
        );
        expect(outcome).toBe(succeeds);
        if (outcome) expected++;
        expect(await auditCount()).toBe(expected);
      };
      await attempt(() => service.create(alice, partyEntity, makeParty('GB')), true);
      await attempt(() => service.create(alice, pledgeEntity, makePledge('gb-1', { party: 'GB', condition: 'active(FR)' })), true);
      await attempt(() => service.create(alice, pledgeEntity, makePledge('gb-2', { party: 'GB', supersedes: 'gb-9' })), false);
      await attempt(() => service.replace(alice, partyEntity, makeParty('GB', { groups: ['NATO'] }), 1), true);
      await attempt(() => service.replace(alice, partyEntity, makeParty('GB', { groups: ['G7'] }), 1), false);
      await attempt(() => service.remove(alice, partyEntity, 'GB', 2), false);
      await attempt(() => service.remove(alice, pledgeEntity, 'gb-1', 1), true);
      await attempt(() => service.remove(alice, partyEntity, 'GB', 2), true);
      expect(await verifyAudit(db())).toEqual({ ok: true, entries: expected, head: (await readAuditHead(db())).hash });
    });
  });
});
