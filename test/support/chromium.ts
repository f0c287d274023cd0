import { chromium, type Browser } from 'playwright-core';
import { ensureDebianPackage } from './debian-package.js';

// Debian's chromium for the browser tests and the web benchmark: installed with apt-get when missing (never a
// browser download), launched headless with a fresh profile (playwright-core makes one per launch).

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The path of Debian's chromium, installing the package first when it is missing; throws saying why it cannot. */
export function ensureChromium(): Promise<string> {
  return ensureDebianPackage({ name: 'chromium', binaries: ['/usr/bin/chromium', '/usr/bin/chromium-browser'], versionFlag: '--version' });
}

/** Launch headless chromium (installing it first when needed). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
