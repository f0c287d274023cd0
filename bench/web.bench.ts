import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { DEFAULT_WEB_ROOT } from '../src/api/web-assets.js';
import { buildWeb } from '../test/support/build-web.js';
import { launchChromium } from '../test/support/chromium.js';
import { formatNumber, formatTable, median } from './bench-support.js';
import { measureInitialJs } from './support/initial-bundle.js';
import { startServerProcess } from './support/server-process.js';

// Web dashboard benchmark (DESIGN.md §9, docs/performance.md "Web dashboard"): builds the app, starts
// `coalition serve --demo` on a fresh PGlite store and drives Debian's chromium (headless, playwright-core).
// - time to interactive: a first visit (fresh browser context, empty cache, signed in) until the overview's
//   coverage is drawn and its switches are live, from the navigation start (performance.now() in the page);
// - scenario switch: from the click on a fact switch until the new coverage is drawn (the page's next frame),
//   walking a Gray code over four facts so every switch asks the server for a scenario it has not seen;
// - reference: a trivial page of the same server (GET /health) loaded the same way in the same run.
// Medians over --runs; ratios to the reference. Prints PASS/MISS per target and always exits 0.
// Usage: npm run bench:web [-- --runs=7]

const TARGETS = { interactiveMs: 1500, switchMs: 200, initialJsKb: 400 };
const SWITCH_FACTS = ['ceasefire', 'us_backstop', 'mandate.DE', 'russia_negotiates'];

function option(name: string, fallback: number): number {
  const raw = process.argv.find((arg) => arg.startsWith(`--${name}=`))?.split('=')[1];
  const value = raw === undefined ? fallback : Number(raw);
  if (!Number.isInteger(value) || value < 1) throw new Error(`--${name} must be a whole number ≥ 1`);
  return value;
}

async function signedInContext(browser: Browser, url: string): Promise<BrowserContext> {
  const response = await fetch(`${url}/api/session`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ name: 'demo-analyst', password: 'demo-analyst-password' }) });
  if (!response.ok) throw new Error(`login failed: ${response.status} ${await response.text()}`);
  const token = /cl_session=([^;]+)/.exec(response.headers.get('set-cookie') ?? '')?.[1];
  if (!token) throw new Error('login set no cl_session cookie');
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.addCookies([{ name: 'cl_session', value: token, url }]);
  return context;
}

type Ready = 'overview' | 'reference';

// What the page functions use of the browser (this file is type-checked without the DOM library).
interface PageElement {
  getAttribute(name: string): string | null;
  click(): void;
  textContent: string | null;
}
interface PageGlobals {
  document: { querySelector(selector: string): PageElement | null; getElementById(id: string): PageElement | null; body: PageElement | null };
  requestAnimationFrame(callback: (time: number) => void): number;
}

/** Milliseconds from navigation start until the page is ready (checked every frame; a function, as the CSP forbids eval). */
async function timeUntil(page: Page, url: string, ready: Ready): Promise<number> {
  await page.goto(url, { waitUntil: 'commit' });
  const handle = await page.waitForFunction(
    (kind: Ready) => {
      const { document } = globalThis as unknown as PageGlobals;
      const done =
        kind === 'overview'
          ? document.querySelector('.overview[aria-busy="false"] .coverage-row') !== null && document.querySelector('#fact-ceasefire-true:not([disabled])') !== null
          : (document.body?.textContent ?? '').includes('"ok"');
      return done ? performance.now() : false;
    },
    ready,
    { polling: 'raf', timeout: 60_000 },
  );
  return Number(await handle.jsonValue());
}

/** Click a fact switch and wait for the coverage of the new scenario to be drawn; milliseconds. */
function timeSwitch(page: Page, fact: string, value: string): Promise<number> {
  return page.evaluate(
    async ({ fact, value }) => {
      const { document, requestAnimationFrame } = globalThis as unknown as PageGlobals;
      const start = performance.now();
      document.getElementById(`fact-${fact}-${value}`)?.click();
      // A loop rather than a named helper: tsx would wrap a named function in __name, which the page lacks.
      for (;;) {
        const root = document.querySelector('.overview');
        if (root?.getAttribute('aria-busy') === 'false' && (root.getAttribute('data-scenario') ?? '').includes(`${fact}=${value}`)) break;
        await new Promise((resolve) => requestAnimationFrame(resolve));
      }
      await new Promise((resolve) => requestAnimationFrame(resolve));
      return performance.now() - start;
    },
    { fact, value },
  );
}

async function main(): Promise<void> {
  const runs = option('runs', 7);
  await buildWeb();
  const bundle = await measureInitialJs(DEFAULT_WEB_ROOT);
  const directory = await mkdtemp(join(os.tmpdir(), 'coalition-web-bench-'));
  const server = await startServerProcess({ COALITION_DATA: directory });
  const browser = await launchChromium();
  try {
    const reference: number[] = [];
    const interactive: number[] = [];
    const switches: number[] = [];
    for (let run = 0; run < runs + 1; run++) {
      // Interleaved, a fresh context (empty cache) each time; the first round warms the server and is dropped.
      const context = await signedInContext(browser, server.url);
      const page = await context.newPage();
      const referenceMs = await timeUntil(page, `${server.url}/health`, 'reference');
      const interactiveMs = await timeUntil(page, `${server.url}/`, 'overview');
      if (run > 0) {
        reference.push(referenceMs);
        interactive.push(interactiveMs);
        // Gray code over four facts (true ↔ false): 15 switches, each to a scenario not evaluated before in this context.
        for (let step = 1; step < 16; step++) {
          const bit = Math.log2((step ^ (step >> 1)) ^ ((step - 1) ^ ((step - 1) >> 1)));
          const code = step ^ (step >> 1);
          switches.push(await timeSwitch(page, SWITCH_FACTS[bit] as string, code & (1 << bit) ? 'true' : 'false'));
        }
      }
      await context.close();
    }
    const ref = median(reference);
    const rows = [
      ['reference: GET /health in the browser', String(reference.length), formatNumber(ref, 1), '1.0', '—', '—'],
      ['time to interactive (first visit)', String(interactive.length), formatNumber(median(interactive), 1), formatNumber(median(interactive) / ref, 1), `≤ ${TARGETS.interactiveMs} ms`, median(interactive) <= TARGETS.interactiveMs ? 'PASS' : 'MISS'],
      ['scenario switch → redrawn', String(switches.length), formatNumber(median(switches), 1), formatNumber(median(switches) / ref, 1), `≤ ${TARGETS.switchMs} ms`, median(switches) <= TARGETS.switchMs ? 'PASS' : 'MISS'],
    ];
    const sorted = [...switches].sort((a, b) => a - b);
    console.log(`Web dashboard on the demo data (${os.cpus().length} cores, load ${os.loadavg()[0]?.toFixed(2)}), chromium headless, ${runs} runs:\n`);
    console.log(formatTable(['what', 'samples', 'median ms', '× reference', 'target', ''], rows));
    console.log(`\nscenario switch: min ${formatNumber(sorted[0], 1)} ms, max ${formatNumber(sorted[sorted.length - 1], 1)} ms`);
    const kb = bundle.gzipBytes / 1024;
    console.log(`initial JS: ${bundle.files.join(', ')} — ${formatNumber(kb, 1)} kB gzip (${formatNumber(bundle.rawBytes / 1024, 1)} kB raw), target ≤ ${TARGETS.initialJsKb} kB: ${kb <= TARGETS.initialJsKb ? 'PASS' : 'MISS'}`);
  } finally {
    await browser.close();
    await server.stop();
    await rm(directory, { recursive: true, force: true });
  }
}

await main();
