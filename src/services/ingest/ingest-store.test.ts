import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { UserPrincipal } from '../../core/access/principal.js';
import { AppError } from '../../contracts/input-error.js';
import { entityByName } from '../../db/entities/all-entities.js';
import { countIngestProposals } from '../../db/ingest-proposal.repository.js';
import { openStore, type Store } from '../../db/open-store.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { createServices, type Services } from '../create-services.js';
import { loadDemo } from '../load-demo.js';
import { KEEP_MS } from './ingest.service.js';

// Proposals are stored (table ingest_proposals), not kept in a server's memory: they survive a restart and are
// shared by two app servers on one database, for their proposer only, until they expire. Accepting writes the
// records and marks the proposals accepted in one transaction, so they are not written twice; rejecting
// leaves nothing behind — no record, no source, no audit entry.

const ARTICLE = [
  'NATO foreign ministers met in Brussels on Wednesday to discuss support for Ukraine.',
  'Germany will send up to 1,000 soldiers to Ukraine after a ceasefire, Chancellor Friedrich Merz said.',
  'France offered two frigates for a Black Sea mission.',
].join(' ');
const REQUEST = { text: ARTICLE, date: '2025-12-05', url: 'https://example.org/news/1', publisher: 'Example News' };

const coordinator: UserPrincipal = { kind: 'user', userId: 'u-coord', name: 'coordinator-1', role: 'coordinator', party: null };
const otherCoordinator: UserPrincipal = { kind: 'user', userId: 'u-coord-2', name: 'coordinator-2', role: 'coordinator', party: null };

const meetings = (() => {
  const entity = entityByName('meetings');
  if (!entity) throw new Error('no meetings entity');
  return entity;
})();

const START = new Date('2026-02-01T12:00:00Z').getTime();

