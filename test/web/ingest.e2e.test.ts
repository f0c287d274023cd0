import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../bench/support/server-process.js';
import { buildWeb } from '../support/build-web.js';
import { launchChromium } from '../support/chromium.js';
import { apiFromPage, openWatchedPage, signIn } from './browser-session.js';

// The Ingest page in a real browser against `coalition serve --demo`: bad input is explained in the page; an
// article pasted gives proposals with their quotes marked; a coordinator edits (a field's problem named beside
// it) and accepts the meeting, which is then a record citing the article, and rejects a pledge, which writes
// nothing; the decisions are still there after a reload; what is already recorded says so, in German too.

const SETUP_TIMEOUT = 15 * 60_000;
const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-output', 'web');

const ARTICLE = [
  'NATO defence ministers met in Brussels on Monday to discuss support for Ukraine.',
  'Germany will send up to 1,000 soldiers to Ukraine after a ceasefire, Chancellor Friedrich Merz said.',
  'France offered two frigates for a Black Sea mission.',
  'Poland, Norway and Germany have given $500 million to the PURL initiative.',
  'A ceasefire is still nowhere in sight.',
].join('\n');

describe('the Ingest page in chromium', () => {
  let directory: string;
  let server: ServerProcess;
  let browser: Browser;

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    directory = await mkdtemp(join(tmpdir(), 'coalition-ingest-web-'));
    [, server, browser] = await Promise.all([buildWeb(), startServerProcess({ COALITION_DATA: directory }), launchChromium()]);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  it('pastes an article, accepts an edited meeting, rejects a pledge, and keeps the decisions', async () => {
    const { page, errors, allow } = await openWatchedPage(browser);
    // The refusals the test provokes on purpose: an empty article is caught in the page, French by the server.
    allow(400, '/api/ingest');
    await signIn(page, server.url, 'demo-coordinator');
    await page.goto(`${server.url}/ingest?lang=en`);
    const propose = page.getByRole('button', { name: 'Propose records' });
    await propose.click();
    expect(await page.getByTestId('ingest-problem').textContent()).toBe('The article is empty: paste its text or choose a file.');
    await page.locator('#ingest-text').fill('Le gouvernement a conclu un accord avec ses partenaires pour la sécurité de l’Ukraine.');
    await propose.click();
    await expect.poll(() => page.getByTestId('ingest-problem').textContent()).toContain('Cannot tell whether the article is German or English');

    await page.locator('#ingest-text').fill(ARTICLE);
    await page.locator('#ingest-date').fill('2025-12-05');
    await page.locator('#ingest-publisher').fill('Example News');
    await propose.click();
    const meeting = page.locator('li.proposal[data-kind="meeting"]');
    await meeting.waitFor();
    const id = new URL(page.url()).searchParams.get('ingest') ?? '';
    expect(id).toMatch(/^ing-/);
    // Already recorded in the demo data: shown as such, by name, with nothing to accept.
    const contribution = page.locator('li.proposal[data-kind="contribution"]');
    expect(await contribution.getAttribute('data-status')).toBe('recorded');
    await expect.poll(() => contribution.locator('.duplicate').textContent()).toMatch(/^Already recorded: Poland, Norway, Germany · /);
    expect(await contribution.getByRole('button', { name: 'Accept' }).count()).toBe(0);

    // The meeting's quote in the article leads to its proposal.
    await page.locator('mark.quote', { hasText: 'NATO defence ministers met in Brussels' }).locator('a').click();
    await expect.poll(() => meeting.getAttribute('class')).toContain('selected');

    await meeting.getByRole('button', { name: 'Edit' }).click();
    const title = meeting.getByLabel('Title');
    await title.fill('');
    await meeting.getByRole('button', { name: 'Accept with these changes' }).click();
    expect(await meeting.locator('.field-problem').first().textContent()).toBe('Required.');
    expect(await title.getAttribute('aria-invalid')).toBe('true');
    await title.fill('NATO defence ministers, Brussels');
    await meeting.getByRole('button', { name: 'Accept with these changes' }).click();
    await expect.poll(() => meeting.getAttribute('data-status')).toBe('accepted');
    const created = meeting.locator('a[data-testid^="created-"]');
    expect(await created.textContent()).toContain('ministers’ meeting');

    const view = await apiFromPage<{ proposals: { proposal: { kind: string; party?: string }; status: string; created: { id: string }[]; draft: { record: { id: string } } | null }[] }>(page, 'GET', `/api/ingest/${id}`);
    const meetingId = view.body.proposals.find((p) => p.proposal.kind === 'meeting')?.created[0]?.id ?? '';
    const record = await apiFromPage<{ title: string; sources: string[] }>(page, 'GET', `/api/meetings/${meetingId}`);
    expect(record.body.title).toBe('NATO defence ministers, Brussels');
    const source = await apiFromPage<{ publisher: string; quote: string }>(page, 'GET', `/api/sources/${record.body.sources[0] ?? ''}`);
    expect(source.body).toMatchObject({ publisher: 'Example News', quote: 'NATO defence ministers met in Brussels on Monday to discuss support for Ukraine.' });

    // A coordinator does not accept France's pledge (its delegate would) but may reject it: nothing is written.
    const french = page.locator('li.proposal[data-kind="pledge"]', { hasText: 'France' });
    expect(await french.getByRole('button', { name: 'Accept' }).count()).toBe(0);
    expect(await french.textContent()).toContain('A delegate of France accepts this.');
    await french.getByRole('button', { name: 'Reject' }).click();
    await expect.poll(() => french.getAttribute('data-status')).toBe('rejected');
    const frenchDraft = view.body.proposals.find((p) => p.proposal.kind === 'pledge' && p.proposal.party === 'FR')?.draft?.record.id ?? '';
    allow(404, `/api/pledges/${frenchDraft}`);
    expect((await apiFromPage(page, 'GET', `/api/pledges/${frenchDraft}`)).status).toBe(404);
    await page.screenshot({ path: join(SHOTS, 'ingest-decided.png'), fullPage: true });

    // Stored on the server: a reload (in German) shows the same decisions.
    await page.goto(`${server.url}/ingest?ingest=${id}&lang=de`);
    await meeting.waitFor();
    expect(await meeting.getAttribute('data-status')).toBe('accepted');
    expect(await french.getAttribute('data-status')).toBe('rejected');
    await expect.poll(() => contribution.locator('.duplicate').textContent()).toMatch(/^Schon erfasst: Polen, Norwegen, Deutschland · /);
    expect(errors).toEqual([]);
  }, 5 * 60_000);
});
