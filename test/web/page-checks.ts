import { createRequire } from 'node:module';
import type { BrowserContext, Page } from 'playwright-core';

// What the page sweep checks on every page: horizontal overflow, axe-core's serious and critical violations,
// and raw ids standing alone in visible text where the record has a name. The parts that run in the page are
// plain JavaScript in strings (the node build has no DOM types).

const require = createRequire(import.meta.url);
const axeSource: string = (require('axe-core') as { source: string }).source;

/** Make axe-core available in every page of the context (injected before the app's own scripts). */
export async function injectAxe(context: BrowserContext): Promise<void> {
  await context.addInitScript({ content: axeSource });
}

/** The page is wider than the window (the page scrolls sideways): the widths, else null. */
export async function horizontalOverflow(page: Page): Promise<{ scrollWidth: number; innerWidth: number } | null> {
  const widths = await page.evaluate<{ scrollWidth: number; innerWidth: number }>('({ scrollWidth: document.documentElement.scrollWidth, innerWidth: window.innerWidth })');
  return widths.scrollWidth > widths.innerWidth ? widths : null;
}

const RUN_AXE = `(async () => {
  const result = await window.axe.run(document, { resultTypes: ['violations'] });
  return result.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => violation.id + ' (' + violation.impact + '): ' + violation.help + ' — ' + violation.nodes.slice(0, 3).map((node) => JSON.stringify(node.target)).join(', '));
})()`;

/** axe-core's serious and critical violations on the page, one line each (rule, impact, first targets). */
export async function axeViolations(page: Page): Promise<string[]> {
  return page.evaluate<string[]>(RUN_AXE);
}

const FIND_IDS = `((list) => {
  const wanted = new Set(list);
  const found = [];
  const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    const parent = node.parentElement;
    if (!parent || parent.closest('code, pre, select, script, style, [data-free-text], .visually-hidden, [aria-hidden="true"]')) continue;
    if (!parent.checkVisibility()) continue;
    const text = node.textContent || '';
    for (const raw of text.split(/[\\s,;:()[\\]{}"'“”‘’«»·→↔/|+=<>!?…–—]+/)) {
      const token = raw.replace(/\\.+$/, '');
      if (wanted.has(token)) found.push(token + ' in "' + text.trim().slice(0, 80) + '"');
    }
  }
  return [...new Set(found)];
})`;

/**
 * Ids standing alone in visible text: a token of a visible text node equal to one of `ids`. Text inside code,
 * pre, select menus and elements marked data-free-text (notes, quotes and titles people wrote) does not count.
 */
export async function rawIdsInText(page: Page, ids: readonly string[]): Promise<string[]> {
  return page.evaluate<string[]>(`${FIND_IDS}(${JSON.stringify(ids)})`);
}

type PageDocument = { querySelector: (selector: string) => { textContent: string | null } | null };

/** The page has settled: no part of it is loading and the main content is drawn. (A function, not a string: a string predicate is evaluated with eval, which the app's CSP refuses.) */
export async function waitForSettled(page: Page): Promise<void> {
  await page.waitForLoadState('networkidle');
  await page.waitForFunction(() => {
    const document = (globalThis as unknown as { document: PageDocument }).document;
    const main = document.querySelector('main');
    return main !== null && document.querySelector('[aria-busy="true"]') === null && (main.textContent ?? '').length > 20;
  });
}
