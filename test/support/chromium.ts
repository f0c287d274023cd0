import { spawn, spawnSync } from 'node:child_process';
import { chromium, type Browser } from 'playwright-core';

// Debian's chromium for the browser tests and the web benchmark: installed with apt-get when missing (never a
// browser download), launched headless with a fresh profile (playwright-core makes one per launch).

const PACKAGE = 'chromium';
const CANDIDATES = ['/usr/bin/chromium', '/usr/bin/chromium-browser'];
const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another suite may be installing a package at the same time: wait for dpkg's lock instead of failing.
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];

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

function findChromium(): string | undefined {
  return CANDIDATES.find((path) => spawnSync(path, ['--version'], { stdio: 'ignore' }).status === 0);
}

function run(command: string, args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: APT_ENV, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

/** The path of Debian's chromium, installing the package first when it is missing; throws saying why it cannot. */
export async function ensureChromium(): Promise<string> {
  const present = findChromium();
  if (present) return present;
  if (process.getuid?.() !== 0) throw new Error(`chromium is not installed and installing it needs root: run apt-get install -y ${PACKAGE}`);
  let install = await run('apt-get', [...LOCK_WAIT, 'install', '-y', '--no-install-recommends', PACKAGE]);
  if (install.code !== 0) {
    // No or a stale package list: refresh once and try again.
    await run('apt-get', [...LOCK_WAIT, 'update']);
    install = await run('apt-get', [...LOCK_WAIT, 'install', '-y', '--no-install-recommends', PACKAGE]);
  }
  if (install.code !== 0) throw new Error(`apt-get install ${PACKAGE} failed (exit ${install.code}): ${install.stderr.trim().slice(-2000)}`);
  const installed = findChromium();
  if (!installed) throw new Error(`${PACKAGE} was installed but no chromium binary was found in ${CANDIDATES.join(', ')}`);
  return installed;
}

/** Launch headless chromium (installing it first when needed). */
export async function launchChromium(): Promise<Browser> {
  const executablePath = await ensureChromium();
  return chromium.launch({ executablePath, headless: true, args: CHROMIUM_ARGS });
}