/** Rows in every table but the proposals' own: what "leaves nothing behind" is measured by. */
async function rowCounts(store: Store): Promise<Record<string, number>> {
  const result = await store.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'ingest_proposals' ORDER BY tablename`);
  const counts: Record<string, number> = {};
  for (const { tablename } of (result as unknown as { rows: { tablename: string }[] }).rows) {
    const rows = await store.db.execute(sql.raw(`SELECT count(*)::int AS n FROM "${tablename}"`));
    counts[tablename] = (rows as unknown as { rows: { n: number }[] }).rows[0]?.n ?? -1;
  }
  return counts;
}

async function notFound(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'not_found');
}

async function conflict(promise: Promise<unknown>): Promise<void> {
  await expect(promise).rejects.toSatisfy((error) => error instanceof AppError && error.code === 'conflict');
}

describeEachStore('ingest proposals in the store', (suite) => {
  let clock = START;
  const now = () => new Date(clock);
  let server: Services;
  /** Another app server on the same data: a new set of services (PGlite), a second connection pool (PostgreSQL). */
  let secondServer: Services;

  beforeAll(async () => {
    server = createServices(suite.store(), now);
    await loadDemo(suite.store(), server.cache, now);
    secondServer = createServices(suite.kind === 'postgres' ? await suite.connectAgain() : suite.store(), now);
  });

  const kindAt = (view: Awaited<ReturnType<Services['ingest']['propose']>>, kind: string, party?: string): number =>
    view.proposals.find((p) => p.proposal.kind === kind && (party === undefined || ('party' in p.proposal && p.proposal.party === party)))?.index ?? -1;

  it('serves the proposals from the other server, for their proposer only, and accepts them there once', async () => {
    const view = await server.ingest.propose(coordinator, REQUEST);
    expect(view.proposals.every((p) => p.status === 'open')).toBe(true);
    const again = await secondServer.ingest.get(coordinator, view.id);
    expect(again).toEqual(view);
    await notFound(secondServer.ingest.get(otherCoordinator, view.id));
    await notFound(secondServer.ingest.accept(otherCoordinator, view.id, { items: [{ index: 0 }] }));
    await notFound(secondServer.ingest.reject(otherCoordinator, view.id));

    const meeting = kindAt(view, 'meeting');
    // Both servers accept the same proposal at once: exactly one writes it, the other is told it was accepted.
    const results = await Promise.allSettled([server.ingest.accept(coordinator, view.id, { items: [{ index: meeting }] }), secondServer.ingest.accept(coordinator, view.id, { items: [{ index: meeting }] })]);
    const written = results.filter((result) => result.status === 'fulfilled');
    expect(written).toHaveLength(1);
    const refused = results.find((result) => result.status === 'rejected');
    expect(refused?.status === 'rejected' && refused.reason instanceof AppError && refused.reason.code).toBe('conflict');
    const after = await server.ingest.get(coordinator, view.id);
    expect(after.proposals[meeting]).toMatchObject({ status: 'accepted', created: [{ entity: 'meetings', version: 1 }] });
    await conflict(server.ingest.accept(coordinator, view.id, { items: [{ index: meeting }] }));
    await conflict(server.ingest.rejectItems(coordinator, view.id, { items: [{ index: meeting }] }));
    const meetingId = after.proposals[meeting]?.created[0]?.id ?? '';
    const record = await server.records.get(coordinator, meetings, meetingId);
    expect(record.record).toMatchObject({ sources: [expect.any(String)] });

    // Ingesting the same article again keeps the decision; once the record is deleted (undone), it is open again.
    expect((await secondServer.ingest.propose(coordinator, REQUEST)).proposals[meeting]?.status).toBe('accepted');
    await server.records.remove(coordinator, meetings, meetingId, record.version);
    expect((await secondServer.ingest.propose(coordinator, REQUEST)).proposals[meeting]).toMatchObject({ status: 'open', created: [] });
  });

  it('leaves nothing behind when proposals or the whole article are rejected', async () => {
    const view = await server.ingest.propose(otherCoordinator, REQUEST);
    const before = await rowCounts(suite.store());
    const pledge = kindAt(view, 'pledge', 'DE');
    const rejected = await secondServer.ingest.rejectItems(otherCoordinator, view.id, { items: [{ index: pledge }] });
    expect(rejected.proposals[pledge]?.status).toBe('rejected');
    await conflict(server.ingest.accept(otherCoordinator, view.id, { items: [{ index: pledge }] }));
    const proposals = await countIngestProposals(suite.store().db);
    await server.ingest.reject(otherCoordinator, view.id);
    expect(await countIngestProposals(suite.store().db)).toBe(proposals - 1);
    await notFound(secondServer.ingest.get(otherCoordinator, view.id));
    await notFound(secondServer.ingest.accept(otherCoordinator, view.id, { items: [{ index: 0 }] }));
    expect(await rowCounts(suite.store())).toEqual(before);
  });

  it('forgets proposals after seven days and deletes the expired rows', async () => {
    const view = await server.ingest.propose(coordinator, { ...REQUEST, text: `${ARTICLE} Poland offered a field hospital.` });
    clock += KEEP_MS - 1000;
    expect((await secondServer.ingest.get(coordinator, view.id)).id).toBe(view.id);
    clock += 2000;
    await notFound(secondServer.ingest.get(coordinator, view.id));
    await notFound(secondServer.ingest.accept(coordinator, view.id, { items: [{ index: 0 }] }));
    const rows = await countIngestProposals(suite.store().db);
    await server.ingest.propose(otherCoordinator, REQUEST);
    // Everything proposed before is older than seven days now: only the new row remains.
    expect(rows).toBeGreaterThan(1);
    expect(await countIngestProposals(suite.store().db)).toBe(1);
  });
});

describe('ingest proposals across a restart of PGlite', () => {
  let directory = '';
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), 'ingest-restart-'));
  });
  afterAll(async () => {
    await rm(directory, { recursive: true, force: true });
  });

  it('finds the proposals after the store is closed and opened again, and accepts them', async () => {
    const now = () => new Date(START);
    const first = await openStore({ kind: 'pglite', dataDirectory: directory });
    let id = '';
    try {
      const services = createServices(first, now);
      await loadDemo(first, services.cache, now);
      id = (await services.ingest.propose(coordinator, REQUEST)).id;
    } finally {
      await first.close();
    }
    const second = await openStore({ kind: 'pglite', dataDirectory: directory });
    try {
      const services = createServices(second, now);
      const view = await services.ingest.get(coordinator, id);
      const meeting = view.proposals.findIndex((p) => p.proposal.kind === 'meeting');
      const result = await services.ingest.accept(coordinator, id, { items: [{ index: meeting }] });
      expect(result.created).toMatchObject([{ entity: 'meetings', version: 1 }]);
      expect((await services.ingest.get(coordinator, id)).proposals[meeting]?.status).toBe('accepted');
    } finally {
      await second.close();
    }
  }, 60_000);
});
