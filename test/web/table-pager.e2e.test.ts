import { describe, expect, it } from 'vitest';
import { openWatchedPage, signIn } from './browser-session.js';
import { useServedDashboard } from './served-dashboard.js';

// The shared table's pager on a phone (390×844), where a page of 100 cards is ~20,000 px tall: the pager is in
// reach from the first screen, turning a page from the bottom shows the new page's first card, and the count
// names the rows drawn while the next page loads (it said "201–300 of 211 rows" before).

const ADDED = 180;

describe('the table pager on a phone', () => {
  const served = useServedDashboard('pager');

  it('keeps the pager in reach, starts a new page at its first card, and counts the rows drawn', async () => {
    const server = served.server();
    const { page, errors } = await openWatchedPage(served.browser());
    await page.setViewportSize({ width: 390, height: 844 });
    await signIn(page, server.url, 'demo-delegate-de');
    const created = await page.evaluate(async (count) => {
      const { csrfToken } = (await (await fetch('/api/session')).json()) as { csrfToken: string };
      let ok = 0;
      for (let i = 0; i < count; i++) {
        const body = JSON.stringify({ id: `pager-${String(i).padStart(3, '0')}`, party: 'DE', capability: 'land.personnel', quantity: 100 + i, condition: 'true' });
        const response = await fetch('/api/pledges', { method: 'POST', headers: { 'content-type': 'application/json', 'x-csrf-token': csrfToken }, body });
        if (response.ok) ok += 1;
      }
      return ok;
    }, ADDED);
    expect(created).toBe(ADDED);

    await page.goto(`${server.url}/pledges?pledges.page=2`);
    const table = page.locator('[data-table="pledges"]');
    const status = table.locator('[role="status"]');
    await table.locator('tbody tr').first().waitFor();
    const total = Number(/of (\d+) rows/.exec(await status.innerText())?.[1]);
    expect(total).toBeGreaterThan(200);
    expect(await status.innerText()).toBe(`101–200 of ${total} rows`);
    // The pager is on the first screen, above the fold, though it follows 100 cards.
    const pager = table.locator('.table-pages');
    const box = await pager.boundingBox();
    expect(box && box.y >= 0 && box.y + box.height <= 844, JSON.stringify(box)).toBe(true);
    expect(await pager.innerText()).toMatch(/Page 2 of 3 \(101–200 of \d+ rows\)/);

    // From the bottom of the page: Next, with the answer held back a moment to see the count while it loads.
    await page.evaluate('window.scrollTo(0, document.documentElement.scrollHeight)');
    let release: () => void = () => undefined;
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route('**/api/scenarios/pledges?**', async (route) => {
      await held;
      await route.continue();
    });
    await page.getByTestId('pledges-next').click();
    await page.waitForURL(/pledges\.page=3/);
    await table.locator('.table-scroll[aria-busy="true"]').waitFor();
    expect(await status.innerText()).toBe(`101–200 of ${total} rows`);
    release();
    await expect.poll(() => status.innerText(), { timeout: 30_000 }).toBe(`201–${total} of ${total} rows`);
    const first = await table.locator('tbody tr').first().boundingBox();
    expect(first && first.y >= 0 && first.y < 844, JSON.stringify(first)).toBe(true);
    expect(errors).toEqual([]);
  }, 300_000);
});
