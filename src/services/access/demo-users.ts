import type { Role } from '../../core/access/principal.js';
import { findUserByName } from '../../db/access.repository.js';
import type { Store } from '../../db/open-store.js';
import type { AccountService } from './accounts.service.js';

// The demo's accounts (`coalition serve --demo`, `npm start`): one per role, plus a second delegate of the
// same party so four-eyes approval can be tried. Their passwords are public: never use them for real data.

export interface DemoAccount {
  name: string;
  role: Role;
  party: string | null;
  password: string;
}

export const DEMO_ACCOUNTS: readonly DemoAccount[] = [
  { name: 'demo-admin', role: 'admin', party: null, password: 'demo-admin-password' },
  { name: 'demo-coordinator', role: 'coordinator', party: null, password: 'demo-coordinator-password' },
  { name: 'demo-delegate-de', role: 'delegate', party: 'DE', password: 'demo-delegate-de-password' },
  { name: 'demo-delegate-de-2', role: 'delegate', party: 'DE', password: 'demo-delegate-de-2-password' },
  { name: 'demo-analyst', role: 'analyst', party: null, password: 'demo-analyst-password' },
];

/** Create the demo accounts that do not exist yet; returns how many were created. */
export async function ensureDemoUsers(store: Store, accounts: AccountService): Promise<number> {
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await findUserByName(store.db, account.name)) continue;
    await accounts.add({ name: account.name, role: account.role, ...(account.party ? { party: account.party } : {}), password: account.password }, 'demo');
    created += 1;
  }
  return created;
}
