import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { afterAll, beforeAll, describe, inject } from 'vitest';
import type { Party } from '../../src/core/types.js';
import { openStore, type Store } from '../../src/db/open-store.js';
import { GENESIS_HASH } from '../../src/services/audit/hash-audit-entry.js';

// Database tests run the same suite on both stores (DESIGN.md §11): a fresh in-memory PGlite, and a fresh
// database on the run's throwaway PostgreSQL cluster (test/global-setup.ts), dropped afterwards.

export type StoreKind = 'pglite' | 'postgres';

export const STORE_KINDS: readonly StoreKind[] = ['pglite', 'postgres'];

export interface TestStore {
  store: Store;
  /** The database's URL (PostgreSQL only). */
  url?: string;
  /** Close the store; on PostgreSQL also drop its database. */
  dispose(): Promise<void>;
}

export interface StoreSuite {
  kind: StoreKind;
  /** The suite's store, opened (and migrated) before its first test. */
  store(): Store;
  /** Another fresh store of the same kind, closed after the suite (for tests that need an empty one). */
  fresh(): Promise<Store>;
  /** A second connection pool on the suite's database, closed after the suite: another app server (PostgreSQL only). */
  connectAgain(): Promise<Store>;
}

const OPEN_TIMEOUT = 60_000;

/** Open an empty, migrated store of the given kind. */
export async function openTestStore(kind: StoreKind): Promise<TestStore> {
  if (kind === 'pglite') {
    const store = await openStore({ kind: 'pglite', memory: true });
    return { store, dispose: () => store.close() };
  }
  const base = inject('postgresUrl');
  const name = `test_${randomBytes(6).toString('hex')}`;
  await withAdmin(base, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = new URL(base);
  url.pathname = `/${name}`;
  let store: Store;
  try {
    store = await openStore({ kind: 'postgres', url: url.toString() });
  } catch (error) {
    await withAdmin(base, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).catch(() => undefined);
    throw error;
  }
  return {
    store,
    url: url.toString(),
    dispose: async () => {
      await store.close();
      await withAdmin(base, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
    },
  };
}

/** Empty every table and restart the audit chain at genesis: a clean store without the cost of a new one. */
export async function resetStore(store: Store): Promise<void> {
  const result = await store.db.execute(sql`SELECT tablename FROM pg_tables WHERE schemaname = 'public' AND tablename <> 'audit_head'`);
  const tables = (result as unknown as { rows: { tablename: string }[] }).rows.map((row) => `"${row.tablename}"`);
  if (tables.length > 0) await store.db.execute(sql.raw(`TRUNCATE ${tables.join(', ')}`));
  await store.db.execute(sql`UPDATE audit_head SET seq = 0, hash = ${GENESIS_HASH} WHERE id = 1`);
}

/** Run `body` once per store kind, each in its own describe block with its own fresh store. */
export function describeEachStore(name: string, body: (suite: StoreSuite) => void): void {
  for (const kind of STORE_KINDS) {
    describe(`${name} [${kind}]`, () => {
      const opened: TestStore[] = [];
      let main: TestStore | undefined;
      const open = async (): Promise<Store> => {
        const test = await openTestStore(kind);
        opened.push(test);
        return test.store;
      };
      beforeAll(async () => {
        main = await openTestStore(kind);
        opened.push(main);
      }, OPEN_TIMEOUT);
      afterAll(async () => {
        // One at a time, latest first: a second pool on a database closes before the database is dropped.
        const errors: unknown[] = [];
        for (const test of opened.splice(0).reverse()) await test.dispose().catch((error: unknown) => errors.push(error));
        if (errors.length > 0) throw errors[0];
      }, OPEN_TIMEOUT);
      body({
        kind,
        store: () => {
          if (!main) throw new Error(`the ${kind} store of '${name}' is not open (did beforeAll fail?)`);
          return main.store;
        },
        fresh: open,
        connectAgain: async () => {
          if (!main?.url) throw new Error('connectAgain needs a PostgreSQL store');
          const store = await openStore({ kind: 'postgres', url: main.url });
          opened.push({ store, dispose: () => store.close() });
          return store;
        },
      });
    });
  }
}

async function withAdmin<T>(url: string, action: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await action(client);
  } finally {
    await client.end();
  }
}

/** A party record (a state, no groups unless given). */
export function makeParty(id: string, extra: Partial<Party> = {}): Party {
  return { id, kind: 'state', name: { en: `Party ${id}`, de: `Partei ${id}` }, groups: [], ...extra };
}
