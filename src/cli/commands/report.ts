import { writeFile } from 'node:fs/promises';
import type { Command } from 'commander';
import type { Principal } from '../../core/access/principal.js';
import { serviceAction } from '../command-shell.js';
import { z } from 'zod';
import { BRIEFING_LANGUAGES } from '../../core/briefing/briefing-text.js';
import { idSchema } from '../../contracts/domain.schema.js';
import { InputError, parseInput } from '../../contracts/input-error.js';
import { findUserByName } from '../../db/access.repository.js';
import { principalOfUser } from '../../services/access/accounts.service.js';
import { CLI_PRINCIPAL } from '../cli-principal.js';
import type { CliIo } from '../io.js';

// `coalition report briefing MEETING [--lang en|de] [--out FILE.pdf] [--as USER]`: the meeting's briefing pack.

const optionsSchema = z.strictObject({
  lang: z.enum(BRIEFING_LANGUAGES, { error: 'must be en or de' }).default('en'),
  out: z.string().min(1, 'must name a file').optional(),
  as: z.string().min(1, 'must name a user').max(200).optional(),
});

/** Register the report commands. */
export function registerReportCommands(program: Command, io: CliIo): void {
  const report = program.command('report').description('reports as files');
  report
    .command('briefing')
    .description("a meeting's briefing pack (PDF) as of its date")
    .argument('<meeting>', 'the meeting id (e.g. paris-2026-01-06)')
    .option('--lang <lang>', 'en or de', 'en')
    .option('--out <file>', 'where to write the PDF (default briefing-MEETING-LANG.pdf)')
    .option('--as <user>', "the pack as this account may see it (default: everything, marked with its highest level)")
    .action(
      serviceAction(io, optionsSchema, {
        prepare: (options, [meeting]) => {
          const id = parseInput(idSchema, meeting, 'meeting id', 'MEETING');
          return async ({ store, briefing }) => {
            let principal: Principal = CLI_PRINCIPAL;
            if (options.as !== undefined) {
              const user = await findUserByName(store.db, options.as);
              if (!user || user.disabled) throw new InputError('input.invalid', 'invalid options', [{ path: '--as', message: `no active account '${options.as}'` }]);
              principal = principalOfUser(user);
            }
            const { bytes, filename } = await briefing.pdf(principal, id, options.lang);
            const out = options.out ?? filename;
            await writeFile(out, bytes);
            return `Wrote ${out} (${Math.round(bytes.length / 1024)} KB)\n`;
          };
        },
        text: (message) => message,
      }),
    );
}
