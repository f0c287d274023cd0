import { loadConfig } from '../config.js';
import { openStore, type Store } from '../db/open-store.js';

// The store the configuration names: PostgreSQL when DATABASE_URL is set, else PGlite in COALITION_DATA.

/** Open the configured store. */
export async function openConfiguredStore(): Promise<Store> {
  const config = loadConfig();
  return config.databaseUrl ? openStore({ kind: 'postgres', url: config.databaseUrl }) : openStore({ kind: 'pglite', dataDirectory: config.dataDirectory });
}

/** Run `work` with the configured store open, closing it afterwards whatever happens. */
export async function withStore<T>(work: (store: Store) => Promise<T>): Promise<T> {
  const store = await openConfiguredStore();
  try {
    return await work(store);
  } finally {
    await store.close();
  }
}
