import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { addTestUser, injectAs } from '../../../test/support/auth.js';
import { ensurePoppler } from '../../../test/support/debian-package.js';
import { describeEachStore } from '../../../test/support/stores.js';
import { formatSpan } from '../../core/briefing/briefing-text.js';
import { pledgeSchema } from '../../contracts/domain.schema.js';
import { pledgeEntity } from '../../db/entities/dataset-entities.js';
import { createServices } from '../../services/create-services.js';
import { loadDemo } from '../../services/load-demo.js';
import { buildApp } from '../app.js';

// The briefing pack for the 6 January 2026 leaders' meeting on the demo data, as Germany's delegate, in English
// and German, read back with poppler (pdftotext, pdffonts, pdfinfo): the meeting, the coverage the API gives as
// of that date, the changes since 3 January, the marking on every page, the fonts embedded, A4 — and nothing
// the delegate may not see (a restricted French pledge).

const MEETING = 'paris-2026-01-06';

describeEachStore('briefing pack', (suite) => {
  let app: FastifyInstance;
  let asGermany: ReturnType<typeof injectAs>;
  const directory = mkdtempSync(join(tmpdir(), 'briefing-'));

  beforeAll(async () => {
    await ensurePoppler();
    const now = () => new Date('2026-05-01T12:00:00Z');
    const services = createServices(suite.store(), now);
    await loadDemo(suite.store(), services.cache, now);
    const system = { name: 'test' };
    await services.records.create(system, pledgeEntity, pledgeSchema.parse({ id: 'fr-secret', party: 'FR', capability: 'land.personnel', quantity: 4321, announcedOn: '2026-01-05', confidentiality: 'restricted' }));
    await services.records.create(system, pledgeEntity, pledgeSchema.parse({ id: 'de-restricted', party: 'DE', capability: 'land.personnel', quantity: 1234, areas: ['ua'], announcedOn: '2026-01-05', confidentiality: 'restricted', status: 'offered' }));
    app = await buildApp(services);
    asGermany = injectAs(app, await addTestUser(services, 'delegate-de', 'delegate', 'DE'));
  }, 120_000);
  afterAll(async () => {
    await app.close();
    rmSync(directory, { recursive: true, force: true });
  });

  const render = async (lang: 'en' | 'de') => {
    const response = await asGermany({ method: 'GET', url: `/api/meetings/${MEETING}/briefing.pdf?lang=${lang}` });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('application/pdf');
    const file = join(directory, `${lang}.pdf`);
    writeFileSync(file, response.rawPayload);
    const info = execFileSync('pdfinfo', [file], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    const pageText = (page: number) => execFileSync('pdftotext', ['-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
    const text = execFileSync('pdftotext', [file, '-'], { encoding: 'utf8' });
    const fonts = execFileSync('pdffonts', [file], { encoding: 'utf8' });
    return { info, pages, pageText, text, fonts };
  };

  it('in English: the meeting, the coverage of 6 January, the changes since 3 January, marked on every page', async () => {
    const pdf = await render('en');
    expect(pdf.info).toMatch(/Page size:\s+595\.28 x 841\.89 pts \(A4\)/);
    expect(pdf.pages).toBeGreaterThanOrEqual(5);
    expect(pdf.pages).toBeLessThanOrEqual(9);
    // Every font embedded, DejaVu from its npm package.
    const fontRows = pdf.fonts.split('\n').slice(2).filter((line) => line.trim() !== '');
    expect(fontRows.length).toBeGreaterThan(0);
    for (const row of fontRows) expect(row).toMatch(/DejaVu\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);

    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain("Paris leaders' summit");
    expect(text).toContain('6 January 2026');
    expect(text).toContain('Previous meeting');
    expect(text).toContain('3 January 2026 → 6 January 2026');
    // The coverage figures the API gives the same caller as of that date.
    const coverage = JSON.parse((await asGermany({ method: 'GET', url: '/api/coverage?asOf=2026-01-06' })).body) as { coverage: { requirement: string; demand: number | null; supplyMin: number; supplyMax: number }[] };
    const rear = coverage.coverage.find((row) => row.requirement === 'req-land-reassurance');
    expect(rear?.supplyMax).toBeGreaterThan(0);
    for (const row of coverage.coverage.filter((item) => item.demand !== null)) {
      expect(text).toContain(`${formatSpan(row.supplyMin, row.supplyMax, 'en')} / ${formatSpan(row.demand ?? 0, row.demand ?? 0, 'en')}`);
    }
    // The headline counts one labelled thing: parties with a certain or possible pledge, of those with a counted one.
    expect(text).toMatch(/Parties with a certain or possible pledge, of those with a counted pledge (\d+) of (\d+)/);
    expect(text).not.toContain('Parties contributing');
    // The changes since the Kyiv meeting, as the changes endpoint lists them.
    const changes = JSON.parse((await asGermany({ method: 'GET', url: `/api/changes?since=meeting:kyiv-nsa-2026-01-03&until=meeting:${MEETING}` })).body) as { pledges: { added: { id: string }[] }; decisions: { added: unknown[] } };
    expect(text).toContain(`Pledges added (${changes.pledges.added.length})`);
    for (const pledge of changes.pledges.added) expect(text).toContain(`(${pledge.id})`);
    expect(text).toContain('Poland: Logistics hubs no figure (pl-1) superseded by pl-2');
    expect(text).toContain(`Decisions taken (${changes.decisions.added.length})`);
    expect(text).toContain('Open and overdue action items');
    expect(text).toContain('Notes and sources');
    // Germany's own restricted pledge is in it, France's is not.
    expect(text).toContain('de-restricted');
    expect(text).not.toContain('fr-secret');
    expect(text).not.toContain('4,321');
    for (let page = 1; page <= pdf.pages; page++) {
      const onPage = pdf.pageText(page);
      expect(onPage).toContain('RESTRICTED — DE');
      expect(onPage).toContain(`Page ${page} of ${pdf.pages}`);
      expect(onPage).toContain('Generated 1 May 2026 at 12:00 UTC');
    }
  });

  it('in German: the same pack in German words and formats', async () => {
    const pdf = await render('de');
    const text = pdf.text.replace(/\s+/g, ' ');
    expect(text).toContain('Sitzungsmappe');
    expect(text).toContain('6. Januar 2026');
    expect(text).toContain('3. Januar 2026 → 6. Januar 2026');
    expect(text).toContain('Deckung je Bedarf');
    expect(text).toContain('Vereinigtes Königreich');
    expect(text).not.toContain('fr-secret');
    expect(pdf.pageText(1)).toContain(`Seite 1 von ${pdf.pages}`);
    expect(pdf.pageText(pdf.pages)).toContain('RESTRICTED — DE');
  });

  it('answers 404 for an unknown meeting and 400 for an unknown language', async () => {
    expect((await asGermany({ method: 'GET', url: '/api/meetings/nowhere/briefing.pdf' })).statusCode).toBe(404);
    const bad = await asGermany({ method: 'GET', url: `/api/meetings/${MEETING}/briefing.pdf?lang=fr` });
    expect(bad.statusCode).toBe(400);
    expect(bad.body).toContain('lang');
  });
});
