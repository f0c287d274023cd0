import { beforeEach, expect, it } from 'vitest';
import { describeEachStore, resetStore } from '../../../test/support/stores.js';
import { readAuditBatch, readAuditHead } from '../../db/audit.repository.js';
import type { Database } from '../../db/open-store.js';
import { type AuditEvent, appendAudit } from './append-audit.js';
import { GENESIS_HASH, hashAuditEntry } from './hash-audit-entry.js';
import { verifyAudit } from './verify-audit.js';
import { inTransaction } from '../../db/in-transaction.js';

// Appending to the chain, and canonical JSON for hashing (DESIGN.md §7, §10): jsonb reorders keys and
// renders numbers its own way, so the chain hashes canonical JSON of the values, and verification reads them
// back from jsonb: whatever order the keys came in, the chain verifies.

const AT = new Date('2026-03-04T05:06:07.891Z');

const event = (after: unknown, before: unknown = null): AuditEvent => ({ actor: 'clerk', action: 'update', entity: 'parties', entityId: 'FR', before, after });

async function append(db: Database, events: AuditEvent[]): Promise<void> {
  for (const [i, item] of events.entries()) {
    await inTransaction(db, async (tx) => {
      await appendAudit(tx, item, new Date(AT.getTime() + i));
    });
  }
}

describeEachStore('appendAudit', (suite) => {
  const db = () => suite.store().db;

  beforeEach(async () => {
    await resetStore(suite.store());
  });

  it('chains entries from the genesis hash, moving the head with each', async () => {
    await append(db(), [event({ id: 'FR', version: 1 }), event({ id: 'FR', version: 2 }, { id: 'FR', version: 1 })]);
    const [first, second] = await readAuditBatch(db(), 0, 10);
    expect(first).toMatchObject({ seq: 1, prevHash: GENESIS_HASH, at: AT, actor: 'clerk', before: null, after: { id: 'FR', version: 1 } });
    expect(second).toMatchObject({ seq: 2, prevHash: first?.hash, before: { id: 'FR', version: 1 } });
    expect(await readAuditHead(db())).toMatchObject({ seq: 2, hash: second?.hash });
    expect(await verifyAudit(db())).toEqual({ ok: true, entries: 2, head: second?.hash });
  });

  it('verifies records whose keys came in a different order than jsonb keeps them', async () => {
    const forward = { zebra: 1, b: 2, aa: { z: [{ y: 1, x: 2 }], a: null }, name: { en: 'France', de: 'Frankreich' } };
    const backward = { name: { de: 'Frankreich', en: 'France' }, aa: { a: null, z: [{ x: 2, y: 1 }] }, b: 2, zebra: 1 };
    await append(db(), [event(forward, backward), event(backward, forward)]);
    const [first, second] = await readAuditBatch(db(), 0, 10);
    // jsonb keeps shorter keys first: the database hands back neither order we wrote.
    expect(Object.keys(first?.after as object)).toEqual(['b', 'aa', 'name', 'zebra']);
    expect(Object.keys(second?.after as object)).toEqual(Object.keys(first?.after as object));
    expect(first?.after).toEqual(forward);
    expect(second?.after).toEqual(backward);
    // Same content, different key order: the same hash.
    const content = { seq: 1, at: AT, actor: 'a', action: 'create', entity: 'e', entityId: 'i', before: null };
    expect(hashAuditEntry(GENESIS_HASH, { ...content, after: forward })).toBe(hashAuditEntry(GENESIS_HASH, { ...content, after: backward }));
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: 2 });
  });

  it('verifies values that jsonb stores or renders differently: numbers, text, nesting, empty containers', async () => {
    const values: unknown[] = [
      { numbers: [0, -1, 1.5, 0.1, 0.1 + 0.2, 1e21, 1.5e-7, Number.MAX_SAFE_INTEGER, Number.MAX_VALUE, Number.MIN_VALUE, -0] },
      { 'ключ': 'значение', 'ä': 'ü — Ł → 🛡️', quote: 'he said "no"\n\ttab \\ backslash \u2028', '': 'empty key', 'a.b': 'dotted' },
      { empty: {}, none: [], nested: [[[]], [{}], { deep: { deeper: { deepest: [true, false, null] } } }] },
      ['an', 'array', { at: 'the top' }],
      'a plain string',
      42,
    ];
    await append(db(), values.map((value) => event(value)));
    const rows = await readAuditBatch(db(), 0, 10);
    expect(rows.map((row) => row.after)).toEqual(values.map((value) => JSON.parse(JSON.stringify(value)) as unknown));
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: values.length });
  });

  it('stores what JSON keeps of a value: undefined fields dropped, Dates as ISO strings, NaN and undefined as null', async () => {
    await append(db(), [
      { actor: 'clerk', action: 'create', entity: 'parties', entityId: 'FR', before: undefined, after: { kept: 1, dropped: undefined, when: AT, nan: Number.NaN } },
    ]);
    const [row] = await readAuditBatch(db(), 0, 10);
    expect(row?.before).toBeNull();
    expect(row?.after).toEqual({ kept: 1, when: AT.toISOString(), nan: null });
    expect(await verifyAudit(db())).toMatchObject({ ok: true, entries: 1 });
  });

  it('refuses a value JSON cannot carry without appending anything', async () => {
    await expect(append(db(), [event({ amount: 10n })])).rejects.toThrow(/BigInt/);
    expect(await readAuditHead(db())).toMatchObject({ seq: 0, hash: GENESIS_HASH });
  });
});
