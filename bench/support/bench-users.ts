import { openStore } from '../../src/db/open-store.js';
import { pledgeEntity } from '../../src/db/entities/dataset-entities.js';
import { createServices } from '../../src/services/create-services.js';
import { loadDemo } from '../../src/services/load-demo.js';

// The benchmark's accounts, made on the store before the server opens it: a coordinator who reads everything,
// and one delegate per party with pledges (each may edit only its own party's pledges). API tokens, so every
// request carries `Authorization: Bearer` as a script would.

export interface BenchCredentials {
  /** Headers for reads and checks. */
  reader: Record<string, string>;
  /** Headers for writing a pledge of a party. */
  writerOf(party: string): Record<string, string>;
}

/** Load the demo and create the benchmark's users on the store the environment names. */
export async function prepareBenchUsers(env: Record<string, string>): Promise<BenchCredentials> {
  const store = env.DATABASE_URL ? await openStore({ kind: 'postgres', url: env.DATABASE_URL }) : await openStore({ kind: 'pglite', dataDirectory: env.COALITION_DATA ?? '' });
  try {
    const services = createServices(store);
    await loadDemo(store, services.cache, services.now);
    const password = 'bench-password-not-secret';
    await services.accounts.add({ name: 'bench-reader', role: 'coordinator', password }, 'bench');
    const reader = await services.accounts.issueToken('bench-reader');
    const pledges = await services.records.list({ name: 'bench' }, pledgeEntity, { limit: 500, offset: 0 });
    const writers = new Map<string, string>();
    for (const party of new Set(pledges.items.map((item) => item.record.party))) {
      const name = `bench-${party.toLowerCase()}`;
      await services.accounts.add({ name, role: 'delegate', party, password }, 'bench');
      writers.set(party, await services.accounts.issueToken(name));
    }
    const bearer = (token: string): Record<string, string> => ({ authorization: `Bearer ${token}` });
    return {
      reader: bearer(reader),
      writerOf: (party) => {
        const token = writers.get(party);
        if (!token) throw new Error(`no benchmark delegate for party ${party}`);
        return bearer(token);
      },
    };
  } finally {
    await store.close();
  }
}
