import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';

// LibreOffice for the tests that open exported workbooks the way a user would (`--headless --convert-to
// csv`). When neither `libreoffice` nor `soffice` is on the PATH it is installed from Debian
// (`libreoffice-calc-nogui`, no recommends), like the suite installs chromium; when that is impossible the
// caller gets an Error saying why, so the test fails with a clear message instead of being skipped.

export interface LibreOffice {
  /** The command to run (`libreoffice` or `soffice`). */
  command: string;
  /** Whether this call installed it. */
  installed: boolean;
  /** Milliseconds the installation took (0 when it was already there). */
  installMs: number;
}

const PACKAGE = 'libreoffice-calc-nogui';
const COMMANDS = ['libreoffice', 'soffice'];

interface RunResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

function run(command: string, args: readonly string[], options: SpawnOptions = {}): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...options, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout?.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
    child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The first of `libreoffice` / `soffice` on the PATH, or undefined. */
export function findLibreOffice(): string | undefined {
  return COMMANDS.find((command) => spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0);
}

async function candidateVersion(): Promise<string | undefined> {
  const policy = await run('apt-cache', ['policy', PACKAGE]);
  const match = /Candidate:\s*(\S+)/.exec(policy.stdout);
  return match?.[1] && match[1] !== '(none)' ? match[1] : undefined;
}

const APT_ENV = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
// Other suites (chromium) may be installing at the same time: wait for dpkg's lock instead of failing.
const LOCK_WAIT = ['-o', 'DPkg::Lock::Timeout=600'];

/** LibreOffice's command, installing the Debian package first when it is missing; throws saying why it cannot. */
export async function ensureLibreOffice(): Promise<LibreOffice> {
  const present = findLibreOffice();
  if (present) return { command: present, installed: false, installMs: 0 };
  if (process.getuid?.() !== 0) throw new Error(`LibreOffice is not installed and installing ${PACKAGE} needs root: run apt-get install -y --no-install-recommends ${PACKAGE}`);
  if (spawnSync('sh', ['-c', 'command -v apt-get'], { stdio: 'ignore' }).status !== 0) throw new Error('LibreOffice is not installed and there is no apt-get to install it');
  const started = performance.now();
  if (!(await candidateVersion())) {
    const update = await run('apt-get', [...LOCK_WAIT, 'update'], { env: APT_ENV });
    if (update.code !== 0) throw new Error(`apt-get update failed (exit ${update.code}): ${update.stderr.trim().slice(-2000)}`);
    if (!(await candidateVersion())) throw new Error(`no installation candidate for ${PACKAGE} (apt-cache policy ${PACKAGE})`);
  }
  let install = await run('apt-get', [...LOCK_WAIT, 'install', '-y', '--no-install-recommends', PACKAGE], { env: APT_ENV });
  if (install.code !== 0) {
    // A stale package list names files the mirror no longer has: refresh once and try again.
    await run('apt-get', [...LOCK_WAIT, 'update'], { env: APT_ENV });
    install = await run('apt-get', [...LOCK_WAIT, 'install', '-y', '--no-install-recommends', PACKAGE], { env: APT_ENV });
  }
  if (install.code !== 0) throw new Error(`apt-get install ${PACKAGE} failed (exit ${install.code}): ${install.stderr.trim().slice(-2000)}`);
  const command = findLibreOffice();
  if (!command) throw new Error(`${PACKAGE} was installed but neither libreoffice nor soffice is on the PATH`);
  return { command, installed: true, installMs: performance.now() - started };
}

/** Comma-separated, double quotes, UTF-8 (76), first line normal; `sheet` 0 = first sheet, -1 = every sheet to its own file. */
function csvFilter(sheet: number): string {
  return `csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,${sheet}`;
}

/**
 * Convert a workbook to CSV with LibreOffice in a fresh profile (so parallel runs do not share one); returns the
 * written files by name (with `sheet: -1` LibreOffice names them `<base>-<sheet>.csv`) and how long it took.
 */
export async function convertWithLibreOffice(
  command: string,
  workbook: string,
  options: { sheet?: number } = {},
): Promise<{ directory: string; files: string[]; ms: number; cleanup: () => Promise<void> }> {
  const directory = await mkdtemp(join(tmpdir(), 'coalition-lo-'));
  const profile = join(directory, 'profile');
  const outdir = join(directory, 'out');
  const started = performance.now();
  const result = await run(command, [
    `-env:UserInstallation=${pathToFileURL(profile).href}`,
    '--headless',
    '--norestore',
    '--convert-to',
    csvFilter(options.sheet ?? 0),
    '--outdir',
    outdir,
    workbook,
  ]);
  const ms = performance.now() - started;
  const files = await readdir(outdir).catch(() => [] as string[]);
  if (result.code !== 0 || files.length === 0) {
    throw new Error(`${command} --convert-to csv failed (exit ${result.code}): ${(result.stderr || result.stdout).trim().slice(-2000)}`);
  }
  return { directory: outdir, files: files.sort(), ms, cleanup: () => rm(directory, { recursive: true, force: true }) };
}
