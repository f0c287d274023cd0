import { spawn, spawnSync } from 'node:child_process';

// Debian packages the suites need (chromium for the browser tests, poppler-utils to read PDFs back): installed
// with apt-get when missing, so `npm test` passes on a fresh machine of this kind (never a browser download).

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Another suite may be installing a package at the same time: wait for dpkg's lock instead of failing.
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];

export interface DebianPackage {
  /** The package's name, e.g. `poppler-utils`. */
  name: string;
  /** Where its binary may be, checked in order by running it with `versionFlag`. */
  binaries: readonly string[];
  versionFlag: string;
}

function findBinary(pkg: DebianPackage): string | undefined {
  return pkg.binaries.find((path) => spawnSync(path, [pkg.versionFlag], { stdio: 'ignore' }).status === 0);
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

/** The path of the package's binary, installing the package first when it is missing; throws saying why it cannot. */
export async function ensureDebianPackage(pkg: DebianPackage): Promise<string> {
  const present = findBinary(pkg);
  if (present) return present;
  if (process.getuid?.() !== 0) throw new Error(`${pkg.name} is not installed and installing it needs root: run apt-get install -y ${pkg.name}`);
  const install = () => run('apt-get', [...LOCK_WAIT, 'install', '-y', '--no-install-recommends', pkg.name]);
  let result = await install();
  if (result.code !== 0) {
    // No or a stale package list: refresh once and try again.
    await run('apt-get', [...LOCK_WAIT, 'update']);
    result = await install();
  }
  if (result.code !== 0) throw new Error(`apt-get install ${pkg.name} failed (exit ${result.code}): ${result.stderr.trim().slice(-2000)}`);
  const installed = findBinary(pkg);
  if (!installed) throw new Error(`${pkg.name} was installed but none of ${pkg.binaries.join(', ')} runs`);
  return installed;
}

/** poppler-utils (pdftotext, pdfinfo, pdffonts, pdftoppm), installed when missing. */
export async function ensurePoppler(): Promise<void> {
  await ensureDebianPackage({ name: 'poppler-utils', binaries: ['/usr/bin/pdftotext'], versionFlag: '-v' });
}
