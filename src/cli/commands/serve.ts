import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.js';
import { listRecords } from '../../db/record.repository.js';
import { partyEntity } from '../../db/entities/dataset-entities.js';
import { createServices } from '../../services/create-services.js';
import { DEMO_PRINCIPAL, DEMO_RELEASE_NOTE, loadDemo } from '../../services/load-demo.js';
import { describeRelease } from './release.js';
import { DEMO_ACCOUNTS, ensureDemoUsers } from '../../services/access/demo-users.js';
import { AppError } from '../../contracts/input-error.js';
import type { CliHooks, CliIo } from '../io.js';
import { openConfiguredStore } from '../open-configured-store.js';
import { parseOptions } from '../parse-options.js';

// `coalition serve`: the HTTP API and the web dashboard on the configured store.

const serveOptionsSchema = z.strictObject({
  port: z.coerce.number().int().min(0).max(65535).optional(),
  host: z.string().min(1).optional(),
  demo: z.boolean().optional(),
});

/** Register the serve command. */
export function registerServeCommand(program: Command, io: CliIo, startServer: CliHooks['startServer']): void {
  program
    .command('serve')
    .description('serve the HTTP API on the configured store')
    .option('--port <port>', 'port to listen on (default $PORT or 3000)')
    .option('--host <host>', 'address to listen on (default $HOST or 127.0.0.1)')
    .option('--demo', 'load the demo data first if the store is empty')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(serveOptionsSchema, raw);
      if (!startServer) throw new AppError('internal', 'this build of the CLI has no HTTP server');
      const config = loadConfig();
      const store = await openConfiguredStore();
      const services = createServices(store);
      try {
        if (options.demo && (await listRecords(store.db, partyEntity, { limit: 1, offset: 0 })).total === 0) {
          const summary = await loadDemo(store, services.cache, services.now);
          io.out(`Loaded the demo data: ${summary.created} records.\n`);
        }
        if (options.demo) {
          // The public page has something to show: a first release of the demo data, once.
          const release = await services.publicReleases.publishInitial(DEMO_PRINCIPAL, DEMO_RELEASE_NOTE);
          if (release) io.out(`${describeRelease(release)}\n`);
        }
        if (options.demo) {
          // The demo's accounts, one per role (README); a real deployment starts without users.
          const created = await ensureDemoUsers(store, services.accounts);
          if (created > 0) io.out(`Created ${created} demo accounts (see GET /api/session/demo-accounts or the README).\n`);
        }
        const { app, address } = await startServer(services, { host: options.host ?? config.host, port: options.port ?? config.port, logLevel: config.logLevel === 'info' ? 'warn' : config.logLevel, demoAccounts: options.demo ? DEMO_ACCOUNTS : [] });
        io.out(`Coalition Ledger listening on ${address} (store: ${store.kind} ${store.location}): open ${address}/ for the dashboard; API docs at ${address}/docs\n`);
        // The store's dataset and network, read and compiled now rather than by the first request.
        const warmedUp = services.scenarios.warmUp().catch((error: unknown) => io.err(`The scenario warm-up failed: ${String(error)}\n`));
        // The briefing renderer's one-off start-up cost (fonts, layout code), paid now rather than by the first pack.
        services.briefing.warmUp().catch((error: unknown) => io.err(`The briefing renderer's warm-up failed: ${String(error)}\n`));
        await waitForSignal();
        await app.close();
        // Not closing the store under a warm-up still reading it.
        await warmedUp;
      } finally {
        await store.close();
      }
    });
}

function waitForSignal(): Promise<void> {
  return new Promise((resolve) => {
    const stop = (): void => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      resolve();
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
