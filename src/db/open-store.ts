import { mkdir } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzlePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migratePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { acquireDirectoryLock } from './directory-lock.js';
import * as schema from './schema/index.js';

// Opens the store: embedded PGlite in a data directory, or a PostgreSQL server. One schema, one set of
// migrations, applied on open.

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;

export interface Store {
  db: Database;
  kind: 'pglite' | 'postgres';
  /** Where the data lives: the directory or the server URL without its password. */
  location: string;
  close(): Promise<void>;
}

export type StoreOptions = { kind: 'pglite'; dataDirectory: string } | { kind: 'pglite'; memory: true } | { kind: 'postgres'; url: string };

const MIGRATIONS = fileURLToPath(new URL('../../src/db/migrations', import.meta.url));
const MIGRATION_LOCK = 7_264_001;

/** Open (and migrate) the store. PGlite data directories are locked to this process. */
export async function openStore(options: StoreOptions): Promise<Store> {
  if (options.kind === 'postgres') return openPostgres(options.url);
  if ('memory' in options) {
    const client = await PGlite.create();
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
    return { db, kind: 'pglite', location: 'memory', close: () => client.close() };
  }
  await mkdir(options.dataDirectory, { recursive: true });
  const lock = await acquireDirectoryLock(options.dataDirectory);
  try {
    const client = await PGlite.create(options.dataDirectory);
    const db = drizzlePglite(client, { schema }) as unknown as Database;
    await migratePglite(db as never, { migrationsFolder: MIGRATIONS });
    return {
      db,
      kind: 'pglite',
      location: options.dataDirectory,
      close: async () => {
        await client.close();
        await lock.release();
      },
    };
  } catch (error) {
    await lock.release();
    throw error;
  }
}

async function openPostgres(url: string): Promise<Store> {
  const pool = new pg.Pool({ connectionString: url, max: 10 });
  // An idle connection the server drops (restart, failover, pg_terminate_backend) is reported here; without a
  // listener the 'error' event would crash the process. The pool replaces the connection on the next query.
  pool.on('error', () => undefined);
  const db = drizzlePostgres(pool, { schema }) as unknown as Database;
  try {
    // Several app servers may start at once: one migrates, the others wait.
    const client = await pool.connect();
    try {
      await client.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK]);
      await migratePostgres(drizzlePostgres(client, { schema }), { migrationsFolder: MIGRATIONS });
    } finally {
      await client.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK]).catch(() => undefined);
      client.release();
    }
    await db.execute(sql`SELECT 1`);
  } catch (error) {
    await pool.end();
    throw error;
  }
  return { db, kind: 'postgres', location: redactUrl(url), close: () => pool.end() };
}

function redactUrl(url: string): string {
  return url.replace(/\/\/([^:/@]+):[^@]*@/, '//$1:***@');
}
