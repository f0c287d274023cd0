import type { Command } from 'commander';
import { z } from 'zod';
import { serviceAction } from '../command-shell.js';
import { DEMO_PRINCIPAL, DEMO_RELEASE_NOTE, loadDemo } from '../../services/load-demo.js';
import { describeRelease } from './release.js';
import type { CliIo } from '../io.js';

// `coalition demo`: load the demo dataset into the store (idempotent).

const optionsSchema = z.strictObject({ json: z.boolean().optional() });

/** Register the demo command. */
export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('load the demo dataset into the store (records already there are left as they are)')
    .option('--json', 'machine-readable summary')
    .action(
      serviceAction(io, optionsSchema, {
        prepare: () => async (services) => {
          const summary = await loadDemo(services.store, services.cache, services.now);
          const release = await services.publicReleases.publishInitial(DEMO_PRINCIPAL, DEMO_RELEASE_NOTE);
          return { summary, release, store: `${services.store.kind} ${services.store.location}` };
        },
        text: ({ summary, release, store }) =>
          `Demo data: ${summary.created} records added, ${summary.unchanged} already there (store: ${store}).\n${release ? `${describeRelease(release)}\n` : ''}`,
        json: ({ summary }) => summary,
      }),
    );
}
