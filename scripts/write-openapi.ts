import { mkdir, writeFile } from 'node:fs/promises';
import { dirname } from 'node:path';
import { drizzle } from 'drizzle-orm/node-postgres';
import { buildApp } from '../src/api/app.js';
import type { Database, Store } from '../src/db/open-store.js';
import * as schema from '../src/db/schema/index.js';
import { createServices } from '../src/services/create-services.js';

// Writes the OpenAPI document the server serves at /openapi.json to a file (npm run lint:openapi lints it): the app
// is built as the server builds it, over a store with no database behind it (building the app runs no query).

const target = process.argv[2] ?? 'dist/openapi.json';
const db = drizzle.mock({ schema }) as unknown as Database;
const store: Store = { db, kind: 'pglite', location: 'none (the OpenAPI document only)', close: async () => undefined };
const app = await buildApp(createServices(store));
const response = await app.inject({ method: 'GET', url: '/openapi.json' });
if (response.statusCode !== 200) throw new Error(`GET /openapi.json answered ${response.statusCode}: ${response.body}`);
await mkdir(dirname(target), { recursive: true });
await writeFile(target, `${JSON.stringify(JSON.parse(response.body), null, 2)}\n`);
await app.close();
console.info(`wrote ${target}`);
