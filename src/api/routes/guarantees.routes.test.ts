import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore } from '../../../test/support/stores.js';
import type { WhatIfResult } from '../../core/guarantees/what-if-violated.js';
import { createServices, type Services } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// Issue 29, done when: the demo shows, for violation=true after a ceasefire, which guarantee commitments activate
// and what they add (POST /api/analyses/guarantees), on PGlite and PostgreSQL; bad input named; in peacetime the
// scenario marks the commitments as standing by.

describeEachStore('guarantees API', (suite) => {
  let app: FastifyInstance;
  let services: Services;
  let analyst: ReturnType<typeof injectAs>;

  beforeAll(async () => {
    services = createServices(suite.store());
    await loadDemo(suite.store(), services.cache, services.now);
    app = await buildApp(services);
    analyst = injectAs(app, await addTestUser(services, 'analyst', 'analyst'));
  });
  afterAll(async () => {
    await app.close();
    await services.analyses.close();
  });

  const ask = async (payload: object) => {
    const response = await analyst({ method: 'POST', url: '/api/analyses/guarantees', payload });
    return { status: response.statusCode, body: JSON.parse(response.body) as WhatIfResult & { details?: { problems: { path: string; message: string }[] } } };
  };

  it('violation after a ceasefire: the Paris Declaration’s and Italy’s commitments activate, with what they add', async () => {
    const { status, body } = await ask({ facts: [{ id: 'ceasefire', value: true }] });
    expect(status).toBe(200);
    expect(body.trigger).toBe('violation');
    expect(body.facts).toContainEqual({ id: 'violation', value: true });
    expect(body.commitments.map((c) => [c.id, c.party, c.before, c.after])).toEqual([
      ['cow-g1', 'COW', 'inactive', 'possible'],
      ['cow-g2', 'COW', 'inactive', 'certain'],
      ['it-g1', 'IT', 'inactive', 'certain'],
      ['us-g1', 'US', 'inactive', 'inactive'],
    ]);
    const cow = body.commitments.find((c) => c.id === 'cow-g1');
    expect(cow).toMatchObject({ responses: ['military', 'intelligence', 'diplomatic', 'sanctions'], responseTime: 'not stated', needs: [{ fact: 'legal_guarantees', needs: true, value: 'unknown' }] });
    expect(cow?.sources).toContain('president-2026-01-06-declaration');
    expect(body.commitments.find((c) => c.id === 'it-g1')?.responses).toEqual(['unstated']);
    const kinds = Object.fromEntries(body.responses.map((cover) => [cover.kind, { certain: cover.certain, possible: cover.possible }]));
    expect(kinds.military).toEqual({ certain: [], possible: ['cow-g1'] });
    expect(kinds.diplomatic).toEqual({ certain: ['cow-g2'], possible: ['cow-g1'] });
    // What is left unanswered: no air-defence or financial response; the binding commitments wait for ratification;
    // the US draft commitment was struck.
    expect(body.unanswered).toMatchObject({ responseKinds: ['air_defence', 'financial'], pending: ['cow-g1'], withdrawn: ['us-g1'] });
    expect(body.unanswered.parties).toEqual(expect.arrayContaining(['DE', 'FR', 'GB', 'PL']));
    expect(body.unanswered.parties).not.toContain('IT');
    expect(body.unlockers).toEqual([{ fact: 'legal_guarantees', value: true, certain: ['cow-g1'] }]);
    // The commitments' content answers no recorded requirement: no coverage changes.
    expect(body.coverage).toEqual([]);
    expect(body.summary).toEqual({ commitments: 4, certain: 2, possible: 1, inactive: 1, excluded: 1 });
  });

  it('with the guarantees ratified all three activate for certain; without a ceasefire none does, and the ceasefire is named', async () => {
    const ratified = await ask({ facts: [{ id: 'ceasefire', value: true }, { id: 'legal_guarantees', value: true }] });
    expect(ratified.body.summary).toMatchObject({ certain: 3, possible: 0 });
    expect(ratified.body.unanswered.responseKinds).toEqual(['air_defence', 'financial']);
    const noCeasefire = await ask({});
    expect(noCeasefire.body.summary).toMatchObject({ certain: 0, possible: 0 });
    expect(noCeasefire.body.unlockers).toEqual([{ fact: 'ceasefire', value: true, certain: ['cow-g2', 'it-g1'] }]);
  });

  it('as of the day before the Paris summit only Italy’s position exists', async () => {
    const { body } = await ask({ facts: [{ id: 'ceasefire', value: true }], asOf: '2026-01-05' });
    expect(body.commitments.map((c) => [c.id, c.after, c.excluded])).toEqual([
      ['cow-g1', 'inactive', 'announced on 2026-01-06, after 2026-01-05'],
      ['cow-g2', 'inactive', 'announced on 2026-01-06, after 2026-01-05'],
      ['it-g1', 'certain', null],
      ['us-g1', 'inactive', 'announced on 2026-01-06, after 2026-01-05'],
    ]);
  });

  it('in peacetime the scenario marks the commitments as standing by, not as missing', async () => {
    const response = await analyst({ method: 'POST', url: '/api/scenarios/evaluate?pledges=all', payload: { facts: [{ id: 'ceasefire', value: true }] } });
    expect(response.statusCode).toBe(200);
    const body = JSON.parse(response.body) as { pledges: { id: string; state: string; standby?: string; explanation: string | null }[]; capabilities: { id: string }[] };
    expect(body.pledges.find((p) => p.id === 'it-g1')).toMatchObject({ state: 'inactive', standby: 'violation', explanation: 'it-g1 inactive: needs violation (false); a guarantee commitment: it stands by until violation' });
    expect(body.pledges.find((p) => p.id === 'fr-1')?.standby).toBeUndefined();
    expect(body.capabilities.map((c) => c.id)).not.toContain('guarantee.response');
  });

  it('refuses an unknown trigger or fact with 400 naming the field', async () => {
    const trigger = await ask({ trigger: 'violaton' });
    expect(trigger.status).toBe(400);
    expect(trigger.body.details?.problems).toEqual([{ path: 'trigger', message: expect.stringContaining("did you mean 'violation'") }]);
    const fact = await ask({ facts: [{ id: 'cease', value: true }] });
    expect(fact.status).toBe(400);
    expect(fact.body.details?.problems[0]?.path).toBe('facts[0].id');
    const shape = await ask({ trigger: 'no spaces' });
    expect(shape.status).toBe(400);
    expect(shape.body.details?.problems[0]?.path).toBe('body.trigger');
  });
});
