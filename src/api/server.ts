import type { FastifyInstance } from 'fastify';
import type { Services } from '../services/create-services.js';
import type { DemoAccount } from '../services/access/demo-users.js';
import { buildApp } from './app.js';

// Listens on a port and closes cleanly on SIGINT/SIGTERM.

export interface ServeOptions {
  host: string;
  port: number;
  logLevel: string;
  /** Offered on the login page (a server started with --demo). */
  demoAccounts?: readonly DemoAccount[];
}

/** Start the HTTP server; resolves with the app and its address once listening. */
export async function startServer(services: Services, options: ServeOptions): Promise<{ app: FastifyInstance; address: string }> {
  const app = await buildApp(services, { logger: options.logLevel === 'silent' ? false : { level: options.logLevel }, demoAccounts: options.demoAccounts ?? [] });
  const address = await app.listen({ host: options.host, port: options.port });
  return { app, address };
}
