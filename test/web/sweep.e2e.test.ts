import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../bench/support/server-process.js';
import { CAPABILITY_CATALOGUE } from '../../src/core/capabilities.js';
import { buildWeb } from '../support/build-web.js';
import { launchChromium } from '../support/chromium.js';
import { apiFromPage, signIn } from './browser-session.js';
import { axeViolations, horizontalOverflow, injectAxe, rawIdsInText, waitForSettled } from './page-checks.js';

// Every page, as an analyst and as a delegate, in English and German, on a desk (1440×900) and a phone
// (390×844): no console error, no sideways scrolling, no serious or critical axe-core violation, and no raw id
// of a party, fact, capability or requirement standing alone where the record has a name. One browser, one
// signed-in context per role and screen; a screenshot of each page goes to test-output/web/sweep/.

const SETUP_TIMEOUT = 15 * 60_000;
const SHOTS = join(new URL('../../', import.meta.url).pathname, 'test-output', 'web', 'sweep');

const PAGES: { name: string; path: string }[] = [
  { name: 'overview', path: '/' },
  { name: 'map', path: '/map' },
  { name: 'party-de', path: '/parties/DE' },
  { name: 'pledges', path: '/pledges' },
  { name: 'pledge-fr-1', path: '/pledges/fr-1' },
  { name: 'pledge-new', path: '/pledges/new' },
  { name: 'requirements', path: '/requirements' },
  { name: 'purl', path: '/purl' },
  { name: 'financing', path: '/financing' },
  { name: 'analysis', path: '/analysis' },
  { name: 'sanctions', path: '/sanctions' },
  { name: 'guarantees', path: '/guarantees' },
  { name: 'timeline', path: '/timeline' },
  { name: 'changes', path: '/changes' },
  { name: 'sources', path: '/sources' },
  { name: 'public', path: '/public' },
  { name: 'ingest', path: '/ingest' },
  { name: 'incidents', path: '/incidents' },
  // An article pasted by the delegate (the proposals are theirs; the analyst sees that the page is not for them).
  { name: 'ingest-article', path: '/ingest?ingest={ingest}' },
];

/** The article the sweep's delegate ingests: a meeting, pledges, a contribution and a fact, in German. */
const INGEST_ARTICLE = [
  'Stand: 05.12.2025',
  'Die Verteidigungsminister der NATO trafen sich am Montag in Brüssel.',
  'Deutschland wird nach einem Waffenstillstand bis zu 1.000 Soldaten in die Ukraine schicken, sagte Bundeskanzler Friedrich Merz.',
  'Frankreich bietet zwei Fregatten für eine Mission im Schwarzen Meer an.',
  'Polen, Norwegen und Deutschland geben gemeinsam 500 Millionen Euro für das PURL-Programm.',
  'Ein Waffenstillstand ist nicht in Sicht.',
].join('\n');
const VIEWPORTS = [
  { name: 'desk', width: 1440, height: 900 },
  { name: 'phone', width: 390, height: 844 },
] as const;
const ROLES = [
  { name: 'analyst', account: 'demo-analyst' },
  { name: 'delegate', account: 'demo-delegate-de' },
] as const;
const LANGUAGES = ['en', 'de'] as const;

interface Signed {
  context: BrowserContext;
  page: Page;
  errors: string[];
}

