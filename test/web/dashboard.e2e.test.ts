import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { measureInitialJs } from '../../bench/support/initial-bundle.js';
import { type ServerProcess, startServerProcess } from '../../bench/support/server-process.js';
import { DEFAULT_WEB_ROOT } from '../../src/api/web-assets.js';
import { buildWeb } from '../support/build-web.js';
import { launchChromium } from '../support/chromium.js';
import { apiFromPage, openWatchedPage, readCoverage, signIn, type WatchedPage } from './browser-session.js';

// On a fresh machine the setup installs Debian's chromium first (apt-get may also wait for another suite's install).
const SETUP_TIMEOUT = 15 * 60_000;

// The dashboard in a real browser (Debian's chromium through playwright-core) against `coalition serve --demo`
// on a fresh store: scenario switches, a delegate's edit and refusal, a version conflict, German.

const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-output', 'web');

describe('the web dashboard in chromium', () => {
  let directory: string;
  let server: ServerProcess;
  let browser: Browser;
  const pages: WatchedPage[] = [];
  const open = async (): Promise<WatchedPage> => {
    const watched = await openWatchedPage(browser);
    pages.push(watched);
    return watched;
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    directory = await mkdtemp(join(tmpdir(), 'coalition-web-'));
    [, server, browser] = await Promise.all([buildWeb(), startServerProcess({ COALITION_DATA: directory }), launchChromium()]);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('recomputes coverage when ceasefire and us_backstop switch, to the figures the API returns', async () => {
    const { page, errors } = await open();
    await signIn(page, server.url, 'demo-analyst');
    await page.locator('.coverage-row').first().waitFor();
    const before = await readCoverage(page);
    expect(await page.getByTestId('headline-states').textContent()).toMatch(/^\d+ of \d+ coalition states pledge in some domain$/);

    await page.locator('#fact-ceasefire-true').check();
    await page.locator('[data-scenario*="ceasefire=true"][aria-busy="false"]').waitFor();
    await page.locator('#fact-us_backstop-true').check();
    await page.locator('[data-scenario*="ceasefire=true"][data-scenario*="us_backstop=true"][aria-busy="false"]').waitFor();
    const after = await readCoverage(page);

    const api = await apiFromPage<{ coverage: { requirement: string; supplyMin: number; supplyMax: number }[] }>(page, 'POST', '/api/scenarios/evaluate', {
      facts: [
        { id: 'ceasefire', value: true },
        { id: 'us_backstop', value: true },
      ],
    });
    expect(api.status).toBe(200);
    expect(after).toEqual(Object.fromEntries(api.body.coverage.map((row) => [row.requirement, [row.supplyMin, row.supplyMax]])));
    expect(after).not.toEqual(before);
    await page.screenshot({ path: join(SHOTS, 'overview-ceasefire-backstop.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('lets a delegate edit an own pledge, with the condition checked as typed, and refuses another party’s', async () => {
    const { page, errors, allow } = await open();
    allow(403, '/api/pledges/fr-1');
    await signIn(page, server.url, 'demo-delegate-de');
    await page.goto(`${server.url}/pledges/de-3`);
    const condition = page.locator('#pledge-condition');
    await condition.fill('ceasefire and us_backstp');
    await expect.poll(() => page.getByTestId('condition-check').textContent()).toContain("Column 15: unknown fact 'us_backstp' at 15; did you mean 'us_backstop'?");
    expect(await page.getByRole('button', { name: 'Save' }).isDisabled()).toBe(true);
    await condition.fill('ceasefire and us_backstop');
    await expect.poll(() => page.getByTestId('condition-check').textContent()).toBe('The condition is valid.');
    await page.locator('#pledge-max').fill('6');
    await page.getByTestId('preview').getByText('Effect on coverage').waitFor();
    await page.screenshot({ path: join(SHOTS, 'pledge-editor.png'), fullPage: true });
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByText('Saved (version 2).').waitFor();
    const stored = await apiFromPage<{ version: number; quantity: { min: number; max: number }; condition: string }>(page, 'GET', '/api/pledges/de-3');
    expect(stored.body).toMatchObject({ version: 2, quantity: { min: 4, max: 6 }, condition: 'ceasefire and us_backstop' });

    await page.goto(`${server.url}/pledges/fr-1`);
    await page.getByTestId('read-only').waitFor();
    expect(await page.getByTestId('read-only').textContent()).toBe('Only a delegate of FR may edit this pledge.');
    expect(await page.locator('#pledge-condition').count()).toBe(0);
    const current = await apiFromPage<Record<string, unknown>>(page, 'GET', '/api/pledges/fr-1');
    const { createdAt: _c, updatedAt: _u, ...record } = current.body;
    const refused = await apiFromPage<{ error: string }>(page, 'PUT', '/api/pledges/fr-1', { ...record, quantity: { min: 1, max: 1 } });
    expect(refused).toMatchObject({ status: 403, body: { error: 'auth.forbidden' } });
    expect(errors).toEqual([]);
  });

  it('shows a version conflict and keeps the user’s edits', async () => {
    const { page, errors, allow } = await open();
    allow(409, '/api/pledges/de-4');
    await signIn(page, server.url, 'demo-delegate-de');
    await page.goto(`${server.url}/pledges/de-4`);
    await page.locator('#pledge-min').fill('100');
    // Someone else saves first.
    const current = await apiFromPage<Record<string, unknown>>(page, 'GET', '/api/pledges/de-4');
    const { createdAt: _c, updatedAt: _u, ...record } = current.body;
    const theirs = await apiFromPage<{ version: number }>(page, 'PUT', '/api/pledges/de-4', { ...record, areas: ['ua'] });
    expect(theirs.status).toBe(200);
    await page.getByRole('button', { name: 'Save' }).click();
    await page.getByTestId('conflict').waitFor();
    expect(await page.getByTestId('conflict').textContent()).toContain(`now version ${theirs.body.version}`);
    expect(await page.locator('#pledge-min').inputValue()).toBe('100');
    await page.screenshot({ path: join(SHOTS, 'version-conflict.png'), fullPage: true });
    await page.getByRole('button', { name: `Save mine over version ${theirs.body.version}` }).click();
    await page.getByText(`Saved (version ${theirs.body.version + 1}).`).waitFor();
    expect(errors).toEqual([]);
  });

  it('sends a pledge for four-eyes approval and lets a second delegate confirm it', async () => {
    const first = await open();
    await signIn(first.page, server.url, 'demo-delegate-de');
    await first.page.goto(`${server.url}/pledges/de-5`);
    await first.page.locator('#pledge-status').selectOption('approved');
    await first.page.getByRole('button', { name: 'Save' }).click();
    await first.page.getByText('Sent for approval').waitFor();
    await first.page.getByTestId('pending-approval').getByRole('button', { name: 'Withdraw my request' }).waitFor();
    expect(await first.page.getByTestId('pending-approval').getByRole('button', { name: 'Confirm (approve)' }).count()).toBe(0);

    const second = await open();
    await signIn(second.page, server.url, 'demo-delegate-de-2');
    await second.page.goto(`${server.url}/pledges/de-5`);
    await second.page.getByTestId('pending-approval').getByRole('button', { name: 'Confirm (approve)' }).click();
    await second.page.getByText('Approved and written.').waitFor();
    const stored = await apiFromPage<{ status: string }>(second.page, 'GET', '/api/pledges/de-5');
    expect(stored.body.status).toBe('approved');
    expect([...first.errors, ...second.errors]).toEqual([]);
  });

  it('keeps the first load small: ECharts, the map and the editor load on demand', async () => {
    const initial = await measureInitialJs(DEFAULT_WEB_ROOT);
    expect(initial.files.length).toBeGreaterThan(0);
    expect(initial.gzipBytes).toBeLessThanOrEqual(400 * 1024);
    const { page, errors } = await open();
    await signIn(page, server.url, 'demo-analyst');
    await page.locator('.coverage-row').first().waitFor();
    await page.getByRole('link', { name: 'Map' }).click();
    await page.locator('path[data-party="DE"]').waitFor();
    await page.locator('path[data-party="DE"]').hover();
    await page.getByTestId('map-details').getByRole('link', { name: 'Germany' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'map.png'), fullPage: true });
    await page.locator('path[data-party="DE"]').click();
    await page.getByRole('heading', { name: /Germany/ }).waitFor();
    expect(page.url()).toBe(`${server.url}/parties/DE`);
    expect(errors).toEqual([]);
  });

  it('shows the state at a past date with the as-of picker', async () => {
    const { page, errors } = await open();
    await signIn(page, server.url, 'demo-analyst');
    await page.locator('.coverage-row').first().waitFor();
    await page.locator('#as-of').fill('2025-09-04');
    await page.locator('[data-scenario^="2025-09-04|"][aria-busy="false"]').waitFor();
    const shown = await readCoverage(page);
    const api = await apiFromPage<{ coverage: { requirement: string; supplyMin: number; supplyMax: number }[] }>(page, 'POST', '/api/scenarios/evaluate', { facts: [], asOf: '2025-09-04' });
    expect(shown).toEqual(Object.fromEntries(api.body.coverage.map((row) => [row.requirement, [row.supplyMin, row.supplyMax]])));
    await page.getByRole('link', { name: 'Sanctions & meetings' }).click();
    await page.locator('.timeline time').first().waitFor();
    const dates = await page.locator('.timeline time').allTextContents();
    expect(dates.every((date) => date <= '2025-09-04')).toBe(true);
    expect(errors).toEqual([]);
  });

  it('shows the PURL board, financing plans and burden sharing from the funding API', async () => {
    const { page, errors } = await open();
    await signIn(page, server.url, 'demo-analyst');
    await page.getByRole('link', { name: 'PURL board' }).click();
    await page.locator('[data-fund="purl-2025"] [data-package]').first().waitFor();
    const shown = await page.$$eval('[data-fund="purl-2025"] [data-package]', (cards) => cards.map((card) => [card.getAttribute('data-package'), Number(card.getAttribute('data-funded-pct'))]));
    const allocation = await apiFromPage<{ allocation: { packages: { id: string; priority: number; fundedShare: number }[] } }>(page, 'GET', '/api/funds/purl-2025/allocation');
    const expected = [...allocation.body.allocation.packages].sort((a, b) => a.priority - b.priority || a.id.localeCompare(b.id)).map((pkg) => [pkg.id, Math.min(100, Math.round(pkg.fundedShare * 100))]);
    expect(shown).toEqual(expected);
    await page.screenshot({ path: join(SHOTS, 'purl.png'), fullPage: true });
    await page.getByRole('link', { name: 'Financing' }).click();
    await page.getByRole('rowheader', { name: 'Germany' }).waitFor();
    await page.screenshot({ path: join(SHOTS, 'financing.png'), fullPage: true });
    await page.goto(`${server.url}/parties/DE`);
    await page.getByTestId('burden').getByText(/Share of GDP: [\d.]+ %/).waitFor();
    await page.screenshot({ path: join(SHOTS, 'party-de.png'), fullPage: true });
    expect(errors).toEqual([]);
  });

  it('offers requirement editing to a coordinator only, and saves it with the version', async () => {
    const analyst = await open();
    await signIn(analyst.page, server.url, 'demo-analyst');
    await analyst.page.goto(`${server.url}/requirements`);
    await analyst.page.getByText('Coordinators edit requirements and packages.').waitFor();
    expect(await analyst.page.getByRole('button', { name: 'Edit' }).count()).toBe(0);

    const { page, errors } = await open();
    await signIn(page, server.url, 'demo-coordinator');
    await page.goto(`${server.url}/requirements`);
    await page.locator('tr', { hasText: 'req-air-defence' }).getByRole('button', { name: 'Edit' }).click();
    await page.locator('#demand-req-air-defence').fill('12');
    await page.getByRole('button', { name: 'Save' }).first().click();
    await page.getByText('Saved (version 2).').waitFor();
    const stored = await apiFromPage<{ quantity: number; version: number }>(page, 'GET', '/api/requirements/req-air-defence');
    expect(stored.body).toMatchObject({ quantity: 12, version: 2 });
    expect([...analyst.errors, ...errors]).toEqual([]);
  });

  it('switches to German', async () => {
    const { page, errors } = await open();
    await signIn(page, server.url, 'demo-coordinator');
    await page.locator('.coverage-row').first().waitFor();
    await page.locator('#language').selectOption('de');
    await page.getByRole('link', { name: 'Überblick' }).waitFor();
    expect(await page.getByTestId('headline-states').textContent()).toMatch(/^\d+ von \d+ Koalitionsstaaten/);
    expect(await page.locator('html').getAttribute('lang')).toBe('de');
    // Explanations are rendered from the structured reasons in German, with capability names.
    const explanations = (await page.locator('.explanations li').allTextContents()).join('\n');
    expect(explanations).toMatch(/ inaktiv: /);
    expect(explanations).toMatch(/erfordert |wartet auf /);
    expect(explanations).not.toMatch(/ inactive: |needs |waits for /);
    await expect.poll(() => page.locator('.coverage-row', { hasText: 'Bodentruppen' }).count()).toBeGreaterThan(0);
    expect(await page.locator('.coverage-row', { hasText: 'Bodentruppen' }).first().textContent()).toContain('land.personnel');
    await page.screenshot({ path: join(SHOTS, 'overview-de.png'), fullPage: true });
    // The same German explanation on the explained pledge's party page.
    const first = page.locator('.explanations li').first();
    const pledge = (await first.locator('a[href^="/pledges/"]').textContent()) ?? '';
    await first.locator('a[href^="/parties/"]').click();
    const row = page.locator('.party tr', { has: page.locator(`a[href="/pledges/${pledge}"]`) });
    await row.waitFor();
    expect(await row.textContent()).toContain(`${pledge} inaktiv: `);
    expect(errors).toEqual([]);
  });
});
