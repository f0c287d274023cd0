import type { TestProject } from 'vitest/node';
import { startPostgresCluster } from './support/postgres-cluster.js';

// Once per `vitest run`: a throwaway PostgreSQL cluster for the database suites (test/support/stores.ts
// creates a fresh database on it per suite). TEST_POSTGRES_URL uses an existing server instead (its role must
// be allowed to CREATE DATABASE); TEST_POSTGRES_BIN points at another PostgreSQL bin directory.

declare module 'vitest' {
  interface ProvidedContext {
    /** A database on the test cluster whose role may create (and drop) databases. */
    postgresUrl: string;
  }
}

/** Start the cluster and provide its URL; the returned function stops it. */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const external = process.env.TEST_POSTGRES_URL;
  if (external) {
    project.provide('postgresUrl', external);
    return async () => undefined;
  }
  const bin = process.env.TEST_POSTGRES_BIN;
  const cluster = await startPostgresCluster(bin ? { bin } : {});
  if (process.env.TEST_POSTGRES_VERBOSE) console.log(`[postgres] test cluster ${cluster.url} in ${cluster.directory} ready in ${cluster.startupMs} ms`);
  project.provide('postgresUrl', cluster.url);
  return () => cluster.stop();
}
