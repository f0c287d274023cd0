import type { z } from 'zod';
import type { Services } from '../services/create-services.js';
import type { CliIo } from './io.js';
import { parseOptions } from './parse-options.js';
import { withServices } from './with-services.js';

// The shell every store command shares: validate the options, read what the command needs before the store
// opens (its arguments, a file, standard input), run on the services of the configured store (closed
// afterwards whatever happens), print the result as JSON (--json) or text, and report an exit code. Errors
// propagate to runCli, which turns them into messages and exit codes (2 for bad input).

/** The work of a command on the services of the configured store. */
export type StoreWork<T> = (services: Services) => Promise<T>;

/** What a command does, beside its commander declaration. */
export interface ServiceCommand<O extends object, T> {
  /**
   * Checks the positional arguments and reads what the command needs before the store opens (a file,
   * standard input), then returns the work to do on the services.
   */
  prepare: (options: O, args: readonly string[]) => StoreWork<T> | Promise<StoreWork<T>>;
  /** The result as text, printed without --json. */
  text: (result: T, options: O) => string;
  /** The result as printed with --json (default: the result itself). */
  json?: (result: T, options: O) => unknown;
  /** The exit code of a result (default 0), and where a non-zero one is reported. */
  exitCode?: { of: (result: T) => number; set: (code: number) => void };
}

/** A commander action: `options` (commander's camelCase keys) validated, bad ones named as typed (`--as-of`), then `command` run and its result printed to `io`. */
export function serviceAction<O extends object, T>(io: CliIo, options: z.ZodType<O, unknown>, command: ServiceCommand<O, T>): (...given: unknown[]) => Promise<void> {
  return async (...given) => {
    // Commander calls an action with the positional arguments (an optional one left out is undefined), then
    // the options, then the command.
    const args = given.slice(0, -2).filter((value): value is string => typeof value === 'string');
    const parsed = parseOptions(options, given.at(-2));
    const work = await command.prepare(parsed, args);
    const result = await withServices(work);
    const printed = 'json' in parsed && parsed.json === true ? `${JSON.stringify(command.json ? command.json(result, parsed) : result, null, 2)}\n` : command.text(result, parsed);
    if (printed !== '') io.out(printed);
    const code = command.exitCode?.of(result) ?? 0;
    if (code !== 0) command.exitCode?.set(code);
  };
}
