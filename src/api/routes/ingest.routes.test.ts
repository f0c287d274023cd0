import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { createServices } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// News ingestion over the API on the demo data, on PGlite and PostgreSQL: proposals with drafts and
// duplicates; accepting writes records with their sources in one transaction, audited, with the accepting
// user's rights (an analyst writes nothing; a refused item leaves nothing written); a record written so is
// deleted like any other; rejecting leaves nothing; bad input is a 400 naming the field.

const ARTICLE = [
  'NATO foreign ministers met in Brussels on Wednesday to discuss support for Ukraine.',
  'Germany will send up to 1,000 soldiers to Ukraine after a ceasefire, Chancellor Friedrich Merz said.',
  'France offered two frigates for a Black Sea mission.',
  'Poland, Norway and Germany have given $500 million to the PURL initiative.',
  'A ceasefire is still nowhere in sight.',
].join(' ');

type View = {
  id: string;
  date: string;
  proposals: { index: number; proposal: { kind: string; party?: string }; draft: { entity: string; record: Record<string, unknown> } | null; duplicate: { id: string } | null }[];
};

describeEachStore('ingest API', (suite) => {
  let app: FastifyInstance;
  let asAnalyst: ReturnType<typeof injectAs>;
  let asCoordinator: ReturnType<typeof injectAs>;
  let asGermany: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    const now = () => new Date('2026-02-01T12:00:00Z');
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    app = await buildApp(services);
    asAnalyst = injectAs(app, await addTestUser(services, 'analyst-1', 'analyst'));
    asCoordinator = injectAs(app, await addTestUser(services, 'coordinator-1', 'coordinator'));
    asGermany = injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE'));
  });
  afterAll(async () => {
    await app.close();
  });

  async function propose(as: ReturnType<typeof injectAs> = asAnalyst): Promise<View> {
    const response = await as({ method: 'POST', url: '/api/ingest', payload: { text: ARTICLE, date: '2025-12-05', url: 'https://example.org/news/1', publisher: 'Example News' } });
    expect(response.statusCode).toBe(200);
    return JSON.parse(response.body) as View;
  }
  const indexOf = (view: View, kind: string, party?: string): number =>
    view.proposals.find((p) => p.proposal.kind === kind && (party === undefined || p.proposal.party === party))?.index ?? -1;

  it('proposes records with drafts and flags what is already recorded', async () => {
    const view = await propose();
    expect(view.proposals.map((p) => p.proposal.kind)).toEqual(['meeting', 'pledge', 'pledge', 'contribution', 'fact']);
    const contribution = view.proposals[indexOf(view, 'contribution')];
    expect(contribution?.duplicate?.id).toBe('purl-pl-no-de');
    expect(view.proposals[indexOf(view, 'fact')]?.duplicate?.id).toBe('ceasefire');
    expect(view.proposals[indexOf(view, 'meeting')]?.draft).toMatchObject({ entity: 'meetings', record: { date: '2025-12-03', format: 'ministers', place: 'BE', inPerson: ['NATO'] } });
    expect(view.proposals[indexOf(view, 'pledge', 'DE')]?.draft).toMatchObject({ entity: 'pledges', record: { party: 'DE', capability: 'land.personnel', quantity: 1000, condition: 'ceasefire', status: 'announced' } });
  });

  it('lets no analyst write, and writes nothing when one item of an accept is refused', async () => {
    const view = await propose();
    const meeting = indexOf(view, 'meeting');
    const refused = await asAnalyst({ method: 'POST', url: `/api/ingest/${view.id}/accept`, payload: { items: [{ index: meeting }] } });
    expect(refused.statusCode).toBe(403);
    // Germany's delegate may write Germany's pledge but not the meeting: the whole accept is refused.
    const germanView = await propose(asGermany);
    const mixed = await asGermany({ method: 'POST', url: `/api/ingest/${germanView.id}/accept`, payload: { items: [{ index: indexOf(germanView, 'pledge', 'DE') }, { index: meeting }] } });
    expect(mixed.statusCode).toBe(403);
    const pledgeId = String(germanView.proposals[indexOf(germanView, 'pledge', 'DE')]?.draft?.record.id);
    expect((await asCoordinator({ method: 'GET', url: `/api/pledges/${pledgeId}` })).statusCode).toBe(404);
  });

  it('accepts an edited meeting and a pledge with their quoted sources, audited, and deletes them like any record', async () => {
    const view = await propose(asCoordinator);
    const meeting = indexOf(view, 'meeting');
    const draft = view.proposals[meeting]?.draft?.record ?? {};
    const accepted = await asCoordinator({
      method: 'POST',
      url: `/api/ingest/${view.id}/accept`,
      payload: { items: [{ index: meeting, record: { ...draft, title: 'NATO foreign ministers, Brussels' } }] },
    });
    expect(accepted.statusCode).toBe(201);
    const result = JSON.parse(accepted.body) as { created: { entity: string; id: string; version: number }[]; sources: string[] };
    expect(result.created).toEqual([{ entity: 'meetings', id: String(draft.id), version: 1 }]);
    const meetingRecord = JSON.parse((await asCoordinator({ method: 'GET', url: `/api/meetings/${String(draft.id)}` })).body) as { title: string; sources: string[]; version: number };
    expect(meetingRecord.title).toBe('NATO foreign ministers, Brussels');
    const source = JSON.parse((await asCoordinator({ method: 'GET', url: `/api/sources/${meetingRecord.sources[0] ?? ''}` })).body) as Record<string, unknown>;
    expect(source).toMatchObject({ publisher: 'Example News', date: '2025-12-05', url: 'https://example.org/news/1', quote: 'NATO foreign ministers met in Brussels on Wednesday to discuss support for Ukraine.' });
    const audit = JSON.parse((await asCoordinator({ method: 'GET', url: `/api/meetings/${String(draft.id)}/history` })).body) as { items: { actor: string; action: string }[] };
    expect(audit.items).toMatchObject([{ actor: 'coordinator-1', action: 'create' }]);

    const germanView = await propose(asGermany);
    const pledge = await asGermany({ method: 'POST', url: `/api/ingest/${germanView.id}/accept`, payload: { items: [{ index: indexOf(germanView, 'pledge', 'DE') }] } });
    expect(pledge.statusCode).toBe(201);
    const pledgeId = (JSON.parse(pledge.body) as { created: { id: string }[] }).created[0]?.id ?? '';
    const deleted = await asGermany({ method: 'DELETE', url: `/api/pledges/${pledgeId}`, headers: { 'if-match': '"1"' } });
    expect(deleted.statusCode).toBeLessThan(300);
    expect((await asGermany({ method: 'GET', url: `/api/pledges/${pledgeId}` })).statusCode).toBe(404);
    const deletedMeeting = await asCoordinator({ method: 'DELETE', url: `/api/meetings/${String(draft.id)}`, headers: { 'if-match': `"${meetingRecord.version}"` } });
    expect(deletedMeeting.statusCode).toBeLessThan(300);
  });

  it('names the field of an incomplete edit and writes nothing', async () => {
    const view = await propose(asCoordinator);
    const meeting = indexOf(view, 'meeting');
    const draft = view.proposals[meeting]?.draft?.record ?? {};
    const response = await asCoordinator({ method: 'POST', url: `/api/ingest/${view.id}/accept`, payload: { items: [{ index: meeting, record: { ...draft, format: 'party' } }] } });
    expect(response.statusCode).toBe(400);
    expect(response.body).toContain(`items[0].record.format`);
  });

  // Attack (issue 21 review): proposals were kept under an id shared by everyone who sent the same article, so
  // another user read the proposer's duplicates (looked up with the proposer's rights) and could delete them.
  it("keeps each caller's proposals to that caller: another user's read, accept and reject answer 404", async () => {
    const german = await propose(asGermany);
    const analysts = await propose(asAnalyst);
    expect(analysts.id).not.toBe(german.id);
    for (const as of [asAnalyst, asCoordinator]) {
      expect((await as({ method: 'GET', url: `/api/ingest/${german.id}` })).statusCode).toBe(404);
      expect((await as({ method: 'DELETE', url: `/api/ingest/${german.id}` })).statusCode).toBe(404);
      const accept = await as({ method: 'POST', url: `/api/ingest/${german.id}/accept`, payload: { items: [{ index: 0 }] } });
      expect(accept.statusCode).toBe(404);
    }
    expect((await asGermany({ method: 'GET', url: `/api/ingest/${german.id}` })).statusCode).toBe(200);
  });

  it('forgets rejected proposals and refuses bad articles with a 400 naming the field', async () => {
    const view = await propose();
    const one = await asAnalyst({ method: 'POST', url: `/api/ingest/${view.id}/reject`, payload: { items: [{ index: 0 }] } });
    expect(one.statusCode).toBe(200);
    expect((JSON.parse(one.body) as { proposals: { status: string }[] }).proposals.map((p) => p.status)).toEqual(['rejected', 'open', 'open', 'open', 'open']);
    expect((await asAnalyst({ method: 'POST', url: `/api/ingest/${view.id}/reject`, payload: { items: [{ index: 99 }] } })).statusCode).toBe(400);
    expect((await asAnalyst({ method: 'DELETE', url: `/api/ingest/${view.id}` })).statusCode).toBe(204);
    expect((await asAnalyst({ method: 'GET', url: `/api/ingest/${view.id}` })).statusCode).toBe(404);
    const empty = await asAnalyst({ method: 'POST', url: '/api/ingest', payload: { text: '   ' } });
    expect(empty.statusCode).toBe(400);
    expect(empty.body).toContain('the article is empty');
    const binary = await asAnalyst({ method: 'POST', url: '/api/ingest', payload: { text: 'abc\u0000def' } });
    expect(binary.statusCode).toBe(400);
    const french = await asAnalyst({ method: 'POST', url: '/api/ingest', payload: { text: 'Le gouvernement a conclu un accord avec ses partenaires pour la sécurité de l’Ukraine.' } });
    expect(french.statusCode).toBe(400);
    expect(french.body).toContain('"path":"language"');
    expect((await app.inject({ method: 'POST', url: '/api/ingest', payload: { text: ARTICLE } })).statusCode).toBe(401);
  });
});
