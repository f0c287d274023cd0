import type { Command } from 'commander';
import { z } from 'zod';
import { serviceAction } from '../command-shell.js';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import type { CliIo } from '../io.js';

// `coalition audit verify`: walk the hash chain; exit 1 and name the first bad entry when it is broken.

const optionsSchema = z.strictObject({ json: z.boolean().optional() });

/** Register the audit commands. */
export function registerAuditCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const audit = program.command('audit').description('the append-only audit log');
  audit
    .command('verify')
    .description('verify the hash chain of the audit log')
    .option('--json', 'machine-readable result')
    .action(
      serviceAction(io, optionsSchema, {
        prepare:
          (options) =>
          async ({ store }) => {
            const started = performance.now();
            const result = await verifyAudit(store.db, (checked) => {
              if (!options.json && checked > 0 && checked % 50_000 === 0) io.err(`  … ${checked} entries checked\n`);
            });
            return { result, seconds: (performance.now() - started) / 1000 };
          },
        text: ({ result, seconds }) =>
          result.ok
            ? `Audit chain intact: ${result.entries} entries in ${seconds.toFixed(2)} s; head ${result.head}\n`
            : `Audit chain BROKEN at entry ${result.firstBad}: ${result.reason} (${result.entries} entries before it verified)\n`,
        json: ({ result }) => result,
        // A broken chain exits 1.
        exitCode: { of: ({ result }) => (result.ok ? 0 : 1), set: setExitCode },
      }),
    );
}
