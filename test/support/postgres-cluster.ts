import { type SpawnOptions, spawn, spawnSync } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { appendFile, chown, mkdtemp, readFile, rm } from 'node:fs/promises';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';

// A throwaway PostgreSQL 15 cluster for the test suite (DESIGN.md §11, §12): initdb into a temporary
// directory, start on a free port on 127.0.0.1 (socket in the same directory, trust auth, fsync off), create
// a role and a database, and remove everything on stop. initdb refuses root, so as root the server runs as
// the `postgres` user.

export interface PostgresCluster {
  /** `postgres://coalition@127.0.0.1:<port>/coalition`; the role may create databases. */
  url: string;
  /** Milliseconds from the start of startPostgresCluster until the database was ready. */
  startupMs: number;
  /** The temporary directory holding the data, the socket and the server log. */
  directory: string;
  /** Stop the server and remove its directory. */
  stop(): Promise<void>;
}

const DEFAULT_BIN = '/usr/lib/postgresql/15/bin';
const ROLE = 'coalition';

interface RunAs {
  uid: number;
  gid: number;
}

/** Start a fresh cluster; `bin` is where initdb, pg_ctl and postgres live. */
export async function startPostgresCluster(options: { bin?: string } = {}): Promise<PostgresCluster> {
  const started = performance.now();
  const bin = options.bin ?? DEFAULT_BIN;
  ensureBinaries(bin);
  const runAs = serverUser();
  const root = await mkdtemp(join(tmpdir(), 'coalition-pg-'));
  const data = join(root, 'data');
  const log = join(root, 'server.log');
  // Whether a server may be running: pg_ctl keeps postmaster.pid while it starts, runs and stops.
  const mayRun = (): boolean => existsSync(join(data, 'postmaster.pid'));
  const stopArgs = ['-D', data, '-m', 'immediate', '-w', '-t', '30', 'stop'];
  const stopSync = (): void => {
    if (mayRun()) spawnSync(join(bin, 'pg_ctl'), stopArgs, { ...spawnOptions(root, runAs), stdio: 'ignore' });
    rmSync(root, { recursive: true, force: true });
  };
  const cleanup = async (): Promise<void> => {
    process.off('exit', stopSync);
    if (mayRun()) await run(join(bin, 'pg_ctl'), stopArgs, root, runAs);
    await rm(root, { recursive: true, force: true });
  };
  // A run that ends early (Ctrl-C, SIGTERM: vitest then exits) still stops the server and removes the directory.
  process.on('exit', stopSync);
  try {
    if (runAs) await chown(root, runAs.uid, runAs.gid);
    await run(join(bin, 'initdb'), ['-D', data, '-U', 'postgres', '--auth=trust', '--encoding=UTF8', '--locale=C', '--no-sync', '--no-instructions'], root, runAs);
    // Settings for a disposable test server: nothing here needs to survive a crash.
    const settings = [
      "listen_addresses = '127.0.0.1'",
      `unix_socket_directories = '${root}'`,
      'fsync = off',
      'synchronous_commit = off',
      'full_page_writes = off',
      'max_connections = 300',
      "shared_buffers = '32MB'",
    ];
    let port = 0;
    for (let attempt = 1; ; attempt++) {
      port = await freePort();
      await appendFile(join(data, 'postgresql.conf'), `\n# coalition test cluster\nport = ${port}\n${settings.join('\n')}\n`);
      try {
        await run(join(bin, 'pg_ctl'), ['-D', data, '-l', log, '-w', '-t', '30', 'start'], root, runAs);
        break;
      } catch (error) {
        // Someone took the port between our probe and the server's bind: try another one.
        const serverLog = await readFile(log, 'utf8').catch(() => '');
        if (attempt >= 3 || !/could not (bind|create listen socket)/i.test(serverLog)) throw withLog(error, serverLog);
      }
    }
    const admin = new pg.Client({ connectionString: `postgres://postgres@127.0.0.1:${port}/postgres` });
    await admin.connect();
    try {
      await admin.query(`CREATE ROLE ${ROLE} LOGIN CREATEDB`);
      await admin.query(`CREATE DATABASE ${ROLE} OWNER ${ROLE}`);
    } finally {
      await admin.end();
    }
    return { url: `postgres://${ROLE}@127.0.0.1:${port}/${ROLE}`, startupMs: Math.round(performance.now() - started), directory: root, stop: cleanup };
  } catch (error) {
    await cleanup().catch(() => undefined);
    throw error;
  }
}

