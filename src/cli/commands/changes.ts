import type { Command } from 'commander';
import { serviceAction } from '../command-shell.js';
import { z } from 'zod';
import { changesPointSchema } from '../../contracts/changes.schema.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { CliIo } from '../io.js';
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
    .action(
      serviceAction(io, optionsSchema, {
        prepare: (options) => (services) => services.changes.changes(CLI_PRINCIPAL, { since: options.since, until: options.until }),
        text: (report) => renderChanges(report),
      }),
    );
}
