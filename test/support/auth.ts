import type { FastifyInstance, InjectOptions } from 'fastify';
import type { Role } from '../../src/core/access/principal.js';
import type { Services } from '../../src/services/create-services.js';

// Test users and requests made as them (Authorization: Bearer), for API tests through app.inject().

export const TEST_PASSWORD = 'correct-horse-battery';

/** Add a user (if missing) and return a new API token of theirs. */
export async function addTestUser(services: Services, name: string, role: Role, party?: string): Promise<string> {
  const existing = (await services.accounts.list()).find((user) => user.name === name);
  if (!existing) await services.accounts.add({ name, role, ...(party ? { party } : {}), password: TEST_PASSWORD }, 'test');
  return services.accounts.issueToken(name);
}

/** app.inject with a bearer token. */
export function injectAs(app: FastifyInstance, token: string) {
  return (options: InjectOptions) => app.inject({ ...options, headers: { ...(options.headers ?? {}), authorization: `Bearer ${token}` } });
}