describe('every page in chromium: no overflow, no serious accessibility violation, names not ids', () => {
  let directory: string;
  let server: ServerProcess;
  let browser: Browser;
  let ids: string[] = [];
  let ingestId = '';
  const signed = new Map<string, Signed>();

  // One signed-in context per role and screen; the phone's is a mobile one (overlay scrollbars, touch), as on a phone.
  const open = async (role: (typeof ROLES)[number], viewport: (typeof VIEWPORTS)[number] = VIEWPORTS[0]): Promise<Signed> => {
    const key = `${role.name}:${viewport.name}`;
    const existing = signed.get(key);
    if (existing) return existing;
    const phone = viewport.name === 'phone';
    const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: phone, hasTouch: phone });
    await injectAxe(context);
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() !== 'error') return;
      const url = message.location().url;
      // The API's expected answers: not signed in yet, no pending approval.
      if (/status of (401|404)/.test(message.text()) && (url.includes('/api/session') || url.includes('/approval'))) return;
      errors.push(`${message.text()} (${url})`);
    });
    page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
    await signIn(page, server.url, role.account);
    const entry = { context, page, errors };
    signed.set(key, entry);
    return entry;
  };

  beforeAll(async () => {
    await mkdir(SHOTS, { recursive: true });
    directory = await mkdtemp(join(tmpdir(), 'coalition-sweep-'));
    [, server, browser] = await Promise.all([buildWeb(), startServerProcess({ COALITION_DATA: directory }), launchChromium()]);
    const { page } = await open(ROLES[0]);
    const list = async <T>(path: string): Promise<T[]> => (await apiFromPage<{ items: T[] }>(page, 'GET', `${path}?limit=500`)).body.items;
    const parties = await list<{ id: string; kind: string; name: { en: string } }>('/api/parties');
    const facts = await list<{ id: string; name?: unknown }>('/api/facts');
    const requirements = await list<{ id: string }>('/api/requirements');
    ids = [
      // States by their codes; institutions are known by their abbreviations (EU, NATO) and keep them.
      ...parties.filter((party) => party.kind === 'state' && party.name.en !== party.id).map((party) => party.id),
      // Facts with a name; an id that is a plain word (ceasefire, violation) also stands in people's prose, so only
      // identifier-like ids (us_backstop, mandate.DE) are looked for.
      ...facts.filter((fact) => fact.name !== undefined && /[_.]/.test(fact.id)).map((fact) => fact.id),
      ...CAPABILITY_CATALOGUE.map((capability) => capability.id),
      ...requirements.map((requirement) => requirement.id),
    ];
    const delegate = await open(ROLES[1]);
    const ingested = await apiFromPage<{ id: string }>(delegate.page, 'POST', '/api/ingest', { text: INGEST_ARTICLE, publisher: 'Sweep' });
    if (ingested.status !== 200) throw new Error(`ingest for the sweep: ${ingested.status}`);
    ingestId = ingested.body.id;
  }, SETUP_TIMEOUT);
  it('signed out: the sign-in page and the public summary, EN and DE, desk and phone, with no navigation', async () => {
    const problems: string[] = [];
    const errors: string[] = [];
    for (const viewport of VIEWPORTS) {
      const phone = viewport.name === 'phone';
      const context = await browser.newContext({ viewport: { width: viewport.width, height: viewport.height }, isMobile: phone, hasTouch: phone });
      await injectAxe(context);
      const page = await context.newPage();
      page.on('console', (message) => {
        if (message.type() === 'error' && !(/status of (401|404)/.test(message.text()) && message.location().url.includes('/api/session'))) errors.push(message.text());
      });
      for (const language of LANGUAGES) {
        for (const path of ['/login', '/public', '/pledges/fr-1']) {
          await page.goto(`${server.url}${path}?lang=${language}`);
          await waitForSettled(page);
          const where = `signed out ${language} ${viewport.name} ${path}`;
          if (await page.locator('header.top nav').count()) problems.push(`${where}: navigation shown`);
          const overflow = await horizontalOverflow(page);
          if (overflow) problems.push(`${where}: page ${overflow.scrollWidth} px wide`);
          for (const violation of await axeViolations(page)) problems.push(`${where}: axe ${violation}`);
          await page.screenshot({ path: join(SHOTS, `signed-out-${language}-${viewport.name}-${path.split('/').filter(Boolean).join('-')}.png`), fullPage: true });
        }
      }
      await context.close();
    }
    expect([...problems, ...errors]).toEqual([]);
  }, 5 * 60_000);

  afterAll(async () => {
    for (const entry of signed.values()) await entry.context.close();
    await browser?.close();
    await server?.stop();
    await rm(directory, { recursive: true, force: true });
  });

  for (const role of ROLES) {
    for (const language of LANGUAGES) {
      for (const viewport of VIEWPORTS) {
        it(`${role.name}, ${language}, ${viewport.name} ${viewport.width}×${viewport.height}`, async () => {
          const { page, errors } = await open(role, viewport);
          const problems: string[] = [];
          for (const target of PAGES) {
            const before = errors.length;
            const path = target.path.replace('{ingest}', ingestId);
            await page.goto(`${server.url}${path}${path.includes('?') ? '&' : '?'}lang=${language}`);
            await waitForSettled(page);
            const where = `${path}`;
            const overflow = await horizontalOverflow(page);
            if (overflow) problems.push(`${where}: page ${overflow.scrollWidth} px wide in a ${overflow.innerWidth} px window`);
            for (const violation of await axeViolations(page)) problems.push(`${where}: axe ${violation}`);
            for (const raw of await rawIdsInText(page, ids)) problems.push(`${where}: raw id ${raw}`);
            for (const error of errors.slice(before)) problems.push(`${where}: console ${error}`);
            await page.screenshot({ path: join(SHOTS, `${role.name}-${language}-${viewport.name}-${target.name}.png`), fullPage: true });
          }
          expect(problems).toEqual([]);
        }, 5 * 60_000);
      }
    }
  }
});
