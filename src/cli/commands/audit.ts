import type { Command } from 'commander';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import type { CliIo } from '../io.js';
import { withStore } from '../open-configured-store.js';

// `coalition audit verify`: walk the hash chain; exit 1 and name the first bad entry when it is broken.

/** Register the audit commands. */
export function registerAuditCommand(program: Command, io: CliIo, setExitCode: (code: number) => void): void {
  const audit = program.command('audit').description('the append-only audit log');
  audit
    .command('verify')
    .description('verify the hash chain of the audit log')
    .option('--json', 'machine-readable result')
    .action(async (options: { json?: boolean }) => {
      await withStore(async (store) => {
        const started = performance.now();
        const result = await verifyAudit(store.db, (checked) => {
          if (!options.json && checked > 0 && checked % 50_000 === 0) io.err(`  … ${checked} entries checked\n`);
        });
        const seconds = (performance.now() - started) / 1000;
        if (options.json) io.out(`${JSON.stringify(result, null, 2)}\n`);
        else if (result.ok) io.out(`Audit chain intact: ${result.entries} entries in ${seconds.toFixed(2)} s; head ${result.head}\n`);
        else io.out(`Audit chain BROKEN at entry ${result.firstBad}: ${result.reason} (${result.entries} entries before it verified)\n`);
        if (!result.ok) setExitCode(1);
      });
    });
}
