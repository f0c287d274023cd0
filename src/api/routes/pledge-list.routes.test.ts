import type { FastifyInstance } from 'fastify';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { describeEachStore, makeParty } from '../../../test/support/stores.js';
import type { Pledge } from '../../core/types.js';
import { factEntity, partyEntity, pledgeEntity, requirementEntity } from '../../db/entities/dataset-entities.js';
import { createServices, type Services } from '../../services/create-services.js';
import { buildApp } from '../app.js';

// POST /api/scenarios/pledges (+ /export): a page of a scenario's pledges with names, filtered, searched and sorted
// on the server. A caller's list holds exactly the pledges GET /api/pledges gives them (now and as of a date), and
// a search never finds a pledge they may not see. Through the API, on PGlite and PostgreSQL.

type Caller = 'analyst' | 'coordinator' | 'fr' | 'gb';
type Row = { id: string; party: string; partyName: string; capability: string; capabilityName: string; state: string; explanation: string | null; explanationChain: unknown; sources: string[] };
type Page = { items: Row[]; total: number; limit: number; offset: number; parties: string[]; capabilities: string[]; sources: string[] };

describeEachStore('the pledge list of a scenario', (suite) => {
  let services: Services;
  let app: FastifyInstance;
  let clock = new Date('2026-01-10T12:00:00Z');
  const as = {} as Record<Caller, ReturnType<typeof injectAs>>;
  const system = { name: 'setup' };
  const pledge = (id: string, party: string, extra: Partial<Pledge> = {}): Pledge => ({
    id, party, capability: 'land.personnel', quantity: { min: 10, max: 10 }, areas: ['ua.rear'], status: 'offered', confidentiality: 'coalition', condition: 'true', sources: [], note: `MARK<${id}>`, ...extra,
  });
  const scenario = { facts: [{ id: 'ceasefire', value: true }] };

  beforeAll(async () => {
    services = createServices(suite.store(), () => clock);
    await services.records.create(system, partyEntity, makeParty('FR', { name: { en: 'France', de: 'Frankreich' } }));
    await services.records.create(system, partyEntity, makeParty('GB', { name: { en: 'United Kingdom', de: 'Vereinigtes Königreich' } }));
    await services.records.create(system, partyEntity, makeParty('DE', { name: { en: 'Germany', de: 'Deutschland' } }));
    await services.records.create(system, factEntity, { id: 'ceasefire', value: 'unknown', sources: [] });
    await services.records.create(system, factEntity, { id: 'us_backstop', value: 'unknown', sources: [] });
    await services.records.create(system, requirementEntity, { id: 'req-land', capability: 'land.personnel', quantity: 1000, estimate: false, priority: 1, area: 'any', sources: [] });
    await services.records.create(system, pledgeEntity, pledge('fr-1', 'FR', { quantity: { min: 2000, max: 7501 }, condition: 'ceasefire' }));
    await services.records.create(system, pledgeEntity, pledge('fr-2', 'FR', { confidentiality: 'restricted', quantity: { min: 40, max: 40 } }));
    await services.records.create(system, pledgeEntity, pledge('fr-3', 'FR', { confidentiality: 'bilateral', sharedWith: ['GB'], capability: 'maritime.vessels', areas: ['black_sea'], quantity: null }));
    await services.records.create(system, pledgeEntity, pledge('gb-1', 'GB', { condition: 'us_backstop and active(FR, land.personnel) and active(DE, air.fighters)', status: 'announced', quantity: { min: 500, max: 500 } }));
    await services.records.create(system, pledgeEntity, pledge('de-1', 'DE', { condition: 'active(FR, land.personnel)', capability: 'air.fighters', areas: ['ua.airspace'], quantity: { min: 4, max: 4 }, note: 'Merz said so', announcedOn: '2026-01-20' }));
    await services.records.create(system, pledgeEntity, pledge('de-10', 'DE', { status: 'committed', quantity: { min: 300, max: 300 } }));
    clock = new Date('2026-02-01T12:00:00Z');
    app = await buildApp(services);
    const users: Record<Caller, [string, 'analyst' | 'coordinator' | 'delegate', string?]> = {
      analyst: ['pl-analyst', 'analyst'],
      coordinator: ['pl-coordinator', 'coordinator'],
      fr: ['pl-fr', 'delegate', 'FR'],
      gb: ['pl-gb', 'delegate', 'GB'],
    };
    for (const [caller, [name, role, party]] of Object.entries(users)) as[caller as Caller] = injectAs(app, await addTestUser(services, name, role, party));
  }, 60_000);
  afterAll(async () => {
    await app?.close();
  });

  const list = async (caller: Caller, query = '', body: object = scenario): Promise<Page> => {
    const response = await as[caller]({ method: 'POST', url: `/api/scenarios/pledges${query}`, payload: body });
    expect(response.statusCode, response.body).toBe(200);
    return response.json() as Page;
  };
  const ids = (page: Page): string[] => page.items.map((row) => row.id);

  it('lists for each caller exactly the pledges GET /api/pledges gives them, now and as of a date, and nothing else by any search', async () => {
    for (const caller of Object.keys(as) as Caller[]) {
      for (const asOf of [undefined, '2026-01-15']) {
        const body = asOf ? { ...scenario, asOf } : scenario;
        const records = (await as[caller]({ method: 'GET', url: `/api/pledges?limit=500${asOf ? `&asOf=${asOf}` : ''}` })).json() as { items: { id: string }[] };
        const expected = records.items.map((item) => item.id).sort();
        const page = await list(caller, '?limit=500', body);
        expect([...ids(page)].sort(), `${caller} ${asOf ?? 'now'}`).toEqual(expected);
        expect(page.total).toBe(expected.length);
        for (const hidden of ['fr-1', 'fr-2', 'fr-3', 'gb-1', 'de-1', 'de-10'].filter((id) => !expected.includes(id))) {
          expect((await list(caller, `?q=${encodeURIComponent(`MARK<${hidden}>`)}`, body)).total, `${caller} finds ${hidden}`).toBe(0);
          const exported = await as[caller]({ method: 'POST', url: '/api/scenarios/pledges/export?columns=id,explanation', payload: body });
          expect(exported.body).not.toMatch(new RegExp(`\\b${hidden}\\b`));
        }
      }
    }
    expect(ids(await list('analyst'))).not.toContain('fr-2');
    expect(ids(await list('gb'))).toContain('fr-3');
    expect(ids(await list('fr'))).toContain('fr-2');
  });

  it('pages: every limit/offset is the same slice of the whole sorted list, with the total', async () => {
    const whole = ids(await list('coordinator', '?sort=-quantity&limit=500'));
    expect(whole.length).toBe(5);
    for (const [offset, limit] of [[0, 1], [1, 2], [3, 5], [5, 1], [9, 3]] as const) {
      const page = await list('coordinator', `?sort=-quantity&limit=${limit}&offset=${offset}`);
      expect(ids(page)).toEqual(whole.slice(offset, offset + limit));
      expect(page).toMatchObject({ total: 5, limit, offset });
    }
  });

  it('sorts by the columns as shown: names in the language, quantities as numbers, empty last, ties by id', async () => {
    expect(ids(await list('coordinator'))).toEqual(['de-1', 'de-10', 'fr-1', 'fr-2', 'gb-1']);
    expect(ids(await list('coordinator', '?sort=id'))).toEqual(['de-1', 'de-10', 'fr-1', 'fr-2', 'gb-1']);
    expect(ids(await list('coordinator', '?sort=-party'))).toEqual(['gb-1', 'de-1', 'de-10', 'fr-1', 'fr-2']);
    // By quantity (its maximum) ascending; by capability name in the page's language (Bodentruppen < Kampfflugzeuge, Fighter… < Ground…).
    expect(ids(await list('coordinator', '?sort=quantity'))).toEqual(['de-1', 'fr-2', 'de-10', 'gb-1', 'fr-1']);
    expect(ids(await list('gb', '?sort=-quantity'))).toEqual(['fr-1', 'gb-1', 'de-10', 'de-1', 'fr-3']);
    expect(ids(await list('coordinator', '?sort=capability&lang=de'))).toEqual(['de-10', 'fr-1', 'fr-2', 'gb-1', 'de-1']);
    expect(ids(await list('coordinator', '?sort=capability'))).toEqual(['de-1', 'de-10', 'fr-1', 'fr-2', 'gb-1']);
    const byState = (await list('coordinator', '?sort=state')).items.map((row) => row.state);
    expect(byState).toEqual([...byState].sort((a, b) => ['certain', 'possible', 'inactive'].indexOf(a) - ['certain', 'possible', 'inactive'].indexOf(b)));
  });

  it('filters by party, capability, domain and state, and searches names in English or German, accents and case aside', async () => {
    expect(ids(await list('coordinator', '?party=FR'))).toEqual(['fr-1', 'fr-2']);
    expect(ids(await list('coordinator', '?capability=air.fighters'))).toEqual(['de-1']);
    expect(ids(await list('coordinator', '?domain=land'))).toEqual(['de-10', 'fr-1', 'fr-2', 'gb-1']);
    const certain = await list('coordinator', '?state=certain');
    expect(certain.items.every((row) => row.state === 'certain')).toBe(true);
    expect(certain.total).toBeGreaterThan(0);
    expect(ids(await list('coordinator', '?q=germany'))).toEqual(['de-1', 'de-10']);
    expect(ids(await list('coordinator', '?q=DEUTSCHLAND'))).toEqual(['de-1', 'de-10']);
    expect(ids(await list('coordinator', '?q=konigreich'))).toEqual(['gb-1']);
    expect(ids(await list('coordinator', '?q=merz'))).toEqual(['de-1']);
    expect(ids(await list('coordinator', '?q=fighter%20airspace'))).toEqual(['de-1']);
    expect(ids(await list('coordinator', '?q=7%2C501'))).toEqual(['fr-1']);
    // The explanation: gb-1 waits on others' land pledges.
    const gb = (await list('coordinator', '?party=GB')).items[0];
    expect(gb?.explanation).toBeTruthy();
    expect(gb?.explanationChain).toMatchObject({ id: 'gb-1' });
    // The filters' choices are every party and capability listed, whatever the filter.
    const page = await list('coordinator', '?party=GB');
    expect(page.parties).toEqual(['DE', 'FR', 'GB']);
    expect(page.capabilities).toEqual(['air.fighters', 'land.personnel']);
    expect(page.items[0]).toMatchObject({ partyName: 'United Kingdom', capabilityName: 'Ground personnel' });
    expect((await list('coordinator', '?party=GB&lang=de')).items[0]).toMatchObject({ partyName: 'Vereinigtes Königreich' });
  });

  it('leaves out, as of a date, the pledges announced later', async () => {
    expect(ids(await list('coordinator', '', { ...scenario, asOf: '2026-01-15' }))).not.toContain('de-1');
    expect(ids(await list('coordinator', '', { ...scenario, asOf: '2026-01-25' }))).toContain('de-1');
  });

  it('exports the filtered, sorted list as CSV and XLSX in the language, sources and the as-of date last', async () => {
    const csv = await as.coordinator({ method: 'POST', url: '/api/scenarios/pledges/export?sort=-party&q=land&lang=de', payload: { ...scenario, asOf: '2026-01-25' } });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="pledges-2026-01-25.csv"');
    const rows = parse(csv.body) as string[][];
    expect(rows[0]).toEqual(['Zusage', 'Partei', 'Fähigkeit', 'Menge', 'Status', 'Bedingung', 'Zustand', 'Quellen', 'Stand']);
    const page = await list('coordinator', '?sort=-party&q=land&lang=de&limit=500', { ...scenario, asOf: '2026-01-25' });
    expect(rows.slice(1).map((row) => row[0])).toEqual(ids(page));
    expect(rows[1]).toEqual(['gb-1', 'Vereinigtes Königreich', 'Bodentruppen · Ukraine, abseits der Kontaktlinie', '500 Personen', 'angekündigt', 'us_backstop and active(FR, land.personnel) and active(DE, air.fighters)', expect.any(String), '', '2026-01-25']);
    const xlsx = await as.coordinator({ method: 'POST', url: '/api/scenarios/pledges/export?format=xlsx&columns=id,party,explanation&name=party-pledges&party=GB', payload: scenario });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="party-pledges-2026-02-01.xlsx"');
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = workbook.worksheets[0];
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Pledge', 'Party', 'Why', 'Sources', 'As of']);
    expect(sheet?.getRow(2).getCell(1).value).toBe('gb-1');
    expect(String(sheet?.getRow(2).getCell(3).value)).toContain('gb-1');
    expect(sheet?.rowCount).toBe(2);
  });

  it('exports the "Why" column in the page\'s language, as the page shows it', async () => {
    const why = async (lang: string): Promise<string[]> => {
      const response = await as.coordinator({ method: 'POST', url: `/api/scenarios/pledges/export?columns=id,explanation&party=GB&lang=${lang}`, payload: scenario });
      expect(response.statusCode, response.body).toBe(200);
      return (parse(response.body) as string[][])[1] as string[];
    };
    const [id, german] = await why('de');
    expect(id).toBe('gb-1');
    expect(german).toMatch(/^gb-1 (inaktiv|möglich): erfordert us_backstop \(unbekannt\)/);
    const english = (await why('en'))[1];
    expect(english).toMatch(/^gb-1 (inactive|possible): needs us_backstop \(unknown\)/);
  });

  it('refuses bad parameters with a 400 naming the parameter', async () => {
    const cases: [string, string][] = [
      ['?limit=0', 'limit'],
      ['?limit=501', 'limit'],
      ['?offset=-1', 'offset'],
      ['?sort=colour', 'sort'],
      ['?state=maybe', 'state'],
      ['?lang=fr', 'lang'],
      ['?unknown=1', 'unknown'],
      [`?q=${'x'.repeat(201)}`, 'q'],
    ];
    for (const [query, parameter] of cases) {
      const response = await as.coordinator({ method: 'POST', url: `/api/scenarios/pledges${query}`, payload: scenario });
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify((response.json() as { details: unknown }).details), query).toContain(parameter);
    }
    for (const [query, parameter] of [['?format=pdf', 'format'], ['?columns=id,colour', 'columns'], ['?name=../x', 'name']] as const) {
      const response = await as.coordinator({ method: 'POST', url: `/api/scenarios/pledges/export${query}`, payload: scenario });
      expect(response.statusCode, query).toBe(400);
      expect(JSON.stringify((response.json() as { details: unknown }).details), query).toContain(parameter);
    }
    const unknownFact = await as.coordinator({ method: 'POST', url: '/api/scenarios/pledges', payload: { facts: [{ id: 'ceasfire', value: true }] } });
    expect(unknownFact.statusCode).toBe(400);
    expect(unknownFact.body).toContain('facts[0].id');
    expect((await app.inject({ method: 'POST', url: '/api/scenarios/pledges', payload: scenario })).statusCode).toBe(401);
  });

  // Last: it writes. What the list keeps per dataset is made again for the dataset after a write.
  it('answers from the data after a write: a changed note is found, a renamed party sorts and is found by its new name', async () => {
    expect(ids(await list('coordinator', '?sort=party'))).toEqual(['fr-1', 'fr-2', 'de-1', 'de-10', 'gb-1']);
    expect((await list('coordinator', '?q=zebra')).total).toBe(0);
    const note = await services.records.get(system, pledgeEntity, 'de-10');
    await services.records.replace(system, pledgeEntity, { ...note.record, note: 'Zebra crossing' }, note.version);
    expect(ids(await list('coordinator', '?q=zebra'))).toEqual(['de-10']);
    const party = await services.records.get(system, partyEntity, 'DE');
    await services.records.replace(system, partyEntity, { ...party.record, name: { en: 'Allemagne', de: 'Deutschland' } }, party.version);
    expect(ids(await list('coordinator', '?sort=party'))).toEqual(['de-1', 'de-10', 'fr-1', 'fr-2', 'gb-1']);
    expect(ids(await list('coordinator', '?q=allemagne'))).toEqual(['de-1', 'de-10']);
    expect((await list('coordinator', '?q=germany')).total).toBe(0);
  });
});
