import { Command, CommanderError } from 'commander';
import { exitCodeOf } from '../contracts/error-codes.js';
import { AppError } from '../contracts/input-error.js';
import { ConfigError } from '../config.js';
import { StoreLockedError } from '../db/directory-lock.js';
import { registerActionItemsCommand } from './commands/action-items.js';
import { registerAnalysisCommands } from './commands/analyses.js';
import { registerAuditCommand } from './commands/audit.js';
import { registerBackupCommands } from './commands/backup.js';
import { registerBurdenCommand } from './commands/burden.js';
import { registerChangesCommand } from './commands/changes.js';
import { registerDemoCommand } from './commands/demo.js';
import { registerExchangeCommands } from './commands/exchange.js';
import { registerFinancingCommand } from './commands/financing.js';
import { registerFundsCommand } from './commands/funds.js';
import { registerIngestCommand } from './commands/ingest.js';
import { registerRatesCommands } from './commands/rates.js';
import { registerReportCommands } from './commands/report.js';
import { registerReleaseCommands } from './commands/release.js';
import { registerSanctionsCommands } from './commands/sanctions.js';
import { registerScenarioCommand } from './commands/scenario.js';
import { registerServeCommand } from './commands/serve.js';
import { registerUserCommand } from './commands/user.js';
import { type CliHooks, type CliIo, processIo } from './io.js';

// The `coalition` command. Every command reuses the services; errors become messages and exit codes here
// (2 for bad input), never stack traces.

/** Run the CLI with the given arguments (without `node` and the script); resolves to the exit code. */
export async function runCli(argv: string[], io: CliIo = processIo, hooks: CliHooks = {}): Promise<number> {
  const program = new Command('coalition')
    .description('Coalition Ledger: pledges, conditions, coverage and gaps of the coalition for Ukraine')
    .exitOverride()
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .showHelpAfterError('(run with --help for usage)');
  let exitCode = 0;
  registerScenarioCommand(program, io);
  registerAnalysisCommands(program, io);
  registerServeCommand(program, io, hooks.startServer);
  registerDemoCommand(program, io);
  registerExchangeCommands(program, io);
  registerBackupCommands(program, io);
  registerUserCommand(program, io, hooks.readPassword);
  registerFundsCommand(program, io);
  registerFinancingCommand(program, io);
  registerBurdenCommand(program, io);
  registerChangesCommand(program, io);
  registerActionItemsCommand(program, io);
  registerReportCommands(program, io);
  registerRatesCommands(program, io);
  registerIngestCommand(program, io, hooks.stdin);
  registerReleaseCommands(program, io);
  registerSanctionsCommands(program, io);
  registerAuditCommand(program, io, (code) => {
    exitCode = code;
  });
  try {
    await program.parseAsync(argv, { from: 'user' });
    return exitCode;
  } catch (error) {
    return reportError(error, io);
  }
}

function reportError(error: unknown, io: CliIo): number {
  if (error instanceof CommanderError) {
    // Help and version exit with 0; every usage error is bad input.
    return error.exitCode === 0 ? 0 : 2;
  }
  if (error instanceof AppError) {
    io.err(`error: ${error.message}\n`);
    for (const problem of error.problems) io.err(`  ${problem.path}: ${problem.message}\n`);
    return exitCodeOf(error.code);
  }
  if (error instanceof StoreLockedError || error instanceof ConfigError) {
    io.err(`error: ${error.message}\n`);
    return 2;
  }
  if (isFileSystemError(error)) {
    // A path the user gave cannot be read or written: bad input, not a crash.
    io.err(`error: cannot use ${error.path ?? 'the file'}: ${FILE_ERRORS[error.code] ?? error.code}\n`);
    return 2;
  }
  const message = error instanceof Error ? error.message : String(error);
  io.err(`internal error: ${message}\n`);
  return 1;
}

const FILE_ERRORS: Record<string, string> = {
  ENOENT: 'no such file or directory',
  EACCES: 'permission denied',
  EPERM: 'not permitted',
  EISDIR: 'is a directory',
  ENOTDIR: 'a part of the path is not a directory',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on the device',
  EEXIST: 'already exists',
};

function isFileSystemError(error: unknown): error is NodeJS.ErrnoException & { code: string } {
  return error instanceof Error && typeof (error as NodeJS.ErrnoException).code === 'string' && (error as NodeJS.ErrnoException).code! in FILE_ERRORS;
}