// The binaries are on this machine's image; on a fresh machine of the same kind without them, CI (root, apt)
// installs the Debian package once.
function ensureBinaries(bin: string): void {
  if (existsSync(join(bin, 'initdb')) && existsSync(join(bin, 'pg_ctl'))) return;
  const canInstall = bin === DEFAULT_BIN && process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (canInstall) {
    console.warn(`[postgres-cluster] ${bin}/initdb not found: installing postgresql-15 with apt-get`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    let install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-15'], { env, encoding: 'utf8' });
    if (install.status !== 0) {
      spawnSync('apt-get', ['update'], { env, stdio: 'ignore' });
      install = spawnSync('apt-get', ['install', '-y', '--no-install-recommends', 'postgresql-15'], { env, encoding: 'utf8' });
    }
    if (install.status === 0 && existsSync(join(bin, 'initdb'))) return;
    throw new Error(`PostgreSQL 15 is not installed (${bin}/initdb missing) and apt-get install postgresql-15 failed:\n${install.stderr ?? ''}`);
  }
  throw new Error(
    `PostgreSQL 15 binaries not found in ${bin} (initdb, pg_ctl). Install them (Debian/Ubuntu: apt-get install postgresql-15), ` +
      'or set TEST_POSTGRES_BIN to their directory, or TEST_POSTGRES_URL to an existing server whose role may CREATE DATABASE.',
  );
}

// initdb and postgres refuse to run as root: as root, run them as the `postgres` user.
function serverUser(): RunAs | undefined {
  if (process.getuid?.() !== 0) return undefined;
  const uid = spawnSync('id', ['-u', 'postgres'], { encoding: 'utf8' });
  const gid = spawnSync('id', ['-g', 'postgres'], { encoding: 'utf8' });
  if (uid.status !== 0 || gid.status !== 0) {
    throw new Error(
      'the tests run as root, and PostgreSQL refuses to run as root, but there is no `postgres` user to run it as ' +
        '(`id postgres` failed). Create one (useradd --system --home-dir /var/lib/postgresql postgres; installing the ' +
        'postgresql-15 package does this), or run the tests as an ordinary user.',
    );
  }
  return { uid: Number(uid.stdout.trim()), gid: Number(gid.stdout.trim()) };
}

function spawnOptions(cwd: string, runAs: RunAs | undefined): SpawnOptions {
  // Node drops root's supplementary groups when it switches uid/gid (like setpriv --clear-groups).
  const env = { PATH: process.env.PATH ?? '/usr/bin:/bin', LANG: 'C', LC_ALL: 'C', HOME: cwd, TZ: 'UTC' };
  return runAs ? { cwd, env, uid: runAs.uid, gid: runAs.gid } : { cwd, env };
}

function run(command: string, args: string[], cwd: string, runAs: RunAs | undefined): Promise<void> {
  return new Promise((resolve, reject) => {
    // pg_ctl start redirects the server's output to its log (-l), so the server never holds this pipe.
    const child = spawn(command, args, { ...spawnOptions(cwd, runAs), stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr += chunk.toString();
    });
    child.on('error', reject);
    child.on('close', (code, signal) => {
      if (code === 0) resolve();
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${stderr.trim()}`));
    });
  });
}

function withLog(error: unknown, serverLog: string): Error {
  const message = error instanceof Error ? error.message : String(error);
  return new Error(`${message}\nserver log:\n${serverLog.trim().split('\n').slice(-20).join('\n')}`);
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}
