import type { Browser, Page } from 'playwright-core';

// A browser page for the dashboard tests: collects console errors (except the answers a test provokes on
// purpose) and signs in through the login page the way a person does.

export interface WatchedPage {
  page: Page;
  /** Console errors and uncaught exceptions seen so far. */
  errors: string[];
  /** Allow failed loads with this status on URLs containing this text (e.g. 401 on /api/session). */
  allow: (status: number, urlPart: string) => void;
}

/** A new page (own context, so own cookies) that records console errors. */
export async function openWatchedPage(browser: Browser): Promise<WatchedPage> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  const page = await context.newPage();
  const errors: string[] = [];
  // The API's own answers for "not signed in" and "no pending approval": the browser logs them, the app expects them.
  const allowed: { status: number; urlPart: string }[] = [
    { status: 401, urlPart: '/api/session' },
    { status: 404, urlPart: '/approval' },
  ];
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const url = message.location().url;
    const status = /status of (\d{3})/.exec(message.text())?.[1];
    if (status && allowed.some((entry) => entry.status === Number(status) && url.includes(entry.urlPart))) return;
    errors.push(`${message.text()} (${url})`);
  });
  page.on('pageerror', (error) => errors.push(`uncaught: ${error.message}`));
  return { page, errors, allow: (status, urlPart) => allowed.push({ status, urlPart }) };
}

/** Sign in with a demo account chosen on the login page; resolves once the header names the user. */
export async function signIn(page: Page, baseUrl: string, account: string): Promise<void> {
  await page.goto(`${baseUrl}/login`);
  await page.getByRole('button', { name: `Use ${account}`, exact: true }).click();
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  // On a phone the header's menu is collapsed: the name is there, not shown.
  await page.getByTestId('session-user').filter({ hasText: account }).waitFor({ state: 'attached' });
}

/** Call the API from inside the page (its session cookie and CSRF token), as the app itself would. */
export async function apiFromPage<T>(page: Page, method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
  return page.evaluate(
    async ({ method, path, body }) => {
      const session = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      const response = await fetch(path, {
        method,
        headers: { 'content-type': 'application/json', 'x-csrf-token': session.csrfToken },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      return { status: response.status, body: (await response.json()) as T };
    },
    { method, path, body },
  );
}

/** Coverage as the page draws it: requirement → [certain minimum, possible maximum]. */
export async function readCoverage(page: Page): Promise<Record<string, [number, number]>> {
  return page.$$eval('.coverage-row', (rows) =>
    Object.fromEntries(rows.map((row) => [row.getAttribute('data-requirement'), [Number(row.getAttribute('data-min')), Number(row.getAttribute('data-max'))]])),
  );
}
