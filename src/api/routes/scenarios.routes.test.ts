import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { createServices } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { openStore, type Store } from '../../db/open-store.js';
import { buildApp } from '../app.js';

// POST /api/scenarios/evaluate lists the pledges that are not plainly certain by default, and pages or filters them
// (?pledges=all|noncertain|none, limit, offset); every page equals the same slice of the whole list. Coverage rows
// carry each pledge's allocated share only with ?allocations=all, and always how many pledges serve them.

type Listed = { id: string; state: string; explanation: string | null; inAssuranceGap: boolean };
type Answer = { pledges: Listed[]; pledgesPage: { filter: string; total: number; limit: number; offset: number }; summary: { pledges: number; noncertain: number }; coverage: unknown[] };

describe('scenario evaluation: which pledges, and pages of them', () => {
  let store: Store;
  let app: FastifyInstance;
  let as: ReturnType<typeof injectAs>;
  const facts = [{ id: 'ceasefire', value: true }];

  beforeAll(async () => {
    store = await openStore({ kind: 'pglite', memory: true });
    const services = createServices(store);
    await loadDemo(store, services.cache, services.now);
    app = await buildApp(services);
    as = injectAs(app, await addTestUser(services, 'coordinator-1', 'coordinator'));
  });
  afterAll(async () => {
    await app.close();
    await store.close();
  });

  const evaluate = async (query: string): Promise<Answer> => {
    const response = await as({ method: 'POST', url: `/api/scenarios/evaluate${query}`, payload: { facts } });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Answer;
  };

  it('by default lists exactly the pledges that are not plainly certain, with the summary and coverage', async () => {
    const all = await evaluate('?pledges=all');
    const byDefault = await evaluate('');
    const expected = all.pledges.filter((pledge) => pledge.explanation !== null);
    expect(expected.length).toBeGreaterThan(0);
    expect(expected.length).toBeLessThan(all.pledges.length);
    expect(byDefault.pledges).toEqual(expected);
    expect(byDefault.pledgesPage).toEqual({ filter: 'noncertain', total: expected.length, limit: 1000, offset: 0 });
    expect(byDefault.summary.noncertain).toBe(expected.length);
    expect(byDefault.coverage).toEqual(all.coverage);
    expect(all.pledgesPage.total).toBe(all.summary.pledges);
  });

  it('pages: every limit/offset gives the same slice of the whole list', async () => {
    const all = (await evaluate('?pledges=all')).pledges;
    const noncertain = (await evaluate('?pledges=noncertain')).pledges;
    for (const [filter, whole] of [['all', all], ['noncertain', noncertain]] as const) {
      for (const [offset, limit] of [[0, 1], [0, 5], [3, 4], [whole.length - 2, 10], [whole.length, 3], [whole.length + 5, 1]] as const) {
        const page = await evaluate(`?pledges=${filter}&limit=${limit}&offset=${offset}`);
        expect(page.pledges, `${filter} ${offset}+${limit}`).toEqual(whole.slice(offset, offset + limit));
        expect(page.pledgesPage).toEqual({ filter, total: whole.length, limit, offset });
      }
    }
  });

  it('pledges=none lists none', async () => {
    const answer = await evaluate('?pledges=none');
    expect(answer.pledges).toEqual([]);
    expect(answer.pledgesPage.total).toBe(0);
    expect(answer.summary.pledges).toBeGreaterThan(0);
  });

  it('leaves the allocations out unless asked for them; the rows count the pledges that serve them', async () => {
    type Row = { requirement: string; pledgeCount: number; unquantifiedPledges: string[]; allocations?: { pledge: string }[] };
    const byDefault = (await evaluate('?pledges=none')).coverage as Row[];
    const withAllocations = (await evaluate('?pledges=none&allocations=all')).coverage as Row[];
    const without = (await evaluate('?pledges=none&allocations=none')).coverage as Row[];
    expect(byDefault.length).toBeGreaterThan(0);
    expect(byDefault.every((row) => !('allocations' in row))).toBe(true);
    expect(without).toEqual(byDefault);
    expect(withAllocations.map(({ allocations: _, ...row }) => row)).toEqual(byDefault);
    expect(withAllocations.some((row) => (row.allocations?.length ?? 0) > 0)).toBe(true);
    for (const row of withAllocations) {
      expect(row.pledgeCount, row.requirement).toBe(new Set([...(row.allocations ?? []).map((allocation) => allocation.pledge), ...row.unquantifiedPledges]).size);
    }
    const coverage = await as({ method: 'GET', url: '/api/coverage' });
    expect((coverage.json() as { coverage: Row[] }).coverage.every((row) => Array.isArray(row.allocations))).toBe(true);
  });

  it('refuses bad paging with a 400 naming the parameter', async () => {
    for (const [query, field] of [['?allocations=some', 'allocations'], ['?pledges=some', 'pledges'], ['?limit=0', 'limit'], ['?limit=10001', 'limit'], ['?offset=-1', 'offset'], ['?page=2', 'page']] as const) {
      const response = await as({ method: 'POST', url: `/api/scenarios/evaluate${query}`, payload: {} });
      expect(response.statusCode, query).toBe(400);
      expect(response.body, query).toContain(field);
    }
  });
});
