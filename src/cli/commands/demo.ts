import type { Command } from 'commander';
import { createServices } from '../../services/create-services.js';
import { DEMO_PRINCIPAL, DEMO_RELEASE_NOTE, loadDemo } from '../../services/load-demo.js';
import { describeRelease } from './release.js';
import type { CliIo } from '../io.js';
import { withStore } from '../open-configured-store.js';

// `coalition demo`: load the demo dataset into the store (idempotent).

/** Register the demo command. */
export function registerDemoCommand(program: Command, io: CliIo): void {
  program
    .command('demo')
    .description('load the demo dataset into the store (records already there are left as they are)')
    .option('--json', 'machine-readable summary')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store) => {
        const services = createServices(store);
        const summary = await loadDemo(store, services.cache, services.now);
        const release = await services.publicReleases.publishInitial(DEMO_PRINCIPAL, DEMO_RELEASE_NOTE);
        if (options.json) io.out(`${JSON.stringify(summary, null, 2)}\n`);
        else io.out(`Demo data: ${summary.created} records added, ${summary.unchanged} already there (store: ${store.kind} ${store.location}).\n`);
        if (release && !options.json) io.out(`${describeRelease(release)}\n`);
      });
    });
}
