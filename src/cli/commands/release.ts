import type { Command } from 'commander';
import { serviceAction } from '../command-shell.js';
import { z } from 'zod';
import { freeTextSchema } from '../../contracts/primitives.schema.js';
import type { PublicRelease } from '../../services/access/public-releases.service.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { CliIo } from '../io.js';
import { formatTable } from '../output.js';

// `coalition release publish`: publish a dated public release of the data as it is now (audited, as the CLI);
// `coalition release list`: the releases published so far. docs/access-control.md describes the rules.

const publishOptionsSchema = z.strictObject({ note: freeTextSchema(1000, z.string().min(1)).optional(), json: z.boolean().optional() });
const listOptionsSchema = z.strictObject({ json: z.boolean().optional() });

/** Register the release commands. */
export function registerReleaseCommands(program: Command, io: CliIo): void {
  const release = program.command('release').description('dated public releases of the aggregates under disclosure control');
  release
    .command('publish')
    .description('publish a public release of the data as it is now (GET /public/summary then serves it)')
    .option('--note <text>', 'what this release is for (published with it)')
    .option('--json', 'the release as published')
    .action(
      serviceAction(io, publishOptionsSchema, {
        prepare:
          ({ note }) =>
          ({ publicReleases }) =>
            publicReleases.publish(CLI_PRINCIPAL, note === undefined ? {} : { note }),
        text: (published) => `${describeRelease(published)}\n`,
      }),
    );
  release
    .command('list')
    .description('the public releases published so far, newest first')
    .option('--json', 'machine-readable output')
    .action(
      serviceAction(io, listOptionsSchema, {
        prepare: () => (services) => services.publicReleases.list(),
        text: (items) =>
          items.length === 0
            ? 'No public release has been published yet: coalition release publish\n'
            : `${formatTable(['release', 'date', 'published at', 'note'], items.map((item) => [String(item.id), item.date, item.publishedAt, item.note ?? '']), ['right'])}\n`,
      }),
    );
}

/** One line about a release: its number, date and how many of its cells are suppressed. */
export function describeRelease(release: PublicRelease): string {
  const cells = release.capabilities.flatMap((row) => [row.total, ...row.stages]);
  const suppressed = cells.filter((cell) => cell.suppressed).length;
  return `Published release ${release.id} (${release.date}): ${release.capabilities.length} capabilities, ${cells.length - suppressed} cells published, ${suppressed} suppressed.`;
}
