import type { Command } from 'commander';
import { z } from 'zod';
import { changesPointSchema } from '../../contracts/changes.schema.js';
import { createServices } from '../../services/create-services.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { CliIo } from '../io.js';
import { withStore } from '../open-configured-store.js';
import { parseOptions } from '../parse-options.js';
import { renderChanges } from '../render-changes.js';

// `coalition changes --since DATE|meeting:ID [--until …] [--json]`: what changed on the store between two dates.

const optionsSchema = z.strictObject({ since: changesPointSchema, until: changesPointSchema.optional(), json: z.boolean().optional() });

/** Register the changes command. */
export function registerChangesCommand(program: Command, io: CliIo): void {
  program
    .command('changes')
    .description('what changed since a date or meeting: pledges, coverage, facts, contributions, decisions')
    .requiredOption('--since <when>', 'a date YYYY-MM-DD or meeting:ID (the end of that day)')
    .option('--until <when>', 'a date YYYY-MM-DD or meeting:ID (default: today)')
    .option('--json', 'machine-readable output')
    .action(async (raw: Record<string, unknown>) => {
      const options = parseOptions(optionsSchema, raw);
      await withStore(async (store) => {
        const report = await createServices(store).changes.changes(CLI_PRINCIPAL, { since: options.since, until: options.until });
        io.out(options.json ? `${JSON.stringify(report, null, 2)}\n` : renderChanges(report));
      });
    });
}
