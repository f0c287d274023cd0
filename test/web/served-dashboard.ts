import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { type ServerProcess, startServerProcess } from '../../bench/support/server-process.js';
import { buildWeb } from '../support/build-web.js';
import { launchChromium } from '../support/chromium.js';

// A browser suite's fixtures: the dashboard built, `coalition serve --demo` on a fresh store, and Debian's chromium,
// started before the suite's tests and stopped after them.

// On a fresh machine the setup installs Debian's chromium first (apt-get may also wait for another suite's install).
const SETUP_TIMEOUT = 15 * 60_000;

export interface ServedDashboard {
  server: () => ServerProcess;
  browser: () => Browser;
}

/** Register the suite's setup and teardown; the getters answer once the setup has run. */
export function useServedDashboard(name: string): ServedDashboard {
  let directory = '';
  let server: ServerProcess | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    directory = await mkdtemp(join(tmpdir(), `coalition-${name}-`));
    [, server, browser] = await Promise.all([buildWeb(), startServerProcess({ COALITION_DATA: directory }), launchChromium()]);
  }, SETUP_TIMEOUT);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
    if (directory) await rm(directory, { recursive: true, force: true });
  });
  const ready = <T>(value: T | undefined): T => {
    if (value === undefined) throw new Error('the dashboard suite has not started');
    return value;
  };
  return { server: () => ready(server), browser: () => ready(browser) };
}
