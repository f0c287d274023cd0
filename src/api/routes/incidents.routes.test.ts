import { asc, eq } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { pledgeSchema } from '../../contracts/domain.schema.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { auditLog } from '../../db/schema/index.js';
import { createServices, type Services } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// The incident log through the generic records API, and `violation` derived from it (docs/incidents.md), on
// PGlite and PostgreSQL: a user can never set `verified` with a plain write (the four-eyes rule's attack), and a
// verified incident of a violating kind sets `violation` from its own date — the scenario as of the day before
// does not have it, as of that day it does.

type Scenario = { facts: { id: string; value: unknown; derived?: { since: string; basis: { id: string; date: string }[] } }[]; pledges: { id: string; state: string }[] };

describeEachStore('incidents API', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let asCoordinator: ReturnType<typeof injectAs>;
  let asSecondCoordinator: ReturnType<typeof injectAs>;
  let asAnalyst: ReturnType<typeof injectAs>;
  let asDelegate: ReturnType<typeof injectAs>;
  const system = { name: 'cell' };
  const incident = {
    id: 'inc-1',
    title: 'Exercise: artillery fire on a front-line village (fictional)',
    date: '2026-02-10',
    time: '04:30',
    area: 'ua.front',
    location: { lat: 48.1, lon: 37.7 },
    kind: 'shelling',
    severity: 'high',
    reportedBy: 'UA',
    sources: [],
    note: 'fictional test data',
  };

  beforeAll(async () => {
    const clock = new Date('2026-03-01T09:00:00Z');
    services = createServices(suite.store(), () => clock);
    await loadDemo(suite.store(), services.cache, () => clock);
    // A pledge that answers a violation, so the scenario shows the flip in its activation too.
    await services.records.create(system, pledgeEntity, pledgeSchema.parse({ id: 'test-response', party: 'FR', capability: 'air.fighters', quantity: 4, status: 'committed', condition: 'violation', sources: [] }));
    app = await buildApp(services);
    asCoordinator = injectAs(app, await addTestUser(services, 'coordinator', 'coordinator'));
    asSecondCoordinator = injectAs(app, await addTestUser(services, 'coordinator-2', 'coordinator'));
    asAnalyst = injectAs(app, await addTestUser(services, 'analyst', 'analyst'));
    asDelegate = injectAs(app, await addTestUser(services, 'delegate-ua', 'delegate', 'UA'));
  });
  afterAll(async () => {
    await app.close();
  });

  const evaluate = async (asOf?: string): Promise<Scenario> =>
    JSON.parse((await asAnalyst({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: asOf ? { asOf } : {} })).body) as Scenario;
  const violationOf = (scenario: Scenario) => scenario.facts.find((fact) => fact.id === 'violation');
  const responseOf = (scenario: Scenario) => scenario.pledges.find((pledge) => pledge.id === 'test-response')?.state;

  describe('the log', () => {
    it('coordinators report incidents (status reported); others may read but not write', async () => {
      const created = await asCoordinator({ method: 'POST', url: '/api/incidents', payload: incident });
      expect(created.statusCode, created.body).toBe(201);
      expect(JSON.parse(created.body)).toMatchObject({ id: 'inc-1', status: 'reported', version: 1, location: { lat: 48.1, lon: 37.7 } });
      expect((await asDelegate({ method: 'POST', url: '/api/incidents', payload: { ...incident, id: 'inc-x' } })).statusCode).toBe(403);
      const listed = JSON.parse((await asAnalyst({ method: 'GET', url: '/api/incidents?status=reported' })).body) as { items: { id: string }[] };
      expect(listed.items.map((item) => item.id)).toEqual(['inc-1']);
    });

    it('refuses bad input naming the field, writing nothing', async () => {
      for (const [patch, field] of [
        [{ area: 'any' }, 'area'],
        [{ area: 'mars' }, 'area'],
        [{ kind: 'rumour' }, 'kind'],
        [{ time: '25:00' }, 'time'],
        [{ location: { lat: 95, lon: 1 } }, 'location.lat'],
        [{ reportedBy: 'XX' }, 'reportedBy'],
      ] as const) {
        const response = await asCoordinator({ method: 'POST', url: '/api/incidents', payload: { ...incident, id: 'inc-bad', ...patch } });
        expect(response.statusCode, JSON.stringify(patch)).toBeGreaterThanOrEqual(400);
        expect(response.statusCode).toBeLessThan(500);
        expect(response.body).toContain(field);
      }
      expect((await asAnalyst({ method: 'GET', url: '/api/incidents/inc-bad' })).statusCode).toBe(404);
    });

    it('attack: a plain write can never set verified (create, PUT), nor a forged verifiedOn', async () => {
      const asVerified = await asCoordinator({ method: 'POST', url: '/api/incidents', payload: { ...incident, id: 'inc-2', status: 'verified' } });
      expect(asVerified.statusCode).toBe(422);
      expect(JSON.parse(asVerified.body).error).toBe('approval.required');
      const put = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': '"1"' }, payload: { ...incident, status: 'verified', verifiedOn: '2026-02-11' } });
      expect(put.statusCode).toBe(422);
      expect(JSON.parse(put.body).error).toBe('approval.required');
      const forged = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': '"1"' }, payload: { ...incident, verifiedOn: '2026-02-11' } });
      expect(forged.statusCode, forged.body).toBe(200);
      expect(JSON.parse(forged.body).verifiedOn).toBeUndefined();
      expect(violationOf(await evaluate())?.value).toBe(false);
    });
  });

  describe('four-eyes verification', () => {
    type Pending = { incident: string; baseVersion: number; requestedBy: string; revision: string; record: { status: string } };
    const versionOf = async (id: string) => (JSON.parse((await asAnalyst({ method: 'GET', url: `/api/incidents/${id}` })).body) as { version: number }).version;

    it('one coordinator asks (202, nothing written); not the same one, an analyst or a delegate confirms', async () => {
      const version = await versionOf('inc-1');
      expect((await asAnalyst({ method: 'POST', url: '/api/incidents/inc-1/verification', payload: { version } })).statusCode).toBe(403);
      const asked = await asCoordinator({ method: 'POST', url: '/api/incidents/inc-1/verification', payload: { version } });
      expect(asked.statusCode, asked.body).toBe(202);
      const pending = JSON.parse(asked.body) as Pending;
      expect(pending).toMatchObject({ incident: 'inc-1', baseVersion: version, requestedBy: 'coordinator', record: { status: 'verified' } });
      expect(JSON.parse((await asAnalyst({ method: 'GET', url: '/api/incidents/inc-1' })).body).status).toBe('reported');
      expect(JSON.parse((await asAnalyst({ method: 'GET', url: '/api/incidents/inc-1/verification' })).body)).toEqual(pending);
      const same = await asCoordinator({ method: 'POST', url: '/api/incidents/inc-1/verification/confirmation', payload: { revision: pending.revision } });
      expect(same.statusCode).toBe(403);
      expect(JSON.parse(same.body).error).toBe('approval.same_person');
      expect((await asAnalyst({ method: 'POST', url: '/api/incidents/inc-1/verification/confirmation', payload: { revision: pending.revision } })).statusCode).toBe(403);
      expect((await asDelegate({ method: 'POST', url: '/api/incidents/inc-1/verification/confirmation', payload: { revision: pending.revision } })).statusCode).toBe(403);
      expect((await asSecondCoordinator({ method: 'POST', url: '/api/incidents/inc-1/verification/confirmation', payload: {} })).statusCode).toBe(400);
      expect(violationOf(await evaluate())?.value).toBe(false);
    });

    it('a change of the incident after the request voids it (409), and a new request replaces it', async () => {
      const pending = JSON.parse((await asAnalyst({ method: 'GET', url: '/api/incidents/inc-1/verification' })).body) as Pending;
      const version = await versionOf('inc-1');
      const edited = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': `"${version}"` }, payload: { ...incident, severity: 'medium' } });
      expect(edited.statusCode, edited.body).toBe(200);
      const stale = await asSecondCoordinator({ method: 'POST', url: '/api/incidents/inc-1/verification/confirmation', payload: { revision: pending.revision } });
      expect(stale.statusCode).toBe(409);
      expect(JSON.parse(stale.body).error).toBe('approval.stale');
      const again = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': `"${version + 1}"` }, payload: incident });
      expect(again.statusCode, again.body).toBe(200);
      const asked = await asCoordinator({ method: 'POST', url: '/api/incidents/inc-1/verification', payload: { version: version + 2 } });
      expect(asked.statusCode, asked.body).toBe(202);
    });
  });

  describe('violation derived from verified incidents (the done-when of #29)', () => {
    it('an incident verified by two coordinators flips violation from its date: as of the day before not, as of the day yes', async () => {
      expect(violationOf(await evaluate())).toEqual({ id: 'violation', value: false });
      const pending = JSON.parse((await asAnalyst({ method: 'GET', url: '/api/incidents/inc-1/verification' })).body) as { revision: string };
      const confirmed = await asSecondCoordinator({ method: 'POST', url: '/api/incidents/inc-1/verification/confirmation', payload: { revision: pending.revision } });
      expect(confirmed.statusCode, confirmed.body).toBe(200);
      expect(JSON.parse(confirmed.body)).toMatchObject({ id: 'inc-1', status: 'verified', verifiedOn: '2026-03-01' });
      expect((await asAnalyst({ method: 'GET', url: '/api/incidents/inc-1/verification' })).statusCode).toBe(404);

      const before = await evaluate('2026-02-09');
      expect(violationOf(before)?.value).toBe(false);
      expect(responseOf(before)).toBe('inactive');
      const onTheDay = await evaluate('2026-02-10');
      expect(violationOf(onTheDay)).toMatchObject({ value: true, derived: { kind: 'verified_incident', since: '2026-02-10', basis: [{ id: 'inc-1', date: '2026-02-10', confirmedOn: '2026-03-01' }] } });
      expect(responseOf(onTheDay)).toBe('certain');
      expect(violationOf(await evaluate())?.value).toBe(true);
    });

    it('both coordinators are in the audit log', async () => {
      const rows = await services.store.db.select().from(auditLog).where(eq(auditLog.entityId, 'inc-1')).orderBy(asc(auditLog.seq));
      const trail = rows
        .map((row) => ({ ...row, after: row.after as { status?: string; confirmedBy?: string } | null }))
        .filter((entry) => entry.entity === 'incident-verifications' || entry.after?.status === 'verified');
      expect(trail.map((entry) => [entry.entity, entry.action, entry.actor])).toEqual(
        expect.arrayContaining([
          ['incident-verifications', 'create', 'coordinator'],
          ['incidents', 'update', 'coordinator-2'],
          ['incident-verifications', 'update', 'coordinator-2'],
        ]),
      );
      expect(trail.find((entry) => entry.entity === 'incident-verifications' && entry.action === 'update' && entry.after?.confirmedBy)?.after?.confirmedBy).toBe('coordinator-2');
    });

    it('an explicit scenario switch still wins over the derived value', async () => {
      const switched = JSON.parse((await asAnalyst({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { facts: [{ id: 'violation', value: false }] } })).body) as Scenario;
      expect(violationOf(switched)).toEqual({ id: 'violation', value: false });
      expect(responseOf(switched)).toBe('inactive');
    });

    it('the analyses use the derived value too', async () => {
      const unlockers = JSON.parse((await asAnalyst({ method: 'POST', url: '/api/analyses/unlockers', payload: { asOf: '2026-02-09' } })).body) as { facts: { fact: string }[] };
      expect(unlockers.facts.map((fact) => fact.fact)).toContain('violation');
      const after = JSON.parse((await asAnalyst({ method: 'POST', url: '/api/analyses/unlockers', payload: {} })).body) as { facts: { fact: string }[] };
      expect(after.facts.map((fact) => fact.fact)).not.toContain('violation');
    });

    it('a verified incident cannot be moved to another date by one person; disputing it ends the derived value', async () => {
      const current = JSON.parse((await asCoordinator({ method: 'GET', url: '/api/incidents/inc-1' })).body) as { version: number };
      const moved = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': `"${current.version}"` }, payload: { ...incident, status: 'verified', date: '2026-01-01' } });
      expect(moved.statusCode).toBe(422);
      expect(moved.body).toContain('date');
      const edited = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': `"${current.version}"` }, payload: { ...incident, status: 'verified', note: 'corrected note' } });
      expect(edited.statusCode, edited.body).toBe(200);
      expect(JSON.parse(edited.body)).toMatchObject({ status: 'verified', verifiedOn: '2026-03-01' });
      const disputed = await asCoordinator({ method: 'PUT', url: '/api/incidents/inc-1', headers: { 'if-match': `"${current.version + 1}"` }, payload: { ...incident, status: 'disputed' } });
      expect(disputed.statusCode, disputed.body).toBe(200);
      expect(JSON.parse(disputed.body).verifiedOn).toBeUndefined();
      expect(violationOf(await evaluate('2026-02-10'))?.value).toBe(false);
    });
  });
});
