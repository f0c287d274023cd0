import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { clearCache } from '../../lib/cache.js';
import { loadEditorReference, loadEvaluatedPledge, loadPledgePreview } from './load-pledge-editor.js';

// What /pledges/<id> asks the server for (besides its one record): the reference collections without pledges, the
// preview of the draft with the scenario of the switches, or the pledge's own row of the pledge list — never a list of
// every pledge. The server is a stub that records the requests.

const requests: { method: string; url: string; body: unknown }[] = [];

function answer(url: string): unknown {
  if (url.startsWith('/api/facts')) return { items: [{ id: 'ceasefire', value: false, sources: [] }], total: 1 };
  if (url.startsWith('/api/scenarios/pledge-preview')) return { change: 'update', pledge: { id: 'de-1', state: 'certain' }, coverageChanges: [], areas: ['any'] };
  if (url.startsWith('/api/scenarios/pledges')) return { items: [{ id: 'de-10', state: 'inactive' }, { id: 'de-1', state: 'possible' }], total: 2, limit: 500, offset: 0, parties: [], capabilities: [], sources: [] };
  return { items: [], total: 0 };
}

beforeEach(() => {
  clearCache();
  requests.length = 0;
  vi.stubGlobal('fetch', async (url: string, init: { method?: string; body?: string }) => {
    requests.push({ method: init.method ?? 'GET', url, body: init.body === undefined ? undefined : JSON.parse(init.body) });
    return new Response(JSON.stringify(answer(url)), { status: 200 });
  });
});
afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the pledge editor loads what it draws', () => {
  it('loads the reference collections and the capability records, no pledges', async () => {
    const reference = await loadEditorReference('2026-01-06');
    expect(reference.facts.map((fact) => fact.id)).toEqual(['ceasefire']);
    const paths = requests.map((request) => request.url.split('?')[0]).sort();
    expect(paths).toEqual(['/api/capabilities', '/api/facts', '/api/packages', '/api/parties', '/api/requirements']);
    expect(requests.every((request) => request.url.includes('asOf=2026-01-06'))).toBe(true);
  });

  it('asks for the preview with the switched facts, the date and the draft (a stand-in id while it has none)', async () => {
    const draft = { id: '', party: 'DE', capability: 'land.personnel', quantity: null, areas: ['any'], status: 'announced' as const, confidentiality: 'coalition' as const, condition: 'ceasefire', sources: [] };
    await loadPledgePreview('2026-01-06', new Map([['ceasefire', true]]), draft);
    const preview = requests.find((request) => request.url === '/api/scenarios/pledge-preview');
    expect(preview).toMatchObject({ method: 'POST', body: { facts: [{ id: 'ceasefire', value: true }], asOf: '2026-01-06', pledge: { ...draft, id: 'new-pledge-draft' } } });
  });

  it("finds a read-only pledge's state in its party's page of the pledge list, by its exact id", async () => {
    const row = await loadEvaluatedPledge(undefined, new Map(), { id: 'de-1', party: 'DE' }, 'de');
    expect(row?.state).toBe('possible');
    const list = requests.find((request) => request.url.startsWith('/api/scenarios/pledges'));
    expect(new URL(list?.url ?? '', 'http://x').searchParams.get('party')).toBe('DE');
    expect(new URL(list?.url ?? '', 'http://x').searchParams.get('q')).toBe('de-1');
  });
});
