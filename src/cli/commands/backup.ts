import { stat } from 'node:fs/promises';
import { serviceAction } from '../command-shell.js';
import type { Command } from 'commander';
import { z } from 'zod';
import { InputError } from '../../contracts/input-error.js';
import { verifyAudit } from '../../services/audit/verify-audit.js';
import { backupToFile } from '../../services/backup/create-backup.js';
import { readBackupFile, restoreBackup } from '../../services/backup/restore-backup.js';
import type { CliIo } from '../io.js';

// `coalition backup FILE` / `coalition restore FILE`: the whole store (records with versions and timestamps,
// users, the audit log and its head) as one JSON file, gzip-compressed when FILE ends in .gz.

const backupOptionsSchema = z.strictObject({ json: z.boolean().optional() });
const restoreOptionsSchema = z.strictObject({ force: z.boolean().optional(), json: z.boolean().optional() });

const PROGRESS_FROM = 10_000;

/** Register `backup` and `restore`. */
export function registerBackupCommands(program: Command, io: CliIo): void {
  program
    .command('backup')
    .description('write the whole store (records, users, audit log) to one JSON file, gzip-compressed if FILE ends in .gz')
    .argument('<file>', 'the backup file to write (replaced when it exists)')
    .option('--json', 'machine-readable summary')
    .action(
      serviceAction(io, backupOptionsSchema, {
        prepare:
          (options, [file = '']) =>
          async ({ store }) => {
            const started = performance.now();
            const progress = progressPrinter(io, options.json === true);
            const summary = await backupToFile(store.db, file, {
              now: new Date(),
              onProgress: ({ phase, done }) => progress(phase === 'audit' ? 'audit entries' : 'records', done),
            });
            const { size } = await stat(file);
            return { file, bytes: size, summary, seconds: (performance.now() - started) / 1000 };
          },
        text: ({ file, bytes, summary, seconds }) =>
          `Backup written to ${file}: ${summary.records} records, ${summary.tableRows} other rows, ${summary.auditEntries} audit entries ` +
          `(head ${summary.head.seq}, ${summary.head.hash.slice(0, 12)}…), ${formatBytes(bytes)} in ${seconds.toFixed(2)} s\n`,
        json: ({ file, bytes, summary }) => ({ file, bytes, ...summary }),
      }),
    );

  program
    .command('restore')
    .description('restore a backup into an empty store (or, with --force, replace everything in the store); checked completely before anything is written')
    .argument('<file>', 'a file written by `coalition backup`')
    .option('--force', 'delete everything in the store first (in the same transaction)')
    .option('--json', 'machine-readable summary')
    .action(
      serviceAction(io, restoreOptionsSchema, {
        prepare: async (options, [file = '']) => {
          const document = await readBackupFile(file).catch((error: unknown) => {
            const code = error instanceof Error && 'code' in error ? String(error.code) : '';
            if (code === 'ENOENT') throw new InputError('input.invalid', `cannot read ${file}`, [{ path: file, message: 'no such file' }]);
            throw error;
          });
          return async ({ store, cache }) => {
            const started = performance.now();
            const progress = progressPrinter(io, options.json === true);
            const summary = await restoreBackup(store, cache, document, {
              force: options.force === true,
              onProgress: ({ phase, done, total }) => progress(phase, done, total),
            });
            const verification = await verifyAudit(store.db);
            return { file, summary, verification, seconds: (performance.now() - started) / 1000 };
          };
        },
        text: ({ file, summary, verification, seconds }) => {
          const replaced = summary.replaced > 0 ? ` (replacing ${summary.replaced} rows)` : '';
          return (
            `Restored ${file}, a backup of ${summary.backupCreatedAt}${replaced}: ${summary.records} records, ${summary.tableRows} other rows, ` +
            `${summary.auditEntries} audit entries in ${seconds.toFixed(2)} s\n` +
            (verification.ok ? `Audit chain intact: ${verification.entries} entries; head ${verification.head}\n` : `Audit chain BROKEN at entry ${verification.firstBad}: ${verification.reason}\n`)
          );
        },
        json: ({ summary, verification }) => ({ ...summary, verification }),
      }),
    );
}

/** Progress on stderr each time a phase passes another 10,000 (and at its end, when it is that large). */
function progressPrinter(io: CliIo, quiet: boolean): (phase: string, done: number, total?: number) => void {
  const next = new Map<string, number>();
  return (phase, done, total) => {
    if (quiet) return;
    const threshold = next.get(phase) ?? PROGRESS_FROM;
    const finished = total !== undefined && done === total && total >= PROGRESS_FROM;
    if (done < threshold && !finished) return;
    next.set(phase, finished ? Number.POSITIVE_INFINITY : (Math.floor(done / PROGRESS_FROM) + 1) * PROGRESS_FROM);
    io.err(`  … ${phase}: ${done}${total === undefined ? '' : ` of ${total}`}\n`);
  };
}

function formatBytes(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
